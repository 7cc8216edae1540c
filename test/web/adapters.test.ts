import { createMemoryStore } from '../../src/store/memory';
import { createInProcessQueue } from '../../src/scoring/queue';
import { queueTrainer, watchJobs } from '../../src/web/adapters';
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
