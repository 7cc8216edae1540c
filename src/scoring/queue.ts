/**
 * The training job runner: many portals' models trained one job at a time, each job's state and
 * progress recorded in the store's `JobStore` (the pages show it). In-process by default; on Redis
 * with BullMQ when a Redis URL is configured, so `b24-assistant worker` processes on other machines
 * take the jobs.
 */
import crypto from 'node:crypto';
import type { JobRecord, JobStore } from '../store/types';

export interface TrainJob {
  memberId: string;
  entity: 'lead' | 'deal';
}

/** Does the work of one job, reporting progress from 0 to 1 with a short message. */
export type TrainRunner = (job: TrainJob, progress: (fraction: number, message: string) => Promise<void>) => Promise<string>;

export interface JobQueue {
  enqueue(job: TrainJob): Promise<string>;
  /** Resolves when every job enqueued so far has finished (tests, graceful shutdown). */
  drain(): Promise<void>;
  close(): Promise<void>;
  /** Jobs waiting or running (the /metrics gauge). */
  depth(): Promise<number>;
  /** Throws when the queue's backend cannot be reached (/readyz). */
  ping(): Promise<void>;
}

const KIND = 'train';

/** Run one job against the job store: running → done/failed, with progress along the way. */
export async function runRecorded(jobs: JobStore, id: string, job: TrainJob, run: TrainRunner, clock: () => number = Date.now): Promise<void> {
  const base: JobRecord = { id, kind: KIND, memberId: job.memberId, state: 'running', progress: 0, createdAt: (await jobs.get(id))?.createdAt ?? clock(), updatedAt: clock() };
  await jobs.save(base);
  try {
    const message = await run(job, (progress, message) => jobs.save({ ...base, progress, message, updatedAt: clock() }));
    await jobs.save({ ...base, state: 'done', progress: 1, message, updatedAt: clock() });
  } catch (e) {
    await jobs.save({ ...base, state: 'failed', message: (e as Error).message, updatedAt: clock() });
  }
}

export function createInProcessQueue(jobs: JobStore, run: TrainRunner, clock: () => number = Date.now): JobQueue {
  let tail: Promise<void> = Promise.resolve();
  let open = 0;
  return {
    async enqueue(job) {
      const id = crypto.randomUUID();
      await jobs.save({ id, kind: KIND, memberId: job.memberId, state: 'queued', progress: 0, createdAt: clock(), updatedAt: clock() });
      open++;
      tail = tail.then(() => runRecorded(jobs, id, job, run, clock)).finally(() => void open--);
      return id;
    },
    drain: () => tail,
    async close() {
      await tail;
    },
    depth: async () => open,
    // In this process: reachable while the process runs.
    async ping() {},
  };
}

/** BullMQ on Redis: the producer side. Workers run `createBullWorker` (the `worker` command). */
export async function createBullQueue(jobs: JobStore, redisUrl: string, name = 'b24-train', clock: () => number = Date.now): Promise<JobQueue> {
  const { Queue, QueueEvents } = await import('bullmq');
  const connection = { url: redisUrl };
  const queue = new Queue<TrainJob>(name, { connection });
  const events = new QueueEvents(name, { connection });
  await events.waitUntilReady();
  const pending = new Set<Promise<unknown>>();
  return {
    async enqueue(job) {
      const id = crypto.randomUUID();
      await jobs.save({ id, kind: KIND, memberId: job.memberId, state: 'queued', progress: 0, createdAt: clock(), updatedAt: clock() });
      const added = await queue.add(KIND, job, { jobId: id, removeOnComplete: 1000, removeOnFail: 1000 });
      const p = added.waitUntilFinished(events).catch(() => undefined);
      pending.add(p);
      void p.finally(() => pending.delete(p));
      return id;
    },
    async drain() {
      await Promise.all([...pending]);
    },
    async close() {
      await events.close();
      await queue.close();
    },
    async depth() {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(c).reduce((a, b) => a + b, 0);
    },
    async ping() {
      // A round trip to Redis through the queue's own connection.
      await queue.getJobCounts('waiting');
    },
  };
}

export async function createBullWorker(jobs: JobStore, redisUrl: string, run: TrainRunner, name = 'b24-train', clock: () => number = Date.now): Promise<{ close(): Promise<void> }> {
  const { Worker } = await import('bullmq');
  const worker = new Worker<TrainJob>(name, async (j) => runRecorded(jobs, String(j.id), j.data, run, clock), { connection: { url: redisUrl }, concurrency: 1 });
  await worker.waitUntilReady();
  return { close: () => worker.close() };
}
