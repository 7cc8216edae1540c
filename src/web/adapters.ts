/**
 * Ready-made implementations of the pages' ports over the project's own modules, for
 * `buildServices` (src/services.ts): placement auth checked with `profile` on the installed portal,
 * training through the training queue (in-process or BullMQ — progress mirrored from the job store,
 * and pushed at once for saves made in this process). Closed-record counts come from the scorer (`dataCounts`).
 * In sandbox mode, the demo users and records every page offers a newcomer (`sandboxDemo`).
 */
import { isNotEnoughData, jobOutcome } from '../scoring/job-outcome';
import type { JobQueue } from '../scoring/queue';
import type { InstallStore, JobRecord, JobStore, ModelStore } from '../store/types';
import type { DemoUser, Entity, PortalAuth, PortalUser, Trainer, TrainProgress, WebDeps } from './deps';

const hostOf = (d: string) => d.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');

/**
 * `verifyPortalAuth` over the portal's REST API: the member must be installed here, the DOMAIN must
 * be that install's (so a forged DOMAIN cannot send the token check to an attacker's server), and
 * the portal must accept AUTH_ID for `profile`. `fetchImpl` is injectable for tests.
 */
export function profileVerifier(
  installs: Pick<InstallStore, 'get'>,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 5000,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): (a: PortalAuth) => Promise<PortalUser | null> {
  return async (a) => {
    if (!/^[\w.-]{1,64}$/.test(a.memberId) || !/^[\w.-]{1,512}$/.test(a.authId)) return null;
    const install = await installs.get(a.memberId);
    if (!install || hostOf(install.domain) !== hostOf(a.domain)) return null;
    const url = `${install.clientEndpoint.replace(/\/?$/, '/')}profile.json`;
    try {
      // No redirects: the token goes to the installed portal's host and nowhere else.
      const ask = () => fetchImpl(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ auth: a.authId }), redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
      let r = await ask();
      // A busy portal (503 QUERY_LIMIT_EXCEEDED: 2 requests a second) is asked again shortly: a
      // page opened during a burst is not a sign-in that failed.
      for (let i = 0; r.status === 503 && i < 3; i++) {
        await sleep(600 * (i + 1));
        r = await ask();
      }
      if (!r.ok) return null;
      const body = (await r.json()) as { result?: { ID?: unknown; ADMIN?: unknown; NAME?: unknown; LAST_NAME?: unknown } };
      const id = Number(body.result?.ID);
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      const name = [body.result?.NAME, body.result?.LAST_NAME].filter((x) => typeof x === 'string' && x).join(' ');
      return { userId: id, admin: body.result?.ADMIN === true, name: name || undefined };
    } catch {
      return null;
    }
  };
}

/** Map the scorer's progress messages ("export: leads", "training", "saving") to page stages. */
export function stageOf(message: string | undefined): string {
  const m = (message ?? '').toLowerCase();
  if (m.startsWith('export')) return 'export';
  if (m.startsWith('feature')) return 'features';
  if (m.startsWith('evaluat')) return 'evaluate';
  if (m.startsWith('sav')) return 'save';
  return 'fit';
}

/** A job store that also tells this process's listeners about every save it makes. */
export interface WatchedJobStore extends JobStore {
  watch(id: string, listener: (job: JobRecord) => void): () => void;
}

/**
 * Wrap a job store so saves made in this process (the in-process queue's progress) reach the pages
 * at once, where polling would miss the stages of a run shorter than the poll interval. Saves made
 * by a worker in another process are still seen by polling.
 */
export function watchJobs(jobs: JobStore, onSave?: (job: JobRecord) => void): WatchedJobStore {
  const listeners = new Map<string, Set<(job: JobRecord) => void>>();
  return {
    async save(job) {
      await jobs.save(job);
      onSave?.(job);
      for (const l of listeners.get(job.id) ?? []) l(job);
    },
    get: (id) => jobs.get(id),
    listFor: (memberId) => jobs.listFor(memberId),
    watch(id, listener) {
      const set = listeners.get(id) ?? new Set();
      set.add(listener);
      listeners.set(id, set);
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(id);
      };
    },
  };
}

