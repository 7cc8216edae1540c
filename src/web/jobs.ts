/**
 * Retraining on demand: a job record in the store (so any page or process can read its state), the
 * trainer run in the background, and its progress fanned out to WebSocket subscribers through a
 * per-router hub. One run per (portal, entity) at a time in this process.
 */
import { randomUUID } from 'node:crypto';
import { parseJobOutcome, type JobOutcome } from '../scoring/job-outcome';
import type { JobRecord, JobState, JobStore } from '../store/types';
import type { Entity, TrainProgress, Trainer } from './deps';

export interface JobEvent {
  jobId: string;
  entity: Entity;
  state: JobState;
  /** 0 … 1. */
  progress: number;
  stage?: string;
  version?: number;
  /** The raw outcome, for logs; pages say `error` in their own language instead. */
  message?: string;
  /** A failed job's outcome as a code and numbers ("unknown" for an error that is not ours). */
  error?: JobOutcome;
}

/**
 * A stored job as the pages' event: a failed one with its outcome's code and numbers, a finished one
 * with the model version its message names ("version 2"), so a late page says both in its words.
 */
export function eventOfJob(job: JobRecord, entity: Entity): JobEvent {
  const version = job.state === 'done' ? /^version (\d+)$/.exec(job.message ?? '')?.[1] : undefined;
  return {
    jobId: job.id,
    entity,
    state: job.state,
    progress: job.progress,
    message: job.message,
    ...(job.state === 'failed' ? { error: failureOf(job.message) } : {}),
    ...(version ? { version: Number(version) } : {}),
  };
}

/** What a failed job's message says, as a code and numbers the pages can put in words. */
export const failureOf = (message: string | undefined): JobOutcome => parseJobOutcome(message) ?? { code: 'unknown', vars: {} };

type Listener = (e: JobEvent) => void;

export class ProgressHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly latest = new Map<string, JobEvent>();

  subscribe(jobId: string, fn: Listener): () => void {
    let set = this.listeners.get(jobId);
    if (!set) this.listeners.set(jobId, (set = new Set()));
    set.add(fn);
    return () => {
      set!.delete(fn);
      if (set!.size === 0) this.listeners.delete(jobId);
    };
  }

  publish(e: JobEvent): void {
    this.latest.set(e.jobId, e);
    // Finished jobs are remembered briefly so a late subscriber still learns the outcome.
    if (e.state === 'done' || e.state === 'failed') setTimeout(() => this.latest.delete(e.jobId), 10 * 60 * 1000).unref?.();
    for (const fn of [...(this.listeners.get(e.jobId) ?? [])]) {
      try {
        fn(e);
      } catch {
        /* a broken subscriber must not stop the others */
      }
    }
  }

  last(jobId: string): JobEvent | undefined {
    return this.latest.get(jobId);
  }
}

export const jobKind = (entity: Entity) => `train:${entity}`;

export function entityOfJob(job: JobRecord): Entity | null {
  return job.kind === 'train:lead' ? 'lead' : job.kind === 'train:deal' ? 'deal' : null;
}

export interface RetrainDeps {
  jobs: JobStore;
  trainer: Trainer;
  now: () => number;
  hub: ProgressHub;
  log?: (msg: string, detail?: unknown) => void;
}

export class RetrainRunner {
  private readonly running = new Map<string, string>();
  /** Settles when the job ends; tests and shutdown await it. */
  readonly done = new Map<string, Promise<void>>();

  constructor(private readonly deps: RetrainDeps) {}

  runningJob(memberId: string, entity: Entity): string | undefined {
    return this.running.get(`${memberId}:${entity}`);
  }

  /** Start a run; `busy` names the job already running for this portal and entity. */
  async start(memberId: string, entity: Entity): Promise<{ jobId: string; busy: boolean }> {
    const key = `${memberId}:${entity}`;
    const existing = this.running.get(key);
    if (existing) return { jobId: existing, busy: true };
    const jobId = `train-${entity}-${randomUUID()}`;
    this.running.set(key, jobId);
    const t = this.deps.now();
    const job: JobRecord = { id: jobId, kind: jobKind(entity), memberId, state: 'queued', progress: 0, createdAt: t, updatedAt: t };
    try {
      await this.deps.jobs.save(job);
    } catch (e) {
      this.running.delete(key);
      throw e;
    }
    this.deps.hub.publish({ jobId, entity, state: 'queued', progress: 0, stage: 'queued' });
    const run = this.run(job, entity).finally(() => this.running.delete(key));
    this.done.set(jobId, run);
    void run.finally(() => this.done.delete(jobId));
    return { jobId, busy: false };
  }

  private async run(job: JobRecord, entity: Entity): Promise<void> {
    const { jobs, hub, now } = this.deps;
    let lastSaved = -1;
    let lastStage = '';
    const save = (patch: Partial<JobRecord>) => jobs.save((job = { ...job, ...patch, updatedAt: now() })).catch((e) => this.deps.log?.('job progress not saved', e));
    const onProgress = (p: TrainProgress) => {
      const fraction = Math.min(1, Math.max(0, Number.isFinite(p.fraction) ? p.fraction : 0));
      hub.publish({ jobId: job.id, entity, state: 'running', progress: fraction, stage: p.stage });
      // The store gets every stage change and every 5 %, not every tick.
      if (p.stage !== lastStage || fraction - lastSaved >= 0.05) {
        lastStage = p.stage;
        lastSaved = fraction;
        void save({ state: 'running', progress: fraction, message: p.stage });
      }
    };
    try {
      await save({ state: 'running' });
      const { version } = await this.deps.trainer(job.memberId, entity, onProgress);
      await save({ state: 'done', progress: 1, message: `version ${version}` });
      hub.publish({ jobId: job.id, entity, state: 'done', progress: 1, version });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.deps.log?.('training failed', message);
      await save({ state: 'failed', message });
      hub.publish({ jobId: job.id, entity, state: 'failed', progress: job.progress, message, error: failureOf(message) });
    }
  }
}
