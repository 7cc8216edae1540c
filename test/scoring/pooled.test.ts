/** The pooled prior and preliminary models for small portals (issue 17, item 3). */
import { poolModels, pooledMembers } from '../../src/scoring/pooled';
import { trainTable } from '../../src/scoring/pipeline';
import { binOf, type ColumnSpec } from '../../src/scoring/dataset';
import { createPortalScorer, type CrmSource } from '../../src/scoring/portal-scorer';
import { createMemoryStore } from '../../src/store/memory';
import { seededRng } from '../../src/util/prng';

function table(seed: number, n: number, shift: number) {
  const r = seededRng(seed);
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const calls = Math.floor(r() * 20 + shift);
    const src = ['web', 'call', 'ads'][Math.floor(r() * 3)]!;
    const z = -1 + 0.15 * (calls - shift) + (src === 'call' ? 0.8 : 0);
    rows.push([String(calls), src, r() < 1 / (1 + Math.exp(-z)) ? 'yes' : 'no']);
  }
  return { header: ['calls', 'source', 'won'], rows };
}

describe('poolModels', () => {
  it('is, for every value, the row-weighted mean of the portals’ weights for that value', () => {
    const a = trainTable(table(1, 800, 0), { target: 'won', positive: 'yes', C: 1 }).model;
    const b = trainTable(table(2, 400, 5), { target: 'won', positive: 'yes', C: 1 }).model;
    const prior = poolModels([
      { model: a, rows: 600 },
      { model: b, rows: 300 },
    ]);
    const num = (m: { preprocessor: { columns: ColumnSpec[] } }) => m.preprocessor.columns.find((c) => c.column === 'calls') as Extract<ColumnSpec, { kind: 'numeric' }>;
    const [na, nb, np] = [num(a), num(b), num(prior)];
    for (const v of [-3, 0, 2, 4.5, 7, 11, 16, 19, 24, 40]) {
      const want = (600 * a.weights[na.offset + binOf(na.edges, v)]! + 300 * b.weights[nb.offset + binOf(nb.edges, v)]!) / 900;
      expect(prior.weights[np.offset + binOf(np.edges, v)]).toBeCloseTo(want, 12);
    }
    const cat = prior.preprocessor.columns.find((c) => c.column === 'source') as Extract<ColumnSpec, { kind: 'categorical' }>;
    const ca = a.preprocessor.columns.find((c) => c.column === 'source') as Extract<ColumnSpec, { kind: 'categorical' }>;
    const cb = b.preprocessor.columns.find((c) => c.column === 'source') as Extract<ColumnSpec, { kind: 'categorical' }>;
    const k = cat.values.indexOf('call');
    expect(prior.weights[cat.offset + k]).toBeCloseTo((600 * a.weights[ca.offset + ca.values.indexOf('call')]! + 300 * b.weights[cb.offset + cb.values.indexOf('call')]!) / 900, 12);
    expect(prior.weights).toHaveLength(prior.preprocessor.width);
    expect(prior.meta).toEqual({ rows: 900, portals: 2 });
  });

  it('gives a small table a better model than it makes alone (pulled toward the prior)', () => {
    const big = trainTable(table(3, 4000, 0), { target: 'won', positive: 'yes' }).model;
    const prior = poolModels([{ model: big, rows: 3000 }]);
    // 60 training rows, 1,000 test rows, from the same process.
    const small = table(4, 1060, 0);
    const split = { header: [...small.header, 'part'], rows: small.rows.map((r, i) => [...r, i < 60 ? 'train' : 'test']) };
    const alone = trainTable(split, { target: 'won', positive: 'yes', splitColumn: 'part' }).model.meta;
    const pulled = trainTable(split, { target: 'won', positive: 'yes', splitColumn: 'part', prior }).model.meta;
    expect(pulled.prior).toEqual({ rows: 3000, features: prior.preprocessor.width, portals: 1 });
    // The pull's C: repeated 5-fold CV, one-standard-error rule toward the prior; the plain model keeps 3 folds, best mean.
    expect(pulled.search).toMatchObject({ folds: 5, repeats: 2, rule: 'one-se' });
    expect(alone.search).toMatchObject({ folds: 3, rule: 'best' });
    // The prior's bins are the layout, and the columns are reported with the prior's kinds.
    expect(pulled.features).toBe(prior.preprocessor.width);
    expect(pulled.columns.map((c) => [c.name, c.kind])).toEqual(prior.preprocessor.columns.map((c) => [c.column, c.kind]));
    expect(pulled.metrics.auc).toBeGreaterThan(alone.metrics.auc + 0.01);
  });

  it('reports each column with the prior’s kind, even one this portal fills with two values', () => {
    const prior = trainTable(table(3, 1000, 0), { target: 'won', positive: 'yes', C: 1 }).model;
    const t = table(6, 200, 0);
    // Only two call counts here: alone this column would be read as a yes/no flag.
    const two = { header: t.header, rows: t.rows.map((r, i) => [i % 2 ? '3' : '7', r[1]!, r[2]!]) };
    const m = trainTable(two, { target: 'won', positive: 'yes', prior }).model;
    expect(m.meta.columns.find((c) => c.name === 'calls')!.kind).toBe('numeric');
    expect(trainTable(two, { target: 'won', positive: 'yes' }).model.meta.columns.find((c) => c.name === 'calls')!.kind).toBe('binary');
    expect(m.preprocessor).toEqual(prior.preprocessor);
  });

  it('refuses a prior whose columns the data lacks', () => {
    const big = trainTable(table(3, 500, 0), { target: 'won', positive: 'yes', C: 1 }).model;
    const t = table(5, 100, 0);
    const noSource = { header: ['calls', 'won'], rows: t.rows.map((r) => [r[0]!, r[2]!]) };
    expect(() => trainTable(noSource, { target: 'won', positive: 'yes', prior: big })).toThrow(/prior model was trained on columns this data lacks: source/);
  });
});

