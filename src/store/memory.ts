/**
 * In-memory Store for unit tests of other modules and for the contract suite's reference.
 * Values are copied in and out (as the SQL adapters serialise them), so a caller mutating a
 * returned object never changes what is stored. Single process only: locks are per instance.
 */
import { randomUUID } from 'node:crypto';
import {
  ENTITIES,
  PLATFORMS,
  StoreInputError,
  domainKey,
  requireInt,
  requireOneOf,
  requirePositive,
  requireText,
  requireTime,
  toJson,
  validateInstall,
  validateBuckets,
  validateJob,
  validateLinkCode,
  validateModel,
  validateUserToken,
  validateVoiceLink,
  decodeFactors,
  encodeFactors,
} from './codec';
import { ACTION_TTL_MS } from './types';
import type {
  ActionLog,
  AttemptBucket,
  Lease,
  ActionRecord,
  Install,
  InstallStore,
  JobRecord,
  JobStore,
  LinkCode,
  LinkCodeStore,
  LockStore,
  ModelRecord,
  ModelStore,
  SessionRecord,
  SessionStore,
  Store,
  UserToken,
  UserTokenStore,
  VoiceLink,
  VoiceLinkStore,
} from './types';

export interface MemoryStoreOptions {
  /** Clock for lock leases (the only methods without a `now` argument). Default Date.now. */
  clock?: () => number;
}

/** A JSON round-trip: the same copy semantics as the SQL adapters (undefined fields vanish). */
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(toJson('value', v)) as T));

export function createMemoryInstallStore(): InstallStore {
  const rows = new Map<string, Install>();
  return {
    async get(memberId) {
      const r = rows.get(memberId);
      return r ? copy(r) : null;
    },
    async getByDomain(domain) {
      const key = domainKey(requireText('domain', domain));
      let best: Install | null = null;
      for (const r of rows.values()) {
        if (domainKey(r.domain) === key && (!best || r.updatedAt > best.updatedAt)) best = r;
      }
      return best ? copy(best) : null;
    },
    async list() {
      return [...rows.values()].sort((a, b) => (a.memberId < b.memberId ? -1 : 1)).map(copy);
    },
    async save(install) {
      validateInstall(install);
      rows.set(install.memberId, copy(install));
    },
    async updateTokens(memberId, tokens, expectedRefreshToken) {
      requireText('accessToken', tokens?.accessToken);
      requireText('refreshToken', tokens.refreshToken);
      requireTime('expiresAt', tokens.expiresAt);
      const r = rows.get(memberId);
      if (!r || r.refreshToken !== expectedRefreshToken) return false;
      rows.set(memberId, { ...r, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt });
      return true;
    },
    async remove(memberId) {
      rows.delete(memberId);
    },
  };
}

export function createMemoryUserTokenStore(): UserTokenStore {
  const rows = new Map<string, UserToken>();
  const id = (m: string, u: number) => `${m}\0${u}`;
  return {
    async get(memberId, userId) {
      const r = rows.get(id(memberId, userId));
      return r ? copy(r) : null;
    },
    async save(token) {
      validateUserToken(token);
      rows.set(id(token.memberId, token.userId), copy(token));
    },
    async updateTokens(memberId, userId, tokens, expectedRefreshToken) {
      requireText('accessToken', tokens?.accessToken);
      requireText('refreshToken', tokens.refreshToken);
      requireTime('expiresAt', tokens.expiresAt);
      const r = rows.get(id(memberId, userId));
      if (!r || r.refreshToken !== expectedRefreshToken) return false;
      rows.set(id(memberId, userId), { ...r, ...tokens });
      return true;
    },
    async remove(memberId, userId) {
      rows.delete(id(memberId, userId));
    },
    async removeAll(memberId) {
      for (const [k, r] of rows) if (r.memberId === memberId) rows.delete(k);
    },
  };
}

export function createMemoryLockStore(clock: () => number = Date.now): LockStore {
  // One process: a holder that crashed took these leases with it, so no dead-holder check is needed.
  const held = new Map<string, { owner: string; until: number }>();
  return {
    async tryAcquire(key, ttlMs) {
      requireText('key', key);
      requirePositive('ttlMs', ttlMs);
      const now = clock();
      const cur = held.get(key);
      if (cur && cur.until > now) return null;
      const owner = randomUUID();
      held.set(key, { owner, until: now + ttlMs });
      const lease = async () => {
        if (held.get(key)?.owner === owner) held.delete(key);
      };
      return Object.assign(lease, {
        async extend(ms: number) {
          requirePositive('ttlMs', ms);
          const at = clock();
          const mine = held.get(key);
          if (mine?.owner !== owner || mine.until <= at) return false;
          mine.until = at + ms;
          return true;
        },
      }) satisfies Lease;
    },
  };
}

