/**
 * The embedded store: one SQLite file (better-sqlite3@12; version 13 crashes on Node 20).
 * WAL lets readers run beside the one writer; busy_timeout makes a second process wait for
 * the write lock instead of failing. Every read-then-write runs in BEGIN IMMEDIATE, so the
 * write lock is taken before the read and two processes on the same file cannot interleave
 * (a deferred transaction would fail with SQLITE_BUSY_SNAPSHOT instead of waiting).
 * better-sqlite3 is synchronous; the async methods only satisfy the ports.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ENTITIES,
  PLATFORMS,
  StoreInputError,
  decodeInstall,
  decodeUserToken,
  encodeUserToken,
  encodeUserTokens,
  userRefreshMac,
  validateUserToken,
  type UserTokenRow,
  domainKey,
  encodeInstall,
  encodeTokens,
  packPayload,
  refreshMac,
  requireInt,
  requireOneOf,
  requirePositive,
  requireText,
  requireTime,
  toJson,
  unpackPayload,
  validateInstall,
  validateBuckets,
  validateJob,
  validateLinkCode,
  validateModel,
  validateVoiceLink,
  type InstallRow,
  decodeFactors,
  encodeFactors,
} from './codec';
import { newOwner, ownerIsDead } from './lease';
import { checkKey, createCipher } from './crypto';
import { createGroupCommit } from './group-commit';
import { LATEST_VERSION, MIGRATIONS, SchemaVersionError } from './migrations';
import { actionFromRow, codeFromRow, jobFromRow, modelMetaFromRow, voiceFromRow } from './rows';
import type { ActionRow, CodeRow, JobRow, ModelRow, VoiceRow } from './rows';
import { ACTION_TTL_MS, type AttemptBucket, type AttemptTaken, type Lease, type ModelRecord, type Store } from './types';

export interface SqliteStoreOptions {
  /** Database file; created with its directory when missing. */
  path: string;
  encryptionKey: string;
  /** Clock for lock leases. Default Date.now. */
  clock?: () => number;
  /** How long a writer waits for another process's write lock. Default 5000 ms. */
  busyTimeoutMs?: number;
}

type DB = Database.Database;

/** Apply the migrations missing from `db`, up to `upTo` (tests stop early to build old databases). */
export function migrateSqlite(db: DB, upTo: number = LATEST_VERSION): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied: number[] = [];
  const has = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const newest = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  if (newest > LATEST_VERSION) throw new SchemaVersionError(newest);
  for (const m of MIGRATIONS) {
    if (m.version > upTo) break;
    const step = db.transaction(() => {
      if (has.get(m.version)) return; // another process got here first
      db.exec(m.sqlite);
      record.run(m.version, m.name, Date.now());
      applied.push(m.version);
    });
    step.immediate();
  }
  return applied;
}

