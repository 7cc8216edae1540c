/** Scoring a portal's leads and deals for the dialogue, on a generated CRM where long outgoing calls help. */
import { createPortalScorer, historyPointDue, type CrmSource } from '../../src/scoring/portal-scorer';
import { createMemoryStore } from '../../src/store/memory';
import { seededRng } from '../../src/util/prng';

type Row = Record<string, unknown>;
const iso = (ms: number) => new Date(ms).toISOString();
const T0 = Date.parse('2026-01-05T12:00:00Z');
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T07:00:00Z');

/** `n` records of one kind; the last 10 are open. Deals: won when the long calls and the "договор" e-mails say so. */
function generate(n: number, entity: 'lead' | 'deal', seed = 3) {
  const r = seededRng(seed);
  const records: Row[] = [];
  const acts: Row[] = [];
  let actId = 1;
  for (let id = 1; id <= n; id++) {
    const closed = id <= n - 10;
    // Open records are young, as on a real portal: their activities are the last weeks' (scored at NOW).
    const created = closed ? T0 + id * 3_600_000 : NOW - 8 * DAY;
    const long = Math.floor(r() * 4);
    const source = r() < 0.5 ? 'CALL' : 'WEB';
    for (let k = 0; k < long; k++) {
      const at = created + (k + 1) * DAY;
      acts.push({ ID: actId++, OWNER_ID: id, OWNER_TYPE_ID: entity === 'lead' ? 1 : 2, TYPE_ID: 2, DIRECTION: 2, START_TIME: iso(at), END_TIME: iso(at + 9 * 60_000) });
    }
    const contract = r() < 0.5;
    if (contract) acts.push({ ID: actId++, OWNER_ID: id, OWNER_TYPE_ID: entity === 'lead' ? 1 : 2, TYPE_ID: 4, DIRECTION: 1, SUBJECT: 'Re: договор', DESCRIPTION: '<p>Пришлите договор на подпись</p>', START_TIME: iso(created + DAY), END_TIME: iso(created + DAY) });
    const p = 0.1 + 0.2 * long + (source === 'CALL' ? 0.1 : 0) + (entity === 'deal' && contract ? 0.2 : 0);
    const semantic = closed ? (r() < p ? 'S' : 'F') : 'P';
    const closedAt = created + 10 * DAY;
    const common = { ID: id, SOURCE_ID: source, DATE_CREATE: iso(created), ASSIGNED_BY_ID: 1 + (id % 3) };
    if (entity === 'lead') records.push({ ...common, TITLE: source === 'CALL' ? 'Входящий звонок' : 'Заявка с сайта', HAS_PHONE: 'Y', STATUS_SEMANTIC_ID: semantic, DATE_CLOSED: closed ? iso(closedAt) : '' });
    else records.push({ ...common, TITLE: 'Продажа', OPPORTUNITY: 1000 * (1 + (id % 7)), STAGE_SEMANTIC_ID: semantic, CLOSEDATE: iso(closedAt).slice(0, 10) });
  }
  return { records, acts };
}

function fakeCrm(nLeads: number, nDeals = 0) {
  const leads = generate(nLeads, 'lead');
  const deals = generate(nDeals, 'deal', 5);
  const calls = { leads: 0, deals: 0 };
  const crm: CrmSource = {
    leads: async () => (calls.leads++, leads.records),
    activitiesOfLeads: async () => leads.acts,
    lead: async (_m, id) => leads.records.find((l) => l.ID === id) ?? null,
    activitiesOfLead: async (_m, id) => leads.acts.filter((a) => a.OWNER_ID === id),
    deals: async () => (calls.deals++, deals.records),
    activitiesOfDeals: async () => deals.acts,
    deal: async (_m, id) => deals.records.find((l) => l.ID === id) ?? null,
    activitiesOfDeal: async (_m, id) => deals.acts.filter((a) => a.OWNER_ID === id),
    find: async (_m, entity, q) => (entity === 'deal' ? deals : leads).records.filter((r) => String(r.TITLE).toLowerCase().includes(q.toLowerCase())).reverse(),
  };
  return { crm, calls, leads, deals };
}

const account = { memberId: 'm1', userId: 1 };