export function createMemoryActionLog(): ActionLog {
  const rows = new Map<string, ActionRecord>();
  const expiry = new Map<string, number>();
  const sweep = (now: number) => {
    let n = 0;
    for (const [k, at] of expiry) {
      if (at <= now) {
        expiry.delete(k);
        rows.delete(k);
        n++;
      }
    }
    return n;
  };
  const finish = (key: string, patch: Partial<ActionRecord>, now: number) => {
    const r = rows.get(key);
    if (!r) throw new StoreInputError(`no action was claimed with key ${JSON.stringify(key)}`);
    rows.set(key, { ...r, ...patch, updatedAt: requireTime('now', now) });
  };
  return {
    async claim(key, memberId, kind, now, ttlMs = ACTION_TTL_MS) {
      requireText('key', key);
      requireText('memberId', memberId);
      requireText('kind', kind);
      requireTime('now', now);
      requirePositive('ttlMs', ttlMs);
      sweep(now);
      const existing = rows.get(key);
      if (existing) return { claimed: false, record: copy(existing) };
      rows.set(key, { key, memberId, kind, state: 'pending', createdAt: now, updatedAt: now });
      expiry.set(key, now + ttlMs);
      return { claimed: true };
    },
    async complete(key, result, now) {
      const stored = result === undefined ? undefined : copy(result);
      finish(key, { state: 'done', result: stored, error: undefined }, now);
    },
    async fail(key, error, now) {
      finish(key, { state: 'failed', error: String(error) }, now);
    },
    async get(key) {
      const r = rows.get(key);
      return r ? copy(r) : null;
    },
    async sweep(now) {
      return sweep(requireTime('now', now));
    },
    async size() {
      return rows.size;
    },
  };
}

export function createMemoryVoiceLinkStore(): VoiceLinkStore {
  const rows = new Map<string, VoiceLink>();
  const id = (p: string, u: string) => `${p}\0${u}`;
  return {
    async get(platform, voiceUserId) {
      const r = rows.get(id(platform, voiceUserId));
      return r ? copy(r) : null;
    },
    async save(link) {
      validateVoiceLink(link);
      rows.set(id(link.platform, link.voiceUserId), copy(link));
    },
    async remove(platform, voiceUserId) {
      requireOneOf('platform', platform, PLATFORMS);
      rows.delete(id(platform, voiceUserId));
    },
    async listForUser(memberId, userId) {
      return [...rows.values()]
        .filter((r) => r.memberId === memberId && r.userId === userId)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map(copy);
    },
  };
}

export function createMemoryLinkCodeStore(): LinkCodeStore {
  const codes = new Map<string, LinkCode>();
  const attempts: { bucket: string; attempt: string; at: number; expiresAt: number }[] = [];
  const sweep = (now: number) => {
    let n = 0;
    for (const [h, c] of codes) if (c.expiresAt <= now && codes.delete(h)) n++;
    const before = attempts.length;
    const live = attempts.filter((a) => a.expiresAt > now);
    attempts.splice(0, attempts.length, ...live);
    return n + before - live.length;
  };
  return {
    async save(code) {
      validateLinkCode(code);
      sweep(code.createdAt);
      for (const [h, c] of codes) if (c.memberId === code.memberId && c.userId === code.userId) codes.delete(h);
      codes.set(code.codeHash, copy(code));
    },
    async consume(codeHash, now) {
      requireTime('now', now);
      const c = codes.get(codeHash);
      if (!c) return null;
      codes.delete(codeHash);
      return c.expiresAt > now ? c : null;
    },
    async listAlive(now) {
      requireTime('now', now);
      sweep(now);
      return [...codes.values()].sort((a, b) => a.createdAt - b.createdAt).map(copy);
    },
    async takeAttempt(buckets, now) {
      validateBuckets(buckets);
      requireTime('now', now);
      sweep(now);
      for (const b of buckets) {
        const inWindow = attempts.filter((a) => a.bucket === b.key && a.at > now - b.windowMs);
        if (inWindow.length >= b.limit) {
          const oldest = Math.min(...inWindow.map((a) => a.at));
          return { ok: false, bucket: b.key, retryAfterMs: Math.max(1, oldest + b.windowMs - now) };
        }
      }
      const id = randomUUID();
      for (const b of buckets) attempts.push({ bucket: b.key, attempt: id, at: now, expiresAt: now + b.windowMs });
      return { ok: true, id };
    },
    async refundAttempt(id) {
      const keep = attempts.filter((a) => a.attempt !== id);
      attempts.splice(0, attempts.length, ...keep);
    },
    async sweep(now) {
      return sweep(requireTime('now', now));
    },
    async size() {
      return { codes: codes.size, attempts: attempts.length };
    },
  };
}