/** Open the file with the settings every connection needs. */
export function openSqliteDatabase(path: string, busyTimeoutMs = 5000): DB {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const fresh = path !== ':memory:' && !existsSync(path);
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Tokens are encrypted, but the file also names users and portals: keep it private.
    if (fresh) chmodSync(path, 0o600);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

const PURGE_EVERY = 100;

export async function openSqliteStore(opts: SqliteStoreOptions): Promise<Store> {
  const cipher = createCipher(opts.encryptionKey);
  const clock = opts.clock ?? Date.now;
  const db = openSqliteDatabase(opts.path, opts.busyTimeoutMs ?? 5000);
  try {
    migrateSqlite(db);
    await checkKey(
      cipher,
      async () => (db.prepare("SELECT value FROM store_meta WHERE name = 'key_check'").get() as { value: string } | undefined)?.value ?? null,
      async (sealed) => {
        db.prepare("INSERT INTO store_meta (name, value) VALUES ('key_check', ?) ON CONFLICT (name) DO NOTHING").run(sealed);
      },
    );
  } catch (e) {
    db.close();
    throw e;
  }

  const q = {
    installGet: db.prepare('SELECT * FROM installs WHERE member_id = ?'),
    installByDomain: db.prepare('SELECT * FROM installs WHERE domain_key = ? ORDER BY updated_at DESC LIMIT 1'),
    installList: db.prepare('SELECT * FROM installs ORDER BY member_id'),
    installSave: db.prepare(`INSERT INTO installs (member_id, domain, domain_key, client_endpoint, server_endpoint, scope,
        access_token, refresh_token, refresh_token_mac, application_token, expires_at, installed_by, settings, installed_at, updated_at)
      VALUES (@member_id, @domain, @domain_key, @client_endpoint, @server_endpoint, @scope, @access_token, @refresh_token,
        @refresh_token_mac, @application_token, @expires_at, @installed_by, @settings, @installed_at, @updated_at)
      ON CONFLICT (member_id) DO UPDATE SET domain = excluded.domain, domain_key = excluded.domain_key,
        client_endpoint = excluded.client_endpoint, server_endpoint = excluded.server_endpoint, scope = excluded.scope,
        access_token = excluded.access_token, refresh_token = excluded.refresh_token, refresh_token_mac = excluded.refresh_token_mac,
        application_token = excluded.application_token, expires_at = excluded.expires_at, installed_by = excluded.installed_by,
        settings = excluded.settings, installed_at = excluded.installed_at, updated_at = excluded.updated_at`),
    installTokens: db.prepare(`UPDATE installs SET access_token = @access_token, refresh_token = @refresh_token,
        refresh_token_mac = @refresh_token_mac, expires_at = @expires_at WHERE member_id = @member_id AND refresh_token_mac = @expected`),
    installRemove: db.prepare('DELETE FROM installs WHERE member_id = ?'),
    userGet: db.prepare('SELECT * FROM user_tokens WHERE member_id = ? AND user_id = ?'),
    userSave: db.prepare(`INSERT INTO user_tokens (member_id, user_id, domain, client_endpoint, server_endpoint, scope,
        access_token, refresh_token, refresh_token_mac, expires_at, updated_at)
      VALUES (@member_id, @user_id, @domain, @client_endpoint, @server_endpoint, @scope, @access_token, @refresh_token,
        @refresh_token_mac, @expires_at, @updated_at)
      ON CONFLICT (member_id, user_id) DO UPDATE SET domain = excluded.domain, client_endpoint = excluded.client_endpoint,
        server_endpoint = excluded.server_endpoint, scope = excluded.scope, access_token = excluded.access_token,
        refresh_token = excluded.refresh_token, refresh_token_mac = excluded.refresh_token_mac,
        expires_at = excluded.expires_at, updated_at = excluded.updated_at`),
    userTokens: db.prepare(`UPDATE user_tokens SET access_token = @access_token, refresh_token = @refresh_token,
        refresh_token_mac = @refresh_token_mac, expires_at = @expires_at
      WHERE member_id = @member_id AND user_id = @user_id AND refresh_token_mac = @expected`),
    userRemove: db.prepare('DELETE FROM user_tokens WHERE member_id = ? AND user_id = ?'),
    userRemoveAll: db.prepare('DELETE FROM user_tokens WHERE member_id = ?'),
    lockTake: db.prepare(`INSERT INTO locks (key, owner, expires_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at WHERE locks.expires_at <= ?
      RETURNING owner`),
    lockRelease: db.prepare('DELETE FROM locks WHERE key = ? AND owner = ?'),
    lockOwner: db.prepare('SELECT owner FROM locks WHERE key = ?'),
    lockSteal: db.prepare('UPDATE locks SET owner = ?, expires_at = ? WHERE key = ? AND owner = ?'),
    lockExtend: db.prepare('UPDATE locks SET expires_at = ? WHERE key = ? AND owner = ? AND expires_at > ?'),
    // An expired record is forgotten: its key can be claimed again.
    actionClaim: db.prepare(`INSERT INTO actions (key, member_id, kind, state, created_at, updated_at, expires_at)
      VALUES (?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (key) DO UPDATE SET member_id = excluded.member_id, kind = excluded.kind,
        state = 'pending', result = NULL, error = NULL, created_at = excluded.created_at, updated_at = excluded.updated_at,
        expires_at = excluded.expires_at WHERE actions.expires_at <= excluded.created_at`),
    actionSweep: db.prepare('DELETE FROM actions WHERE expires_at <= ?'),
    actionCount: db.prepare('SELECT COUNT(*) AS n FROM actions'),
    actionGet: db.prepare('SELECT * FROM actions WHERE key = ?'),
    actionDone: db.prepare("UPDATE actions SET state = 'done', result = ?, error = NULL, updated_at = ? WHERE key = ?"),
    actionFail: db.prepare("UPDATE actions SET state = 'failed', error = ?, updated_at = ? WHERE key = ?"),
    voiceGet: db.prepare('SELECT * FROM voice_links WHERE platform = ? AND voice_user_id = ?'),
    voiceSave: db.prepare(`INSERT INTO voice_links (platform, voice_user_id, member_id, user_id, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (platform, voice_user_id) DO UPDATE SET member_id = excluded.member_id, user_id = excluded.user_id, created_at = excluded.created_at`),
    voiceRemove: db.prepare('DELETE FROM voice_links WHERE platform = ? AND voice_user_id = ?'),
    voiceForUser: db.prepare('SELECT * FROM voice_links WHERE member_id = ? AND user_id = ? ORDER BY created_at, platform, voice_user_id'),
    // A hash equal to another user's code (1 in 10^8 per live code) replaces that code too.
    codeDropClash: db.prepare('DELETE FROM link_codes WHERE code_hash = ? AND NOT (member_id = ? AND user_id = ?)'),
    codeSave: db.prepare(`INSERT INTO link_codes (code_hash, member_id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (member_id, user_id) DO UPDATE SET code_hash = excluded.code_hash,
        expires_at = excluded.expires_at, created_at = excluded.created_at`),
    codeConsume: db.prepare('DELETE FROM link_codes WHERE code_hash = ? RETURNING *'),
    codePurge: db.prepare('DELETE FROM link_codes WHERE expires_at <= ?'),
    codeAlive: db.prepare('SELECT * FROM link_codes WHERE expires_at > ? ORDER BY created_at, code_hash'),
    codeCount: db.prepare('SELECT COUNT(*) AS n FROM link_codes'),
    attemptPurge: db.prepare('DELETE FROM link_attempts WHERE expires_at <= ?'),
    attemptWindow: db.prepare('SELECT COUNT(*) AS n, MIN(at) AS oldest FROM link_attempts WHERE bucket = ? AND at > ?'),
    attemptAdd: db.prepare('INSERT INTO link_attempts (bucket, attempt, at, expires_at) VALUES (?, ?, ?, ?)'),
    attemptRefund: db.prepare('DELETE FROM link_attempts WHERE attempt = ?'),
    attemptCount: db.prepare('SELECT COUNT(*) AS n FROM link_attempts'),
    sessionGet: db.prepare('SELECT value, version FROM sessions WHERE key = ? AND expires_at > ?'),
    sessionCreate: db.prepare(`INSERT INTO sessions (key, value, version, expires_at) VALUES (?, ?, 1, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = 1, expires_at = excluded.expires_at
      WHERE sessions.expires_at <= ? RETURNING version`),
    sessionUpdate: db.prepare(`UPDATE sessions SET value = ?, version = version + 1, expires_at = ?
      WHERE key = ? AND version = ? AND expires_at > ? RETURNING version`),
    sessionDelete: db.prepare('DELETE FROM sessions WHERE key = ?'),
    sessionPurge: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    modelMax: db.prepare('SELECT MAX(version) AS v FROM models WHERE member_id = ? AND entity = ?'),
    modelInsert: db.prepare(`INSERT INTO models (member_id, entity, version, trained_at, next_training_at, meta, payload)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    modelLatest: db.prepare('SELECT * FROM models WHERE member_id = ? AND entity = ? ORDER BY version DESC LIMIT 1'),
    modelList: db.prepare(`SELECT member_id, entity, version, trained_at, next_training_at, meta FROM models
      WHERE member_id = ? AND entity = ? ORDER BY version DESC`),
    scoreAdd: db.prepare(`INSERT INTO model_scores (member_id, entity, record_id, at, probability, model_version, factors) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    scoreList: db.prepare(`SELECT at, probability, model_version, factors FROM model_scores
      WHERE member_id = ? AND entity = ? AND record_id = ? ORDER BY at, id`),
    jobSave: db.prepare(`INSERT INTO jobs (id, kind, member_id, state, progress, message, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, member_id = excluded.member_id,
        state = excluded.state, progress = excluded.progress, message = excluded.message,
        created_at = excluded.created_at, updated_at = excluded.updated_at`),
    jobGet: db.prepare('SELECT * FROM jobs WHERE id = ?'),
    jobList: db.prepare('SELECT * FROM jobs WHERE member_id = ? ORDER BY created_at DESC, id'),
  };

  const saveCode = db.transaction((c: { codeHash: string; memberId: string; userId: number; expiresAt: number; createdAt: number }) => {
    q.codePurge.run(c.createdAt);
    q.codeDropClash.run(c.codeHash, c.memberId, c.userId);
    q.codeSave.run(c.codeHash, c.memberId, c.userId, c.expiresAt, c.createdAt);
  });
  const takeAttempt = db.transaction((buckets: readonly AttemptBucket[], now: number): AttemptTaken => {
    q.attemptPurge.run(now);
    for (const b of buckets) {
      const w = q.attemptWindow.get(b.key, now - b.windowMs) as { n: number; oldest: number | null };
      if (w.n >= b.limit) return { ok: false, bucket: b.key, retryAfterMs: Math.max(1, Number(w.oldest) + b.windowMs - now) };
    }
    const id = randomUUID();
    for (const b of buckets) q.attemptAdd.run(b.key, id, now, now + b.windowMs);
    return { ok: true, id };
  });
  const count = (stmt: Database.Statement) => Number((stmt.get() as { n: number }).n);
  const saveModel = db.transaction((m: Omit<ModelRecord, 'version'>, meta: string, payload: Buffer) => {
    const version = ((q.modelMax.get(m.memberId, m.entity) as { v: number | null }).v ?? 0) + 1;
    q.modelInsert.run(m.memberId, m.entity, version, m.trainedAt, m.nextTrainingAt, meta, payload);
    return version;
  });
  let puts = 0;
  let claims = 0;
  let closed = false;
  // Voice links and sessions, read and written by every voice turn, go through one transaction per event-loop turn.
  const grouped = createGroupCommit(db);

  return {
    installs: {
      async get(memberId) {
        const r = q.installGet.get(memberId) as InstallRow | undefined;
        return r ? decodeInstall(r, cipher) : null;
      },
      async getByDomain(domain) {
        const r = q.installByDomain.get(domainKey(requireText('domain', domain))) as InstallRow | undefined;
        return r ? decodeInstall(r, cipher) : null;
      },
      async list() {
        return (q.installList.all() as InstallRow[]).map((r) => decodeInstall(r, cipher));
      },
      async save(install) {
        validateInstall(install);
        q.installSave.run(encodeInstall(install, cipher));
      },
      async updateTokens(memberId, tokens, expectedRefreshToken) {
        requireText('memberId', memberId);
        requireText('accessToken', tokens?.accessToken);
        requireText('refreshToken', tokens.refreshToken);
        requireTime('expiresAt', tokens.expiresAt);
        const res = q.installTokens.run({
          ...encodeTokens(memberId, tokens, cipher),
          expires_at: tokens.expiresAt,
          member_id: memberId,
          expected: refreshMac(cipher, memberId, String(expectedRefreshToken)),
        });
        return res.changes === 1;
      },
      async remove(memberId) {
        q.installRemove.run(memberId);
      },
    },
    locks: {
      async tryAcquire(key, ttlMs) {
        requireText('key', key);
        requirePositive('ttlMs', ttlMs);
        const now = clock();
        const owner = newOwner();
        if (!q.lockTake.get(key, owner, now + ttlMs, now)) {
          // Held: take it over only from a holder on this host that is gone (crashed mid-action).
          const holder = (q.lockOwner.get(key) as { owner: string } | undefined)?.owner;
          if (!holder || !ownerIsDead(holder) || q.lockSteal.run(owner, now + ttlMs, key, holder).changes !== 1) return null;
        }
        const release = async () => {
          if (!closed) q.lockRelease.run(key, owner);
        };
        return Object.assign(release, {
          async extend(ms: number) {
            requirePositive('ttlMs', ms);
            const at = clock();
            return !closed && q.lockExtend.run(at + ms, key, owner, at).changes === 1;
          },
        }) satisfies Lease;
      },
    },
    actions: {
      async claim(key, memberId, kind, now, ttlMs = ACTION_TTL_MS) {
        requireText('key', key);
        requireText('memberId', memberId);
        requireText('kind', kind);
        requireTime('now', now);
        requirePositive('ttlMs', ttlMs);
        if (++claims % PURGE_EVERY === 0) q.actionSweep.run(now);
        if (q.actionClaim.run(key, memberId, kind, now, now, now + ttlMs).changes === 1) return { claimed: true };
        return { claimed: false, record: actionFromRow(q.actionGet.get(key) as ActionRow) };
      },
      async complete(key, result, now) {
        requireTime('now', now);
        const json = result === undefined ? null : toJson('result', result);
        if (q.actionDone.run(json, now, key).changes !== 1) throw new StoreInputError(`no action was claimed with key ${JSON.stringify(key)}`);
      },
      async fail(key, error, now) {
        requireTime('now', now);
        if (q.actionFail.run(String(error), now, key).changes !== 1) throw new StoreInputError(`no action was claimed with key ${JSON.stringify(key)}`);
      },
      async get(key) {
        const r = q.actionGet.get(key) as ActionRow | undefined;
        return r ? actionFromRow(r) : null;
      },
      async sweep(now) {
        return q.actionSweep.run(requireTime('now', now)).changes;
      },
      async size() {
        return count(q.actionCount);
      },
    },
    userTokens: {
      async get(memberId, userId) {
        const r = q.userGet.get(memberId, userId) as UserTokenRow | undefined;
        return r ? decodeUserToken(r, cipher) : null;
      },
      async save(token) {
        validateUserToken(token);
        q.userSave.run(encodeUserToken(token, cipher));
      },
      async updateTokens(memberId, userId, tokens, expectedRefreshToken) {
        requireText('accessToken', tokens?.accessToken);
        requireText('refreshToken', tokens.refreshToken);
        requireTime('expiresAt', tokens.expiresAt);
        const res = q.userTokens.run({
          ...encodeUserTokens(memberId, userId, tokens, cipher),
          expires_at: tokens.expiresAt,
          member_id: memberId,
          user_id: userId,
          expected: userRefreshMac(cipher, memberId, userId, String(expectedRefreshToken)),
        });
        return res.changes === 1;
      },
      async remove(memberId, userId) {
        q.userRemove.run(memberId, userId);
      },
      async removeAll(memberId) {
        q.userRemoveAll.run(memberId);
      },
    },
    voiceLinks: {
      async get(platform, voiceUserId) {
        const r = (await grouped.read(() => q.voiceGet.get(platform, voiceUserId))) as VoiceRow | undefined;
        return r ? voiceFromRow(r) : null;
      },
      async save(link) {
        validateVoiceLink(link);
        q.voiceSave.run(link.platform, link.voiceUserId, link.memberId, link.userId, link.createdAt);
      },
      async remove(platform, voiceUserId) {
        requireOneOf('platform', platform, PLATFORMS);
        q.voiceRemove.run(platform, voiceUserId);
      },
      async listForUser(memberId, userId) {
        return (q.voiceForUser.all(memberId, userId) as VoiceRow[]).map(voiceFromRow);
      },
    },
    linkCodes: {
      async save(code) {
        validateLinkCode(code);
        saveCode.immediate(code);
      },
      async consume(codeHash, now) {
        requireTime('now', now);
        const r = q.codeConsume.get(codeHash) as CodeRow | undefined;
        return r && Number(r.expires_at) > now ? codeFromRow(r) : null;
      },
      async listAlive(now) {
        requireTime('now', now);
        q.codePurge.run(now);
        return (q.codeAlive.all(now) as CodeRow[]).map(codeFromRow);
      },
      async takeAttempt(buckets, now) {
        validateBuckets(buckets);
        requireTime('now', now);
        return takeAttempt.immediate(buckets, now);
      },
      async refundAttempt(id) {
        q.attemptRefund.run(String(id));
      },
      async sweep(now) {
        requireTime('now', now);
        return q.codePurge.run(now).changes + q.attemptPurge.run(now).changes;
      },
      async size() {
        return { codes: count(q.codeCount), attempts: count(q.attemptCount) };
      },
    },
    sessions: {
      async get(key, now) {
        requireTime('now', now);
        const r = (await grouped.read(() => q.sessionGet.get(key, now))) as { value: string; version: number } | undefined;
        return r ? { value: JSON.parse(r.value), version: Number(r.version) } : null;
      },
      async put(key, value, expectedVersion, ttlMs, now) {
        requireText('key', key);
        requireInt('expectedVersion', expectedVersion, 0);
        requirePositive('ttlMs', ttlMs);
        requireTime('now', now);
        const json = toJson('value', value);
        return grouped.write(() => {
          // Expired rows are dead already (get ignores them); sweep them now and then.
          if (++puts % PURGE_EVERY === 0) q.sessionPurge.run(now);
          const r = (
            expectedVersion === 0
              ? q.sessionCreate.get(key, json, now + ttlMs, now)
              : q.sessionUpdate.get(json, now + ttlMs, key, expectedVersion, now)
          ) as { version: number } | undefined;
          return r ? Number(r.version) : null;
        });
      },
      async delete(key) {
        await grouped.write(() => q.sessionDelete.run(key));
      },
    },
    models: {
      async save(model) {
        validateModel(model);
        return saveModel.immediate(model, toJson('meta', model.meta), packPayload(model.payload));
      },
      async latest(memberId, entity) {
        requireOneOf('entity', entity, ENTITIES);
        const r = q.modelLatest.get(memberId, entity) as ModelRow | undefined;
        return r ? { ...modelMetaFromRow(r), payload: unpackPayload(r.payload as Buffer) } : null;
      },
      async list(memberId, entity) {
        requireOneOf('entity', entity, ENTITIES);
        return (q.modelList.all(memberId, entity) as ModelRow[]).map(modelMetaFromRow);
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
        q.scoreAdd.run(memberId, entity, recordId, at, probability, modelVersion, encodeFactors(factors));
      },
      async scores(memberId, entity, recordId) {
        requireOneOf('entity', entity, ENTITIES);
        return (q.scoreList.all(memberId, entity, recordId) as { at: number; probability: number; model_version: number; factors: string | null }[]).map((r) => {
          const factors = decodeFactors(r.factors);
          return { at: Number(r.at), probability: Number(r.probability), modelVersion: Number(r.model_version), ...(factors ? { factors } : {}) };
        });
      },
    },
    jobs: {
      async save(job) {
        validateJob(job);
        q.jobSave.run(job.id, job.kind, job.memberId, job.state, job.progress, job.message ?? null, job.createdAt, job.updatedAt);
      },
      async get(id) {
        const r = q.jobGet.get(id) as JobRow | undefined;
        return r ? jobFromRow(r) : null;
      },
      async listFor(memberId) {
        return (q.jobList.all(memberId) as JobRow[]).map(jobFromRow);
      },
    },
    async close() {
      if (closed) return;
      closed = true;
      grouped.flush();
      db.close();
    },
  };
}
