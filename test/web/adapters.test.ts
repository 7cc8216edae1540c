import { createMemoryStore } from '../../src/store/memory';
import { createInProcessQueue } from '../../src/scoring/queue';
import { queueTrainer, sandboxDemo, watchJobs } from '../../src/web/adapters';
import type { TrainProgress } from '../../src/web';

describe('queueTrainer over a watched job store', () => {
  it('reports every stage of a run shorter than the poll interval, and finishes without waiting for a poll', async () => {
    const store = createMemoryStore();
    const jobs = watchJobs(store.jobs);
    const queue = createInProcessQueue(jobs, async (job, progress) => {
      await progress(0.1, 'export: leads');
      await progress(0.6, 'training');
      await progress(0.9, 'saving');
      await store.models.save({ memberId: job.memberId, entity: job.entity, trainedAt: 1, nextTrainingAt: 2, meta: {}, payload: {} });
      return 'model version 1 trained';
    });
    // A poll interval far longer than the test's timeout: only the watch can make this pass.
    const sleeps: number[] = [];
    const trainer = queueTrainer({ queue, jobs, models: store.models, pollMs: 60_000, sleep: (ms) => (sleeps.push(ms), new Promise(() => undefined)) });
    const seen: TrainProgress[] = [];
    await expect(trainer('m1', 'lead', (p) => seen.push(p))).resolves.toEqual({ version: 1 });
    expect(seen.map((p) => `${p.stage}@${p.fraction}`)).toEqual(['fit@0', 'export@0.1', 'fit@0.6', 'save@0.9']);
  });

  it('still polls a store nobody in this process writes to (a worker elsewhere)', async () => {
    const store = createMemoryStore();
    let n = 0;
    const queue = { enqueue: async () => 'job-1' };
    const jobs = {
      async get(id: string) {
        n++;
        return { id, kind: 'train', memberId: 'm', state: n < 3 ? ('running' as const) : ('failed' as const), progress: n / 4, message: n < 3 ? 'training' : 'portal said 503', createdAt: 0, updatedAt: 0 };
      },
    };
    const trainer = queueTrainer({ queue, jobs, models: store.models, pollMs: 1, sleep: () => Promise.resolve() });
    const seen: number[] = [];
    await expect(trainer('m', 'lead', (p) => seen.push(p.fraction))).rejects.toThrow('portal said 503');
    expect(seen).toEqual([0.25, 0.5]);
  });
});

describe('sandboxDemo', () => {
  const portal = { domain: () => 'sandbox.local', issueTokens: (u: number) => ({ accessToken: `a${u}`, refreshToken: `r${u}`, expires: 2_000 }) };
  const users = async () => Array.from({ length: 8 }, (_, i) => ({ id: i + 1, name: `Имя${i + 1}`, lastName: i % 2 ? `Фамилия${i + 1}` : '' }));

  it('offers the first six users by full name, two open leads and deals, and the placement auth the portal would send', async () => {
    const demo = await sandboxDemo({ memberId: 'sb', users, openRecords: async (entity, limit) => (entity === 'lead' ? [4, 7, 9] : [2]).slice(0, limit), portal, now: () => 1_000_000 });
    expect(demo.users.map((u) => u.name)).toEqual(['Имя1', 'Имя2 Фамилия2', 'Имя3', 'Имя4 Фамилия4', 'Имя5', 'Имя6 Фамилия6']);
    expect(demo.records).toEqual([{ entity: 'lead', id: 4 }, { entity: 'lead', id: 7 }, { entity: 'deal', id: 2 }]);
    expect(demo.placementAuth!(3)).toEqual({ memberId: 'sb', domain: 'sandbox.local', authId: 'a3', refreshId: 'r3', authExpires: 1_000 });
  });

  it('keeps the demo when one CRM list fails, and says so', async () => {
    const logged: string[] = [];
    const demo = await sandboxDemo({
      memberId: 'sb',
      users,
      openRecords: async (entity) => (entity === 'lead' ? Promise.reject(new Error('down')) : [2]),
      portal,
      now: () => 0,
      log: (msg) => logged.push(msg),
    });
    expect(demo.records).toEqual([{ entity: 'deal', id: 2 }]);
    expect(logged).toEqual(['demo records: lead list failed']);
  });
});