describe('createPortalScorer', () => {
  it('trains on first use, then scores with reasons that name the strong features', async () => {
    const store = createMemoryStore();
    const { crm, leads } = fakeCrm(1500);
    const scorer = createPortalScorer({ crm, models: store.models, minClosed: 1000, retrainDays: 30, clock: () => NOW });
    const open = leads.records.filter((l) => l.STATUS_SEMANTIC_ID === 'P');
    let best = { id: 0, p: 0 };
    for (const l of open) {
      const a = await scorer.scoreLead(account, { id: Number(l.ID) });
      expect(a.kind).toBe('score');
      if (a.kind === 'score' && a.probability > best.p) best = { id: a.id, p: a.probability };
    }
    const top = await scorer.scoreLead(account, { id: best.id });
    // Every generated call is long and recent, so "outgoing calls", "over 5 minutes", "calls in the
    // last month" and "activities in the last month" all count the same calls here.
    expect(top.kind === 'score' && top.reasons.join(' ')).toMatch(/[1-4] (исходящ\S+ звон\S+|звон\S+ за последн\S+ (неделю|месяц)|дел\S* за последн\S+ (неделю|месяц))/);
    expect(top.kind === 'score' && top.modelQuality.auc).toBeGreaterThan(0.6);
    expect((await store.models.list('m1', 'lead')).length).toBe(1); // trained once
    expect((await store.models.scores('m1', 'lead', best.id)).length).toBe(1); // the same score again adds no history point
    // The point keeps what made it: every column's value and effect, for the card's "what moved it".
    const [kept] = await store.models.scores('m1', 'lead', best.id);
    expect(kept!.factors!.map((f) => f.column)).toEqual(expect.arrayContaining(['calls_out', 'activities_30d']));
    expect(kept!.factors!.every((f) => Number.isFinite(f.effect) && typeof f.value === 'string')).toBe(true);
    const en = await scorer.scoreLead(account, { id: best.id }, 'en');
    expect(en.kind === 'score' && en.reasons.join(' ')).toMatch(/[1-4] (outgoing calls?( over 5 minutes)?|calls? in the last (week|month)|activit(y|ies) in the last (week|month))/);
  });

  it('trains a deal model of its own (won/lost by stage semantic) and answers a deal with reasons', async () => {
    const store = createMemoryStore();
    const { crm, deals } = fakeCrm(0, 1500);
    const scorer = createPortalScorer({ crm, models: store.models, minClosed: 1000, retrainDays: 30, clock: () => NOW });
    const open = deals.records.filter((d) => d.STAGE_SEMANTIC_ID === 'P');
    const answers = [];
    for (const d of open) answers.push(await scorer.scoreLead(account, { id: Number(d.ID), entity: 'deal' }));
    expect(answers.every((a) => a.kind === 'score' && a.entity === 'deal')).toBe(true);
    expect(await store.models.latest('m1', 'lead')).toBeNull();
    const rec = await store.models.latest('m1', 'deal');
    expect(rec?.version).toBe(1);
    expect(rec?.nextTrainingAt).toBe(NOW + 30 * DAY);
    const meta = rec!.meta as { counts: { train: { success: number; failure: number } }; metrics: { auc: number } };
    expect(meta.counts.train.success + meta.counts.train.failure).toBeGreaterThan(1000);
    expect(meta.metrics.auc).toBeGreaterThan(0.6);
    // The hashed e-mail words carry weight: the best open deal's reasons name calls or the e-mails' words.
    const best = answers.reduce((a, b) => (a.kind === 'score' && b.kind === 'score' && b.probability > a.probability ? b : a));
    expect(best.kind === 'score' && best.reasons.join(' ')).toMatch(/исходящ\S+ звон|в письмах и чатах есть слов/);
    expect((await store.models.scores('m1', 'deal', (best as { id: number }).id)).length).toBe(1);
    const runner = await scorer.runner({ memberId: 'm1', entity: 'deal' }, async () => undefined);
    expect(runner).toBe('model version 2 trained');
  });

  it('finds a record by its title: one match is scored, several are offered, none is not found', async () => {
    const store = createMemoryStore();
    const { crm, leads } = fakeCrm(1500);
    leads.records[1499]!.TITLE = 'Ромашка: окна ПВХ';
    const scorer = createPortalScorer({ crm, models: store.models, minClosed: 1000, retrainDays: 30, clock: () => NOW });
    expect(await scorer.scoreLead(account, { query: 'ромашка' })).toMatchObject({ kind: 'score', entity: 'lead', id: 1500, title: 'Ромашка: окна ПВХ' });
    const several = await scorer.scoreLead(account, { query: 'с сайта' });
    expect(several.kind).toBe('ambiguous');
    expect(several.kind === 'ambiguous' && several.options.length).toBe(5);
    expect(several.kind === 'ambiguous' && several.options.every((o) => o.title === 'Заявка с сайта')).toBe(true);
    expect(await scorer.scoreLead(account, { query: 'лютики' })).toMatchObject({ kind: 'not-found', entity: 'lead' });
  });

  it('refuses to train below the minimum with the counts, and says when a lead is not there', async () => {
    const store = createMemoryStore();
    const { crm } = fakeCrm(300, 40);
    const scorer = createPortalScorer({ crm, models: store.models, minClosed: 2000, retrainDays: 30 });
    expect(await scorer.scoreLead(account, { id: 5 })).toEqual({ kind: 'no-model', entity: 'lead', closed: 290, required: 2000 });
    expect(await scorer.scoreLead(account, { id: 5, entity: 'deal' })).toEqual({ kind: 'no-model', entity: 'deal', closed: 30, required: 2000 });
    expect((await scorer.scoreLead(account, { id: 99999 })).kind).toBe('not-found');
    expect(await scorer.scoreLead(account, { id: 99999, entity: 'deal' })).toMatchObject({ kind: 'not-found', entity: 'deal' });
    expect(await scorer.runner({ memberId: 'm1', entity: 'deal' }, async () => undefined)).toBe('not_enough_data closed=30 required=2000 success=16 failure=14');
  });

  it('remembers a refusal for an hour: repeated questions do not export the CRM again', async () => {
    const store = createMemoryStore();
    const { crm, calls } = fakeCrm(300);
    let now = NOW;
    const scorer = createPortalScorer({ crm, models: store.models, minClosed: 2000, retrainDays: 30, clock: () => now });
    for (let i = 0; i < 5; i++) expect(await scorer.scoreLead(account, { id: 5 })).toMatchObject({ kind: 'no-model', closed: 290 });
    expect(calls.leads).toBe(1);
    expect(await scorer.dataCounts('m1', 'lead')).toEqual({ closed: 290, success: expect.any(Number), failure: expect.any(Number), required: 2000 });
    expect(calls.leads).toBe(1);
    now += 59 * 60_000;
    await scorer.scoreLead(account, { id: 5 });
    expect(calls.leads).toBe(1);
    now += 2 * 60_000; // past the hour: the portal may have grown
    await scorer.scoreLead(account, { id: 5 });
    expect(calls.leads).toBe(2);
    // Training on demand always exports (new data is the point of retraining).
    await scorer.runner({ memberId: 'm1', entity: 'lead' }, async () => undefined);
    expect(calls.leads).toBe(3);
  });

  it('answers from a stale model without retraining when the server retrains on a schedule, and retrains inline otherwise', async () => {
    for (const inline of [false, true]) {
      const store = createMemoryStore();
      const { crm, calls } = fakeCrm(1500);
      let now = NOW;
      const scorer = createPortalScorer({ crm, models: store.models, minClosed: 1000, retrainDays: 30, clock: () => now, retrainStaleOnDemand: inline });
      expect((await scorer.scoreLead(account, { id: 5 })).kind).toBe('score');
      expect(calls.leads).toBe(1);
      now += 31 * DAY;
      expect((await scorer.scoreLead(account, { id: 5 })).kind).toBe('score');
      expect(calls.leads).toBe(inline ? 2 : 1);
      expect((await store.models.latest('m1', 'lead'))?.version).toBe(inline ? 2 : 1);
    }
  });
});

describe('historyPointDue', () => {
  const last = { at: NOW, probability: 0.421, modelVersion: 3 };
  it('adds a point when the rounded score or the model changes, or a day passed; not on a repeat', () => {
    expect(historyPointDue(undefined, NOW, 0.4, 3)).toBe(true);
    expect(historyPointDue(last, NOW + 700, 0.4211, 3)).toBe(false);
    expect(historyPointDue(last, NOW + 700, 0.434, 3)).toBe(true);
    expect(historyPointDue(last, NOW + 700, 0.421, 4)).toBe(true);
    expect(historyPointDue(last, NOW + DAY - 1, 0.421, 3)).toBe(false);
    expect(historyPointDue(last, NOW + DAY, 0.421, 3)).toBe(true);
  });
});
