/**
 * Scheduled retraining (scoring.md: "retrained on a schedule, every 30 days by default"). Every
 * saved model carries `nextTrainingAt`; a small scheduler looks every `intervalMs` for installed
 * portals whose newest lead or deal model is due and puts a job on the training queue — the same
 * queue the pages' "retrain" button and `train` jobs use, so the in-process runner or BullMQ
 * workers do the work.
 *
 * Only portals that have a model are retrained here: a portal without one trains on first demand
 * (or is refused with its counts), and exporting every small portal's CRM each hour to refuse it
 * again would be waste. A due key is not enqueued again while its job is queued or running, nor
 * within `retryMs` of the last attempt — a refused or failed retrain leaves the model due, and must
 * not turn into a retrain every tick. With a `LockStore`, several server processes sharing a store
 * enqueue each due model once (the lock's lease is the retry pause).
 */
import type { Install, JobStore, LockStore, ModelRecord, ModelStore } from '../store/types';
import type { JobQueue, TrainJob } from './queue';

export type ModelSummary = Pick<ModelRecord, 'memberId' | 'entity' | 'version' | 'nextTrainingAt'>;
const ENTITIES: ModelRecord['entity'][] = ['lead', 'deal'];

/**
 * Which portals' models are due at `now`: the newest version per portal and entity, of portals still
 * installed, with `nextTrainingAt` ≤ now; the most overdue first. Pure.
 */
export function dueForRetraining(models: readonly ModelSummary[], installs: readonly Pick<Install, 'memberId'>[], now: number): TrainJob[] {
  const installed = new Set(installs.map((i) => i.memberId));
  const newest = new Map<string, ModelSummary>();
  for (const m of models) {
    if (!installed.has(m.memberId)) continue;
    const key = `${m.memberId}\u0000${m.entity}`;
    const seen = newest.get(key);
    if (!seen || m.version > seen.version) newest.set(key, m);
  }
  return [...newest.values()]
    .filter((m) => m.nextTrainingAt <= now)
    .sort((a, b) => a.nextTrainingAt - b.nextTrainingAt || a.memberId.localeCompare(b.memberId) || a.entity.localeCompare(b.entity))
    .map((m) => ({ memberId: m.memberId, entity: m.entity }));
}

export interface Timer {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Node's timers, unref'd: a pending retraining check never keeps the process alive. */
export const nodeTimer: Timer = {
  setInterval(fn, ms) {
    const h = setInterval(fn, ms);
    h.unref();
    return h;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export interface RetrainSchedulerDeps {
  installs: { list(): Promise<Pick<Install, 'memberId'>[]> };
  models: Pick<ModelStore, 'list'>;
  jobs: Pick<JobStore, 'get' | 'listFor'>;
  queue: Pick<JobQueue, 'enqueue'>;
  /** Shared locks: with several processes on one store, each due model is enqueued once. */
  locks?: LockStore;
  now?: () => number;
  timer?: Timer;
  /** Between checks. Default 1 hour. */
  intervalMs?: number;
  /** Before the same portal and entity is tried again after an attempt. Default 6 hours. */
  retryMs?: number;
  log?: (message: string, detail?: unknown) => void;
}

export interface RetrainScheduler {
  /** One check now; resolves with the jobs it enqueued (a check already under way is not doubled). */
  tick(): Promise<TrainJob[]>;
  stop(): void;
}

export function startRetrainScheduler(deps: RetrainSchedulerDeps): RetrainScheduler {
  const now = deps.now ?? Date.now;
  const timer = deps.timer ?? nodeTimer;
  const intervalMs = deps.intervalMs ?? 3_600_000;
  const retryMs = deps.retryMs ?? 6 * 3_600_000;
  const log = deps.log ?? (() => undefined);
  /** Per portal and entity: the last job this scheduler enqueued and when. */
  const attempts = new Map<string, { jobId: string; at: number }>();
  let running: Promise<TrainJob[]> | null = null;
  let stopped = false;

  const active = (state: string | undefined) => state === 'queued' || state === 'running';

  async function check(): Promise<TrainJob[]> {
    const installs = await deps.installs.list();
    const models: ModelSummary[] = [];
    for (const i of installs)
      for (const entity of ENTITIES) {
        const [newest] = await deps.models.list(i.memberId, entity);
        if (newest) models.push(newest);
      }
    const enqueued: TrainJob[] = [];
    for (const job of dueForRetraining(models, installs, now())) {
      if (stopped) break;
      const key = `${job.memberId}:${job.entity}`;
      const last = attempts.get(key);
      if (last) {
        if (active((await deps.jobs.get(last.jobId))?.state)) continue;
        if (now() - last.at < retryMs) continue;
      }
      // A training job for this portal started elsewhere (the pages' button, another process)?
      // Job records do not name the entity, so any active one defers this portal to the next check.
      // (Jobs this scheduler enqueued itself are known by entity and were checked above.)
      const ours = new Set([...attempts.values()].map((a) => a.jobId));
      if ((await deps.jobs.listFor(job.memberId)).some((j) => j.kind === 'train' && active(j.state) && !ours.has(j.id))) continue;
      if (deps.locks && !(await deps.locks.tryAcquire(`retrain:${key}`, retryMs))) continue;
      const jobId = await deps.queue.enqueue(job);
      attempts.set(key, { jobId, at: now() });
      enqueued.push(job);
      log('scheduled retraining', { ...job, jobId });
    }
    return enqueued;
  }

  function tick(): Promise<TrainJob[]> {
    if (!running) running = check().finally(() => (running = null));
    return running;
  }

  const handle = timer.setInterval(() => {
    tick().catch((e) => log('scheduled retraining check failed', e instanceof Error ? e.message : e));
  }, intervalMs);

  return {
    tick,
    stop() {
      stopped = true;
      timer.clearInterval(handle);
    },
  };
}
