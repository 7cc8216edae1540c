/** Scheduled retraining: the pure planner, and the scheduler over the store and the training queue. */
import { dueForRetraining, startRetrainScheduler, type Timer } from '../../src/scoring/schedule';
import { createInProcessQueue, type TrainJob } from '../../src/scoring/queue';
import { createMemoryStore } from '../../src/store/memory';
import type { Install, Store } from '../../src/store/types';

const DAY = 86_400_000;
const T = Date.parse('2026-11-28T00:00:00Z');

const install = (memberId: string): Install => ({
  memberId, domain: `${memberId}.bitrix24.ru`, clientEndpoint: `https://${memberId}.bitrix24.ru/rest/`, serverEndpoint: 'https://oauth.bitrix.info/rest/',
  scope: 'crm', accessToken: 'a', refreshToken: 'r', expiresAt: T + DAY, applicationToken: 't', installedAt: T - 100 * DAY, updatedAt: T - 100 * DAY,
});

describe('dueForRetraining', () => {
  it('the newest model per installed portal and entity whose next training has come, most overdue first', () => {
    const models = [
      { memberId: 'a', entity: 'lead' as const, version: 1, nextTrainingAt: T - 40 * DAY },
      { memberId: 'a', entity: 'lead' as const, version: 2, nextTrainingAt: T + 5 * DAY }, // retrained: not due
      { memberId: 'a', entity: 'deal' as const, version: 3, nextTrainingAt: T - DAY },
      { memberId: 'b', entity: 'lead' as const, version: 1, nextTrainingAt: T }, // due exactly now
      { memberId: 'c', entity: 'lead' as const, version: 1, nextTrainingAt: T - 90 * DAY }, // uninstalled
      { memberId: 'd', entity: 'deal' as const, version: 7, nextTrainingAt: T - 10 * DAY },
    ];
    expect(dueForRetraining(models, [install('a'), install('b'), install('d')], T)).toEqual([
      { memberId: 'd', entity: 'deal' },
      { memberId: 'a', entity: 'deal' },
      { memberId: 'b', entity: 'lead' },
    ]);
    expect(dueForRetraining(models, [install('a'), install('b'), install('d')], T - 11 * DAY)).toEqual([]);
    expect(dueForRetraining([], [install('a')], T)).toEqual([]);
  });
});

/** A timer the test fires by hand. */
function manualTimer() {
  const t = { fn: undefined as (() => void) | undefined, ms: 0, cleared: false };
  const timer: Timer = {
    setInterval: (fn, ms) => ((t.fn = fn), (t.ms = ms), 'handle'),
    clearInterval: (h) => void (t.cleared = h === 'handle'),
  };
  return { t, timer };
}

async function saveModel(store: Store, memberId: string, entity: 'lead' | 'deal', trainedAt: number) {
  await store.models.save({ memberId, entity, trainedAt, nextTrainingAt: trainedAt + 30 * DAY, meta: {}, payload: {} });
}

describe('startRetrainScheduler', () => {
  it('enqueues due models on the training queue once, waits while the job runs and after a refusal, retries later', async () => {
    let now = T;
    const store = createMemoryStore({ clock: () => now });
    for (const m of ['a', 'b']) await store.installs.save(install(m));
    await saveModel(store, 'a', 'lead', T - 31 * DAY); // due
    await saveModel(store, 'a', 'deal', T - 10 * DAY); // not yet
    await saveModel(store, 'b', 'deal', T - 45 * DAY); // due
    // The runner decides per job: portal a retrains (a new version), portal b is refused (too few deals now).
    const ran: TrainJob[] = [];
    let release: () => void = () => undefined;
    let gate = new Promise<void>((r) => (release = r));
    const queue = createInProcessQueue(store.jobs, async (job) => {
      ran.push(job);
      await gate;
      if (job.memberId === 'a') {
        await saveModel(store, 'a', job.entity, now);
        return 'model version 2 trained';
      }
      return 'not enough data: 900 closed deals of 2000';
    }, () => now);
    const { t, timer } = manualTimer();
    const scheduler = startRetrainScheduler({ installs: store.installs, models: store.models, jobs: store.jobs, queue, locks: store.locks, now: () => now, timer, intervalMs: 3_600_000, retryMs: 6 * 3_600_000 });
    expect(t.ms).toBe(3_600_000);

    expect(await scheduler.tick()).toEqual([{ memberId: 'b', entity: 'deal' }, { memberId: 'a', entity: 'lead' }]);
    // While those jobs are queued or running nothing is enqueued twice.
    now += 3_600_000;
    expect(await scheduler.tick()).toEqual([]);
    release();
    await queue.drain();
    expect(ran).toEqual([{ memberId: 'b', entity: 'deal' }, { memberId: 'a', entity: 'lead' }]);
    // a's lead model is fresh now; b's deal model is still due but was just tried: wait for retryMs.
    now += 3_600_000;
    expect(await scheduler.tick()).toEqual([]);
    now += 5 * 3_600_000;
    gate = new Promise<void>((r) => (release = r));
    release();
    expect(await scheduler.tick()).toEqual([{ memberId: 'b', entity: 'deal' }]);
    await queue.drain();
    // The timer drives the same check; stop() clears it.
    now += 30 * DAY;
    t.fn!();
    // tick() while the timer's check runs shares it rather than starting a second one.
    expect(await scheduler.tick()).toEqual([{ memberId: 'b', entity: 'deal' }, { memberId: 'a', entity: 'deal' }, { memberId: 'a', entity: 'lead' }]);
    await queue.drain();
    expect(ran.slice(3)).toEqual([{ memberId: 'b', entity: 'deal' }, { memberId: 'a', entity: 'deal' }, { memberId: 'a', entity: 'lead' }]);
    scheduler.stop();
    expect(t.cleared).toBe(true);
  });

  it('two processes on one store enqueue a due model once; a training job started elsewhere defers the portal', async () => {
    let now = T;
    const store = createMemoryStore({ clock: () => now });
    await store.installs.save(install('a'));
    await store.installs.save(install('b'));
    await saveModel(store, 'a', 'lead', T - 31 * DAY);
    await saveModel(store, 'b', 'lead', T - 31 * DAY);
    // Someone pressed "retrain" for b on the pages: a train job is running there.
    await store.jobs.save({ id: 'manual', kind: 'train', memberId: 'b', state: 'running', progress: 0.3, createdAt: now, updatedAt: now });
    const enqueued: TrainJob[] = [];
    const queue = { enqueue: async (j: TrainJob) => (enqueued.push(j), `job-${enqueued.length}`) };
    const deps = { installs: store.installs, models: store.models, jobs: store.jobs, queue, locks: store.locks, now: () => now };
    const one = startRetrainScheduler({ ...deps, timer: manualTimer().timer });
    const two = startRetrainScheduler({ ...deps, timer: manualTimer().timer });
    const [x, y] = await Promise.all([one.tick(), two.tick()]);
    expect([...x, ...y]).toEqual([{ memberId: 'a', entity: 'lead' }]);
    expect(enqueued).toEqual([{ memberId: 'a', entity: 'lead' }]);
    one.stop();
    two.stop();
  });

  it('the default timer is unref\'d so it never keeps the process alive', () => {
    const store = createMemoryStore();
    const spy = jest.spyOn(global, 'setInterval');
    const s = startRetrainScheduler({ installs: store.installs, models: store.models, jobs: store.jobs, queue: { enqueue: async () => 'x' } });
    const handle = spy.mock.results[0]!.value as NodeJS.Timeout;
    expect(handle.hasRef()).toBe(false);
    s.stop();
    spy.mockRestore();
  });
});