describe('pooledMembers (SCORING_POOLED)', () => {
  const installs = [
    { memberId: 'a1', domain: 'a.bitrix24.ru' },
    { memberId: 'b2', domain: 'b.bitrix24.ru' },
  ];
  it('is opt-in: nothing when unset, everyone with "all", else the named ids or domains', () => {
    expect(pooledMembers(undefined, installs)).toEqual([]);
    expect(pooledMembers(' ', installs)).toEqual([]);
    expect(pooledMembers('all', installs)).toEqual(['a1', 'b2']);
    expect(pooledMembers('B.bitrix24.ru, zz', installs)).toEqual(['b2']);
  });
});

/** Leads of one portal: long outgoing calls and the "CALL" source help. */
function portalLeads(n: number, seed: number) {
  const r = seededRng(seed);
  const T0 = Date.parse('2026-01-05T12:00:00Z');
  const leads: Record<string, unknown>[] = [];
  const acts: Record<string, unknown>[] = [];
  let actId = 1;
  for (let id = 1; id <= n; id++) {
    const closed = id <= n - 5;
    const created = T0 + id * 3_600_000;
    const long = Math.floor(r() * 4);
    const source = r() < 0.5 ? 'CALL' : 'WEB';
    for (let k = 0; k < long; k++) {
      const at = created + (k + 1) * 86_400_000;
      acts.push({ ID: actId++, OWNER_ID: id, OWNER_TYPE_ID: 1, TYPE_ID: 2, DIRECTION: 2, START_TIME: new Date(at).toISOString(), END_TIME: new Date(at + 9 * 60_000).toISOString() });
    }
    const p = 0.1 + 0.2 * long + (source === 'CALL' ? 0.1 : 0);
    leads.push({ ID: id, TITLE: `Лид ${id}`, SOURCE_ID: source, HAS_PHONE: 'Y', DATE_CREATE: new Date(created).toISOString(), ASSIGNED_BY_ID: 1 + (id % 3), STATUS_SEMANTIC_ID: closed ? (r() < p ? 'S' : 'F') : 'P', DATE_CLOSED: closed ? new Date(created + 10 * 86_400_000).toISOString() : '' });
  }
  return { leads, acts };
}

function crmOf(portals: Record<string, ReturnType<typeof portalLeads>>): CrmSource {
  const of = (m: string) => portals[m]!;
  return {
    leads: async (m) => of(m).leads,
    activitiesOfLeads: async (m) => of(m).acts,
    lead: async (m, id) => of(m).leads.find((l) => l.ID === id) ?? null,
    activitiesOfLead: async (m, id) => of(m).acts.filter((a) => a.OWNER_ID === id),
    deals: async () => [],
    activitiesOfDeals: async () => [],
    deal: async () => null,
    activitiesOfDeal: async () => [],
  };
}

describe('a small portal with the pooled prior', () => {
  const NOW = Date.parse('2026-11-26T07:00:00Z');
  const portals = { big: portalLeads(1200, 1), small: portalLeads(125, 2) };

  it('answers with a preliminary score and the records it stands on; refused without opting in', async () => {
    const store = createMemoryStore();
    const deps = { crm: crmOf(portals), models: store.models, minClosed: 1000, retrainDays: 30, clock: () => NOW };
    const pooled = createPortalScorer({ ...deps, pooled: async () => ['big', 'small'] });
    const alone = createPortalScorer({ ...deps, pooled: async () => ['big'] });
    // The big portal trains on its own records first.
    expect(await pooled.train('big', 'lead')).toBeNull();
    // Not opted in: refused with the counts, as before.
    const refused = await alone.scoreLead({ memberId: 'small', userId: 1 }, { id: 124 });
    expect(refused.kind).toBe('no-model');
    const a = await pooled.scoreLead({ memberId: 'small', userId: 1 }, { id: 124 });
    expect(a.kind).toBe('score');
    if (a.kind !== 'score') return;
    expect(a.preliminary).toEqual({ records: 120 });
    const rec = await store.models.latest('small', 'lead');
    expect((rec!.meta as { prior?: { portals: number } }).prior?.portals).toBe(1);
    // A preliminary model comes back for retraining within a week.
    expect(rec!.nextTrainingAt - rec!.trainedAt).toBe(7 * 86_400_000);
    // The big portal's own model is not preliminary.
    const big = await pooled.scoreLead({ memberId: 'big', userId: 1 }, { id: 1199 });
    expect(big.kind === 'score' && big.preliminary).toBeUndefined();
  });
});
