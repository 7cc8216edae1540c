/**
 * Lead and deal scores for the dialogue (`LeadScorer`): reads a portal's leads or deals and their
 * activities through a `CrmSource`, trains when the portal has no model for that entity yet
 * (refusing below `minClosed` closed records, with the counts), keeps models in the `ModelStore`,
 * and answers one record with its probability, level, reasons and the model's quality.
 *
 * A refused portal's counts are remembered for `refusalTtlMs` (an hour by default): every "какой
 * скоринг" on a small portal would otherwise export the whole CRM again only to refuse again.
 */
import type { Account, LeadScoreAnswer } from '../dialog/types';
import type { Lang, LeadRef } from '../nlu/types';
import type { ModelStore } from '../store/types';
import { FEATURE_KINDS, TARGET, countAt, crmTable, groupActivities, recordRow, referenceTime, semanticOf, type CrmEntity, type CrmRow } from './crm-features';
import { compile, parseModel, type CompiledModel } from './model';
import { trainTableAsync } from './pipeline';
import { isMissing } from './dataset';
import { explainRow, percentInWords, reasonsInWords, type UserNames } from './explain';
import { pointFactors } from './history';
import { notEnoughData } from './job-outcome';
import type { TrainRunner } from './queue';
import { poolModels, type PriorModel } from './pooled';
import type { ModelMeta } from './model';

/** Rows exported so far and the total the portal reported (undefined when it did not say). */
export type ExportProgress = (done: number, total: number | undefined) => void;

/** What scoring needs from a portal (implemented over src/bitrix, faked in tests). */
export interface CrmSource {
  leads(memberId: string, onProgress?: ExportProgress): Promise<CrmRow[]>;
  activitiesOfLeads(memberId: string, onProgress?: ExportProgress): Promise<CrmRow[]>;
  lead(memberId: string, id: number): Promise<CrmRow | null>;
  activitiesOfLead(memberId: string, id: number): Promise<CrmRow[]>;
  deals(memberId: string, onProgress?: ExportProgress): Promise<CrmRow[]>;
  activitiesOfDeals(memberId: string, onProgress?: ExportProgress): Promise<CrmRow[]>;
  deal(memberId: string, id: number): Promise<CrmRow | null>;
  activitiesOfDeal(memberId: string, id: number): Promise<CrmRow[]>;
  /** Records whose title contains `query` (ID and TITLE at least), newest first; for "скоринг лида Ромашка". */
  find?(memberId: string, entity: CrmEntity, query: string): Promise<CrmRow[]>;
}

export interface PortalScorerDeps {
  crm: CrmSource;
  models: ModelStore;
  minClosed: number;
  retrainDays: number;
  clock?: () => number;
  /** How long a refusal's counts are trusted before the CRM is exported again. Default 1 hour. */
  refusalTtlMs?: number;
  /**
   * Retrain a stale model (nextTrainingAt passed) inside the question that finds it, before
   * answering. Default true; the server turns it off because its scheduler (schedule.ts) retrains
   * in the background and a question should not wait for an export.
   */
  retrainStaleOnDemand?: boolean;
  /**
   * The member ids of the portals that opted in to the pooled prior (SCORING_POOLED; see
   * pooled.ts). Below `minClosed` such a portal gets a model of its own records pulled toward the
   * pooled one, said as preliminary; without this, or for a portal not in the list, it is refused.
   */
  pooled?: () => Promise<string[]>;
  /** The portal's users by id, so a reason names the responsible person instead of a number. */
  userNames?: (memberId: string) => Promise<UserNames>;
}

/** Fewest closed records (and of each outcome) a preliminary model is fitted on: below, even a prior-pulled fit is noise. */
export const PRELIMINARY_MIN = { closed: 20, each: 4 };
/** A preliminary model is retrained at least this often (days): the portal's own records keep coming. */
const PRELIMINARY_RETRAIN_DAYS = 7;

export type Progress = (fraction: number, message: string) => Promise<void> | void;

