/**
 * Lead scores for the dialogue (`LeadScorer`): reads a portal's leads and activities through a
 * `CrmSource`, trains when the portal has no model yet (refusing below `minClosed` closed leads,
 * with the counts), keeps models in the `ModelStore`, and answers one lead with its probability,
 * level, reasons and the model's quality.
 */
import type { Account, LeadScoreAnswer } from '../dialog/types';
import type { Lang, LeadRef } from '../nlu/types';
import type { ModelStore } from '../store/types';
import { LEAD_FEATURE_KINDS, TARGET, leadRow, leadTable, countActivities, type CrmRow } from './crm-features';
import { compile, parseModel, type CompiledModel } from './model';
import { trainTable } from './pipeline';
import { isMissing } from './dataset';
import { explainRow, reasonsInWords } from './explain';
import type { TrainRunner } from './queue';

/** What scoring needs from a portal (implemented over src/bitrix, faked in tests). */
export interface CrmSource {
  leads(memberId: string): Promise<CrmRow[]>;
  activitiesOfLeads(memberId: string): Promise<CrmRow[]>;
  lead(memberId: string, id: number): Promise<CrmRow | null>;
  activitiesOfLead(memberId: string, id: number): Promise<CrmRow[]>;
}

export interface PortalScorerDeps {
  crm: CrmSource;
  models: ModelStore;
  minClosed: number;
  retrainDays: number;
  clock?: () => number;
}

type Progress = (fraction: number, message: string) => Promise<void> | void;

const level = (p: number): 'low' | 'medium' | 'high' => (p < 0.35 ? 'low' : p < 0.65 ? 'medium' : 'high');

export function createPortalScorer(deps: PortalScorerDeps) {
  const clock = deps.clock ?? Date.now;
  const compiled = new Map<string, { version: number; model: CompiledModel }>();
  const training = new Map<string, Promise<LeadScoreAnswer | null>>();

  /** Train and save a lead model for a portal; a no-model answer when it has too few closed leads. */
  async function train(memberId: string, progress: Progress = () => undefined): Promise<LeadScoreAnswer | null> {
    await progress(0.05, 'export: leads');
    const leads = await deps.crm.leads(memberId);
    const closed = leads.filter((l) => ['S', 'F'].includes(String(l.STATUS_SEMANTIC_ID ?? '').toUpperCase())).length;
    if (closed < deps.minClosed) return { kind: 'no-model', entity: 'lead', closed, required: deps.minClosed };
    await progress(0.3, 'export: activities');
    const activities = await deps.crm.activitiesOfLeads(memberId);
    await progress(0.6, 'training');
    const table = leadTable(leads, activities);
    // A field a portal never fills, or fills with one value only (every lead has a phone), says
    // nothing about the outcome: train without it.
    const empty = table.header.filter((h, i) => h !== TARGET && new Set(table.rows.map((r) => r[i]).filter((v) => !isMissing(v))).size <= 1);
    const { model } = trainTable(table, { target: TARGET, positive: 'success', drop: [...new Set(['ID', ...empty])], kinds: LEAD_FEATURE_KINDS });
    const now = clock();
    await progress(0.9, 'saving');
    await deps.models.save({ memberId, entity: 'lead', trainedAt: now, nextTrainingAt: now + deps.retrainDays * 86_400_000, meta: model.meta as unknown as Record<string, unknown>, payload: model });
    return null;
  }

  async function current(memberId: string): Promise<CompiledModel | LeadScoreAnswer> {
    let rec = await deps.models.latest(memberId, 'lead');
    if (!rec || rec.nextTrainingAt <= clock()) {
      let t = training.get(memberId);
      if (!t) {
        t = train(memberId).finally(() => training.delete(memberId));
        training.set(memberId, t);
      }
      const refused = await t;
      if (refused) return refused;
      rec = await deps.models.latest(memberId, 'lead');
      if (!rec) return { kind: 'no-model', entity: 'lead', closed: 0, required: deps.minClosed };
    }
    const hit = compiled.get(memberId);
    if (hit && hit.version === rec.version) return hit.model;
    const model = compile(parseModel(rec.payload));
    compiled.set(memberId, { version: rec.version, model });
    return model;
  }

  return {
    train,
    /** The job runner's work: train one portal's model, saying what happened. */
    runner: (async (job, progress) => {
      if (job.entity !== 'lead') throw new Error('only lead models are trained so far');
      const refused = await train(job.memberId, progress);
      if (refused?.kind === 'no-model') return `not enough data: ${refused.closed} closed leads of ${refused.required}`;
      const rec = await deps.models.latest(job.memberId, 'lead');
      return `model version ${rec?.version ?? '?'} trained`;
    }) as TrainRunner,
    async scoreLead(account: Account, ref: LeadRef, lang: Lang = 'ru'): Promise<LeadScoreAnswer> {
      if (ref.entity === 'deal') return { kind: 'no-model', entity: 'deal', closed: 0, required: deps.minClosed };
      if (ref.id === undefined) return { kind: 'not-found', entity: 'lead', ref };
      const lead = await deps.crm.lead(account.memberId, ref.id);
      if (!lead) return { kind: 'not-found', entity: 'lead', ref };
      const model = await current(account.memberId);
      if (!('weights' in model)) return model;
      const table = leadTable([lead], []);
      const row = leadRow(lead, countActivities(await deps.crm.activitiesOfLead(account.memberId, ref.id)).get(ref.id));
      const ex = explainRow(model, table.header, row);
      await deps.models.addScore(account.memberId, 'lead', ref.id, clock(), ex.probability, (await deps.models.latest(account.memberId, 'lead'))?.version ?? 0);
      const m = model.model.meta.metrics;
      return {
        kind: 'score',
        entity: 'lead',
        id: ref.id,
        title: String(lead.TITLE ?? `#${ref.id}`),
        probability: ex.probability,
        level: level(ex.probability),
        reasons: reasonsInWords(ex.contributions, lang),
        modelQuality: { auc: m.auc, precision: m.precision, recall: m.recall },
      };
    },
  };
}