export interface QueueTrainerDeps {
  queue: Pick<JobQueue, 'enqueue'>;
  jobs: Pick<JobStore, 'get'> & Partial<Pick<WatchedJobStore, 'watch'>>;
  models: Pick<ModelStore, 'latest'>;
  /** How often the queue's job record is read for progress. */
  pollMs?: number;
  /** Give up after this long (a lost worker must not leave the page spinning forever). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A `Trainer` that enqueues on the project's training queue and follows the queue's own job record,
 * so progress reaches the page even when a BullMQ worker in another process does the work.
 */
export function queueTrainer(d: QueueTrainerDeps): Trainer {
  const pollMs = d.pollMs ?? 250;
  const timeoutMs = d.timeoutMs ?? 30 * 60_000;
  const sleep = d.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async (memberId: string, entity: Entity, onProgress: (p: TrainProgress) => void) => {
    const id = await d.queue.enqueue({ memberId, entity });
    let last = '';
    const report = (job: JobRecord | null) => {
      if (!job || job.state !== 'running') return;
      const key = `${job.progress}|${job.message}`;
      if (key === last) return;
      last = key;
      onProgress({ fraction: job.progress, stage: stageOf(job.message) });
    };
    // Saves in this process wake the loop at once and report every stage; others are polled.
    let wake: () => void = () => undefined;
    const unwatch = d.jobs.watch?.(id, (job) => {
      report(job);
      wake();
    });
    try {
      let waited = 0;
      for (;;) {
        const job = await d.jobs.get(id);
        if (job?.state === 'failed') throw new Error(job.message || 'training failed');
        if (job?.state === 'done') {
          // The scorer finishes a refused run as done with this message (too few closed records).
          if (isNotEnoughData(job.message)) throw new Error(job.message);
          const rec = await d.models.latest(memberId, entity);
          if (!rec) throw new Error(jobOutcome('no_model'));
          return { version: rec.version };
        }
        report(job);
        if (waited >= timeoutMs) throw new Error(jobOutcome('timeout'));
        await Promise.race([sleep(pollMs), new Promise<void>((r) => (wake = r))]);
        waited += pollMs;
      }
    } finally {
      unwatch?.();
    }
  };
}

export interface SandboxDemoDeps {
  memberId: string;
  /** The portal's users (the directory); the first six become the demo users. */
  users(): Promise<{ id: number; name?: string; lastName?: string }[]>;
  /** Ids of records still in progress (src/bitrix/crm.ts `openRecordIds`). */
  openRecords(entity: Entity, limit: number): Promise<number[]>;
  /** The sandbox portal: its domain now and a token pair it issues for a user. */
  portal: { domain(): string; issueTokens(userId: number): { accessToken: string; refreshToken: string; expires: number } };
  /** Wall clock, epoch ms. */
  now: () => number;
  log?: (msg: string, detail?: unknown) => void;
}

/**
 * The sandbox's demo users and two open leads and deals, so a newcomer can click through every page;
 * a demo user's placement auth is what the sandbox portal would POST to an app page for them. A CRM
 * list that fails leaves that entity without records (logged), never the pages without a demo.
 */
export async function sandboxDemo(d: SandboxDemoDeps): Promise<NonNullable<WebDeps['sandbox']>> {
  const users: DemoUser[] = (await d.users()).slice(0, 6).map((u) => ({ id: u.id, name: [u.name, u.lastName].filter(Boolean).join(' ') }));
  const records: { entity: Entity; id: number }[] = [];
  for (const entity of ['lead', 'deal'] as const) {
    try {
      for (const id of await d.openRecords(entity, 2)) records.push({ entity, id });
    } catch (e) {
      d.log?.(`demo records: ${entity} list failed`, e instanceof Error ? e.message : e);
    }
  }
  const placementAuth = (userId: number): PortalAuth => {
    // What the portal POSTs to an app page (AUTH_ID, REFRESH_ID, AUTH_EXPIRES, member_id, DOMAIN).
    const t = d.portal.issueTokens(userId);
    return { memberId: d.memberId, domain: d.portal.domain(), authId: t.accessToken, refreshId: t.refreshToken, authExpires: Math.max(1, t.expires - Math.floor(d.now() / 1000)) };
  };
  return { memberId: d.memberId, users, records, placementAuth };
}