/** Finer progress for a terminal: rows exported (of the portal's total) and the fit's stages. */
export interface TrainListener {
  export?(what: 'leads' | 'deals' | 'activities', done: number, total: number | undefined): void;
  stage?(stage: string, fraction: number): void;
}

export interface DataCounts {
  closed: number;
  success: number;
  failure: number;
  required: number;
}

export type NoModel = Extract<LeadScoreAnswer, { kind: 'no-model' }> & { success: number; failure: number };

const DAY_MS = 86_400_000;

/**
 * Whether a score joins a record's history: when there is none yet, when the model version changed,
 * when the score moved by at least the rounding step people see (a whole percent), or at most once
 * a day otherwise — so opening a card again adds nothing.
 */
export function historyPointDue(last: { at: number; probability: number; modelVersion: number } | undefined, now: number, probability: number, version: number): boolean {
  if (!last) return true;
  if (last.modelVersion !== version) return true;
  if (Math.round(last.probability * 100) !== Math.round(probability * 100)) return true;
  return now - last.at >= DAY_MS;
}

const level = (p: number): 'low' | 'medium' | 'high' => (p < 0.35 ? 'low' : p < 0.65 ? 'medium' : 'high');
const ENTITIES: CrmEntity[] = ['lead', 'deal'];

export function createPortalScorer(deps: PortalScorerDeps) {
  const clock = deps.clock ?? Date.now;
  const refusalTtl = deps.refusalTtlMs ?? 3_600_000;
  const compiled = new Map<string, { version: number; model: CompiledModel }>();
  const training = new Map<string, Promise<NoModel | null>>();
  /** Counts from the last export per portal and entity: refusals are answered from here for a while. */
  const counted = new Map<string, { at: number; counts: DataCounts }>();
  const key = (memberId: string, entity: CrmEntity) => `${memberId}\u0000${entity}`;

  const source = (entity: CrmEntity) =>
    entity === 'deal'
      ? { records: deps.crm.deals.bind(deps.crm), activities: deps.crm.activitiesOfDeals.bind(deps.crm), one: deps.crm.deal.bind(deps.crm), activitiesOf: deps.crm.activitiesOfDeal.bind(deps.crm) }
      : { records: deps.crm.leads.bind(deps.crm), activities: deps.crm.activitiesOfLeads.bind(deps.crm), one: deps.crm.lead.bind(deps.crm), activitiesOf: deps.crm.activitiesOfLead.bind(deps.crm) };

  function countClosed(entity: CrmEntity, records: CrmRow[]): DataCounts {
    let success = 0;
    let failure = 0;
    for (const r of records) {
      const s = semanticOf(entity, r);
      if (s === 'S') success++;
      else if (s === 'F') failure++;
    }
    return { closed: success + failure, success, failure, required: deps.minClosed };
  }

  const refusal = (entity: CrmEntity, c: DataCounts): NoModel => ({ kind: 'no-model', entity, closed: c.closed, required: c.required, success: c.success, failure: c.failure });

  /**
   * Train and save a model for a portal and entity; a no-model answer (with the counts) when it has
   * too few closed records. Always exports: on-demand and scheduled retraining must see new data.
   */
  async function train(memberId: string, entity: CrmEntity = 'lead', progress: Progress = () => undefined, listen: TrainListener = {}): Promise<NoModel | null> {
    const src = source(entity);
    const plural = entity === 'deal' ? 'deals' : 'leads';
    await progress(0.05, `export: ${plural}`);
    const records = await src.records(memberId, (done, total) => listen.export?.(plural, done, total));
    const counts = countClosed(entity, records);
    counted.set(key(memberId, entity), { at: clock(), counts });
    let prior: PriorModel | null = null;
    if (counts.closed < deps.minClosed) {
      if (counts.closed < PRELIMINARY_MIN.closed || counts.success < PRELIMINARY_MIN.each || counts.failure < PRELIMINARY_MIN.each) return refusal(entity, counts);
      prior = await pooledPrior(memberId, entity);
      if (!prior) return refusal(entity, counts);
    }
    await progress(0.3, 'export: activities');
    const activities = await src.activities(memberId, (done, total) => listen.export?.('activities', done, total));
    await progress(0.6, 'features');
    const now = clock();
    const table = crmTable(entity, records, activities, now);
    // A field a portal never fills, or fills with one value only (every lead has a phone), says
    // nothing about the outcome: train without it.
    // Judged on the closed records only: those are the rows the model is trained on.
    const t = table.header.indexOf(TARGET);
    const closedRows = table.rows.filter((r) => !isMissing(r[t]));
    const empty = table.header.filter((h, i) => h !== TARGET && new Set(closedRows.map((r) => r[i]).filter((v) => !isMissing(v))).size <= 1);
    await progress(0.65, 'training');
    const { model } = await trainTableAsync(table, {
      target: TARGET,
      positive: 'success',
      drop: [...new Set(['ID', ...empty])],
      kinds: FEATURE_KINDS[entity],
      clock: () => performance.now() / 1000,
      onProgress: listen.stage,
      ...(prior ? { prior } : {}),
    });
    await progress(0.9, 'saving');
    const days = prior ? Math.min(deps.retrainDays, PRELIMINARY_RETRAIN_DAYS) : deps.retrainDays;
    await deps.models.save({ memberId, entity, trainedAt: now, nextTrainingAt: now + days * 86_400_000, meta: model.meta as unknown as Record<string, unknown>, payload: model });
    return null;
  }

  /**
   * The pooled prior for a portal that opted in: made from the latest models of the other opted-in
   * portals that stand on their own records (a preliminary model is not pooled again). Null when
   * the portal did not opt in or no other portal has such a model.
   */
  async function pooledPrior(memberId: string, entity: CrmEntity): Promise<PriorModel | null> {
    if (!deps.pooled) return null;
    const members = await deps.pooled();
    if (!members.includes(memberId)) return null;
    const models = [];
    for (const m of members) {
      if (m === memberId) continue;
      const rec = await deps.models.latest(m, entity);
      if (!rec || (rec.meta as Partial<ModelMeta>).prior) continue;
      try {
        const model = parseModel(rec.payload);
        const c = model.meta.counts.train;
        models.push({ model, rows: c.success + c.failure });
      } catch {
        // A model from an older build: left out of the pool.
      }
    }
    return models.length ? poolModels(models) : null;
  }

  /** User names for reasons; none (ids said as "сотрудник №14") when the directory cannot be read. */
  async function namesOf(memberId: string): Promise<UserNames | undefined> {
    try {
      return await deps.userNames?.(memberId);
    } catch {
      return undefined;
    }
  }

  /** Train once per portal and entity at a time; concurrent callers share the run. */
  function trainShared(memberId: string, entity: CrmEntity): Promise<NoModel | null> {
    const k = key(memberId, entity);
    let t = training.get(k);
    if (!t) {
      t = train(memberId, entity).finally(() => training.delete(k));
      training.set(k, t);
    }
    return t;
  }

  /** A fresh refusal remembered for this portal, if any (no export then). */
  function rememberedRefusal(memberId: string, entity: CrmEntity): NoModel | null {
    const hit = counted.get(key(memberId, entity));
    if (!hit || clock() - hit.at >= refusalTtl || hit.counts.closed >= deps.minClosed) return null;
    return refusal(entity, hit.counts);
  }

  async function current(memberId: string, entity: CrmEntity): Promise<{ model: CompiledModel; version: number } | NoModel> {
    let rec = await deps.models.latest(memberId, entity);
    if (!rec || (deps.retrainStaleOnDemand !== false && rec.nextTrainingAt <= clock())) {
      // A stale model still answers while its portal is refused (too few records since it was made).
      const remembered = rememberedRefusal(memberId, entity);
      if (remembered && !rec) return remembered;
      if (!remembered) {
        const refused = await trainShared(memberId, entity);
        if (refused && !rec) return refused;
        rec = (await deps.models.latest(memberId, entity)) ?? rec;
      }
      if (!rec) return refusal(entity, { closed: 0, success: 0, failure: 0, required: deps.minClosed });
    }
    const k = key(memberId, entity);
    const hit = compiled.get(k);
    if (hit && hit.version === rec.version) return hit;
    const entry = { version: rec.version, model: compile(parseModel(rec.payload)) };
    compiled.set(k, entry);
    return entry;
  }

  return {
    train,
    /**
     * Closed-record counts for the pages while a portal has no model: from the last export when it
     * is younger than the refusal TTL, else from a fresh export (then remembered).
     */
    async dataCounts(memberId: string, entity: CrmEntity): Promise<DataCounts> {
      const hit = counted.get(key(memberId, entity));
      if (hit && clock() - hit.at < refusalTtl) return hit.counts;
      const counts = countClosed(entity, await source(entity).records(memberId));
      counted.set(key(memberId, entity), { at: clock(), counts });
      return counts;
    },
    /** The job runner's work: train one portal's model, saying what happened. */
    runner: (async (job, progress) => {
      if (!ENTITIES.includes(job.entity)) throw new Error(`unknown entity "${String(job.entity)}"`);
      const refused = await train(job.memberId, job.entity, progress);
      // A code and the counts, not a sentence: each page says it in its own language (job-outcome.ts).
      if (refused) return notEnoughData(refused);
      const rec = await deps.models.latest(job.memberId, job.entity);
      return `model version ${rec?.version ?? '?'} trained`;
    }) as TrainRunner,
    async scoreLead(account: Account, ref: LeadRef, lang: Lang = 'ru'): Promise<LeadScoreAnswer> {
      const entity: CrmEntity = ref.entity === 'deal' ? 'deal' : 'lead';
      const src = source(entity);
      let id = ref.id;
      let record: CrmRow | null = null;
      if (id === undefined && ref.query?.trim() && deps.crm.find) {
        // By title: one match is scored, several are offered back (the newest few), none is not found.
        const found = await deps.crm.find(account.memberId, entity, ref.query.trim());
        if (found.length > 1) return { kind: 'ambiguous', entity, options: found.slice(0, 5).map((r) => ({ id: Number(r.ID), title: String(r.TITLE ?? '') })) };
        if (found.length === 1) id = Number(found[0]!.ID);
      }
      if (id === undefined || !Number.isFinite(id)) return { kind: 'not-found', entity, ref };
      record = await src.one(account.memberId, id);
      if (!record) return { kind: 'not-found', entity, ref };
      const got = await current(account.memberId, entity);
      if ('kind' in got) return { kind: 'no-model', entity, closed: got.closed, required: got.required };
      const { model, version } = got;
      const now = clock();
      const acts = groupActivities(await src.activitiesOf(account.memberId, id)).get(id);
      const row = recordRow(entity, record, countAt(acts, referenceTime(entity, record, now)));
      const header = crmTable(entity, [], [], now).header;
      const ex = explainRow(model, header, row);
      // History keeps points that mean something: a changed score, a new model, or a day gone by.
      const history = await deps.models.scores(account.memberId, entity, id);
      // Each point keeps what made it, so the card can say what moved the next one (history.ts).
      if (historyPointDue(history[history.length - 1], now, ex.probability, version)) await deps.models.addScore(account.memberId, entity, id, now, ex.probability, version, pointFactors(ex.contributions));
      const m = model.model.meta.metrics;
      const prior = model.model.meta.prior;
      return {
        kind: 'score',
        entity,
        id,
        title: String(record.TITLE ?? `#${id}`),
        probability: ex.probability,
        percent: percentInWords(ex.probability, lang),
        level: level(ex.probability),
        reasons: reasonsInWords(ex.contributions, lang, 2, undefined, await namesOf(account.memberId)),
        modelQuality: { auc: m.auc, precision: m.precision, recall: m.recall },
        ...(prior ? { preliminary: { records: model.model.meta.rows } } : {}),
      };
    },
  };
}

export type PortalScorer = ReturnType<typeof createPortalScorer>;