export function createMemorySessionStore(): SessionStore {
  const rows = new Map<string, { value: unknown; version: number; expiresAt: number }>();
  return {
    async get<T>(key: string, now: number): Promise<SessionRecord<T> | null> {
      requireTime('now', now);
      const r = rows.get(key);
      if (!r || r.expiresAt <= now) return null;
      return { value: copy(r.value) as T, version: r.version };
    },
    async put(key, value, expectedVersion, ttlMs, now) {
      requireText('key', key);
      requireInt('expectedVersion', expectedVersion, 0);
      requirePositive('ttlMs', ttlMs);
      requireTime('now', now);
      const stored = copy(value);
      const r = rows.get(key);
      const alive = r && r.expiresAt > now ? r : undefined;
      if ((alive?.version ?? 0) !== expectedVersion) return null;
      const version = expectedVersion + 1;
      rows.set(key, { value: stored, version, expiresAt: now + ttlMs });
      return version;
    },
    async delete(key) {
      rows.delete(key);
    },
  };
}

export function createMemoryModelStore(): ModelStore {
  const models: ModelRecord[] = [];
  const scores: { memberId: string; entity: string; recordId: number; at: number; probability: number; modelVersion: number; factors: string | null }[] = [];
  const of = (memberId: string, entity: string) => models.filter((m) => m.memberId === memberId && m.entity === entity);
  return {
    async save(model) {
      validateModel(model);
      const version = of(model.memberId, model.entity).reduce((v, m) => Math.max(v, m.version), 0) + 1;
      models.push(copy({ ...model, version }));
      return version;
    },
    async latest(memberId, entity) {
      requireOneOf('entity', entity, ENTITIES);
      const all = of(memberId, entity);
      if (!all.length) return null;
      return copy(all.reduce((a, b) => (b.version > a.version ? b : a)));
    },
    async list(memberId, entity) {
      requireOneOf('entity', entity, ENTITIES);
      return of(memberId, entity)
        .sort((a, b) => b.version - a.version)
        .map(({ payload: _payload, ...rest }) => copy(rest));
    },
    async addScore(memberId, entity, recordId, at, probability, modelVersion, factors) {
      requireText('memberId', memberId);
      requireOneOf('entity', entity, ENTITIES);
      requireInt('recordId', recordId, 0);
      requireTime('at', at);
      if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
        throw new StoreInputError('probability must be a number from 0 to 1');
      }
      requireInt('modelVersion', modelVersion, 1);
      // Kept as the SQL stores keep it (JSON), so a caller's later change to its array changes nothing here.
      scores.push({ memberId, entity, recordId, at, probability, modelVersion, factors: encodeFactors(factors) });
    },
    async scores(memberId, entity, recordId) {
      requireOneOf('entity', entity, ENTITIES);
      return scores
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => s.memberId === memberId && s.entity === entity && s.recordId === recordId)
        .sort((a, b) => a.s.at - b.s.at || a.i - b.i)
        .map(({ s }) => {
          const factors = decodeFactors(s.factors);
          return { at: s.at, probability: s.probability, modelVersion: s.modelVersion, ...(factors ? { factors } : {}) };
        });
    },
  };
}

export function createMemoryJobStore(): JobStore {
  const rows = new Map<string, JobRecord>();
  return {
    async save(job) {
      validateJob(job);
      rows.set(job.id, copy(job));
    },
    async get(id) {
      const r = rows.get(id);
      return r ? copy(r) : null;
    },
    async listFor(memberId) {
      return [...rows.values()]
        .filter((j) => j.memberId === memberId)
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
        .map(copy);
    },
  };
}

export function createMemoryStore(opts: MemoryStoreOptions = {}): Store {
  return {
    installs: createMemoryInstallStore(),
    userTokens: createMemoryUserTokenStore(),
    locks: createMemoryLockStore(opts.clock),
    actions: createMemoryActionLog(),
    voiceLinks: createMemoryVoiceLinkStore(),
    linkCodes: createMemoryLinkCodeStore(),
    sessions: createMemorySessionStore(),
    models: createMemoryModelStore(),
    jobs: createMemoryJobStore(),
    async close() {},
  };
}
