/** Scoring a portal's leads for the dialogue, on a generated CRM where long outgoing calls help. */
import { createPortalScorer, type CrmSource } from '../../src/scoring/portal-scorer';
import { createMemoryStore } from '../../src/store/memory';
import { seededRng } from '../../src/util/prng';

function fakeCrm(n: number): CrmSource {
  const r = seededRng(3);
  const leads: Record<string, unknown>[] = [];
  const acts: Record<string, unknown>[] = [];
  let actId = 1;
  for (let id = 1; id <= n; id++) {
    const long = Math.floor(r() * 4);
    const source = r() < 0.5 ? 'CALL' : 'WEB';
    for (let k = 0; k < long; k++) acts.push({ ID: actId++, OWNER_ID: id, OWNER_TYPE_ID: 1, TYPE_ID: 2, DIRECTION: 2, START_TIME: '2026-01-10T10:00:00+03:00', END_TIME: '2026-01-10T10:09:00+03:00' });
    const p = 0.1 + 0.25 * long + (source === 'CALL' ? 0.1 : 0);
    const closed = id <= n - 10;
    leads.push({ ID: id, TITLE: `Лид ${id}`, SOURCE_ID: source, HAS_PHONE: 'Y', DATE_CREATE: '2026-01-05T12:00:00+03:00', STATUS_SEMANTIC_ID: closed ? (r() < p ? 'S' : 'F') : 'P' });
  }
  return {
    leads: async () => leads,
    activitiesOfLeads: async () => acts,
    lead: async (_m, id) => leads.find((l) => l.ID === id) ?? null,
    activitiesOfLead: async (_m, id) => acts.filter((a) => a.OWNER_ID === id),
  };
}

const account = { memberId: 'm1', userId: 1 };

describe('createPortalScorer', () => {
  it('trains on first use, then scores with reasons that name the strong features', async () => {
    const store = createMemoryStore();
    const scorer = createPortalScorer({ crm: fakeCrm(1500), models: store.models, minClosed: 1000, retrainDays: 30, clock: () => Date.parse('2026-11-26T07:00:00Z') });
    // An open lead with three long outgoing calls.
    const open = (await fakeCrm(1500).leads('m1')).filter((l) => l.STATUS_SEMANTIC_ID === 'P');
    let best = { id: 0, p: 0 };
    for (const l of open) {
      const a = await scorer.scoreLead(account, { id: Number(l.ID) });
      expect(a.kind).toBe('score');
      if (a.kind === 'score' && a.probability > best.p) best = { id: a.id, p: a.probability };
    }
    const top = await scorer.scoreLead(account, { id: best.id });
    expect(top.kind === 'score' && top.reasons.join(' ')).toMatch(/исходящих звонков дольше 5 минут: [1-3]/);
    expect(top.kind === 'score' && top.modelQuality.auc).toBeGreaterThan(0.6);
    expect((await store.models.list('m1', 'lead')).length).toBe(1); // trained once
    expect((await store.models.scores('m1', 'lead', best.id)).length).toBe(2); // history kept
    const en = await scorer.scoreLead(account, { id: best.id }, 'en');
    expect(en.kind === 'score' && en.reasons.join(' ')).toMatch(/outgoing calls over 5 minutes/);
  });

  it('refuses to train below the minimum with the counts, and says when a lead is not there', async () => {
    const store = createMemoryStore();
    const scorer = createPortalScorer({ crm: fakeCrm(300), models: store.models, minClosed: 2000, retrainDays: 30 });
    expect(await scorer.scoreLead(account, { id: 5 })).toEqual({ kind: 'no-model', entity: 'lead', closed: 290, required: 2000 });
    expect((await scorer.scoreLead(account, { id: 99999 })).kind).toBe('not-found');
  });
});
