/**
 * The shared store for many server processes: PostgreSQL through a `pg` Pool.
 * Concurrency rests on single statements the server makes atomic — `INSERT … ON CONFLICT`,
 * `UPDATE … WHERE <expected>` (a row lock, re-checked after a concurrent writer commits),
 * `DELETE … RETURNING` — and, where a read must precede the write, a transaction holding a
 * transaction-scoped advisory lock. Locks are leases in a table, so a crashed holder's lock
 * expires on its own; they work across connections, processes and hosts.
 */
import { randomUUID } from 'node:crypto';
import { Client, Pool, type PoolClient, type PoolConfig } from 'pg';
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
import { LATEST_VERSION, MIGRATIONS, SchemaVersionError } from './migrations';
import { actionFromRow, codeFromRow, jobFromRow, modelMetaFromRow, voiceFromRow } from './rows';
import type { ActionRow, CodeRow, JobRow, ModelRow, VoiceRow } from './rows';
import { ACTION_TTL_MS, type AttemptTaken, type Lease, type Store } from './types';

export interface PostgresStoreOptions {
  connectionString: string;
  encryptionKey: string;
  /** Schema to use (created when missing). Default: the server's search_path (normally public). */
  schema?: string;
  /** Clock for lock leases. Default Date.now. */
  clock?: () => number;
  /** Pool size. Default 10. */
  maxConnections?: number;
  /** Errors of idle pooled connections (the pool drops them); default: ignored. */
  onPoolError?: (err: Error) => void;
}

/** PostgreSQL could not be reached or refused us; the message never includes the password. */
export class StoreConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConnectionError';
  }
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
export const quoteIdent = (s: string): string => {
  if (!IDENT.test(s)) throw new StoreInputError(`schema name ${JSON.stringify(s)} must be letters, digits and _ (max 63)`);
  return `"${s}"`;
};

/** host:port/database of a connection string, for messages: never the user's password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

type Queryable = Pick<PoolClient, 'query'>;

/** Apply the missing migrations up to `upTo`, in one transaction under a per-schema advisory lock. */
export async function migratePostgres(db: Pool | Client, upTo: number = LATEST_VERSION): Promise<number[]> {
  const client: Queryable & { release?: () => void } = db instanceof Pool ? await db.connect() : db;
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':b24-assistant:migrations'))");
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > LATEST_VERSION) throw new SchemaVersionError(newest);
    for (const m of MIGRATIONS) {
      if (m.version > upTo) break;
      if (done.has(m.version)) continue;
      await client.query(m.postgres);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release?.();
  }
}

/** Pool settings for a schema: search_path is set at connect time, so every pooled client sees it. */
export function poolConfig(connectionString: string, schema?: string, max = 10): PoolConfig {
  const cfg: PoolConfig = { connectionString, max, connectionTimeoutMillis: 10_000 };
  if (schema) cfg.options = `-c search_path=${quoteIdent(schema)}`;
  return cfg;
}

const UNIQUE_VIOLATION = '23505';
/** Expired action records are swept on every PURGE_EVERY-th claim (and by `actions.sweep`). */
const PURGE_EVERY = 100;

export async function openPostgresStore(opts: PostgresStoreOptions): Promise<Store> {
  const cipher = createCipher(opts.encryptionKey);
  const clock = opts.clock ?? Date.now;
  const where = describeUrl(opts.connectionString);
  if (opts.schema) {
    const admin = new Client({ connectionString: opts.connectionString, connectionTimeoutMillis: 10_000 });
    try {
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`);
    } catch (e) {
      if (e instanceof StoreInputError) throw e;
      throw new StoreConnectionError(`cannot prepare PostgreSQL schema at ${where}: ${(e as Error).message}`);
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  const pool = new Pool(poolConfig(opts.connectionString, opts.schema, opts.maxConnections ?? 10));
  pool.on('error', (err) => opts.onPoolError?.(err));
  try {
    try {
      await migratePostgres(pool);
    } catch (e) {
      if (e instanceof SchemaVersionError) throw e;
      throw new StoreConnectionError(`cannot open the PostgreSQL store at ${where}: ${(e as Error).message}`);
    }
    await checkKey(
      cipher,
      async () => (await pool.query<{ value: string }>("SELECT value FROM store_meta WHERE name = 'key_check'")).rows[0]?.value ?? null,
      async (sealed) => {
        await pool.query("INSERT INTO store_meta (name, value) VALUES ('key_check', $1) ON CONFLICT (name) DO NOTHING", [sealed]);
      },
    );
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }

  const rows = async <R extends object>(sql: string, params: unknown[] = []): Promise<R[]> => (await pool.query<R & Record<string, unknown>>(sql, params)).rows;
  const one = async <R extends object>(sql: string, params: unknown[] = []): Promise<R | undefined> => (await rows<R>(sql, params))[0];
  const inTx = async <T>(lockKey: string, fn: (c: PoolClient) => Promise<T>): Promise<T> => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${opts.schema ?? ''}:${lockKey}`]);
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  };
  const noAction = (key: string) => new StoreInputError(`no action was claimed with key ${JSON.stringify(key)}`);
  let closed = false;
  let claims = 0;

  return {
    installs: {
      async get(memberId) {
        const r = await one<InstallRow>('SELECT * FROM installs WHERE member_id = $1', [memberId]);
        return r ? decodeInstall(r, cipher) : null;
      },
      async getByDomain(domain) {
        const r = await one<InstallRow>('SELECT * FROM installs WHERE domain_key = $1 ORDER BY updated_at DESC LIMIT 1', [
          domainKey(requireText('domain', domain)),
        ]);
        return r ? decodeInstall(r, cipher) : null;
      },
      async list() {
        return (await rows<InstallRow>('SELECT * FROM installs ORDER BY member_id')).map((r) => decodeInstall(r, cipher));
      },
      async save(install) {
        validateInstall(install);
        const r = encodeInstall(install, cipher);
        await pool.query(
          `INSERT INTO installs (member_id, domain, domain_key, client_endpoint, server_endpoint, scope, access_token, refresh_token,
             refresh_token_mac, application_token, expires_at, installed_by, settings, installed_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
           ON CONFLICT (member_id) DO UPDATE SET domain = EXCLUDED.domain, domain_key = EXCLUDED.domain_key,
             client_endpoint = EXCLUDED.client_endpoint, server_endpoint = EXCLUDED.server_endpoint, scope = EXCLUDED.scope,
             access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token, refresh_token_mac = EXCLUDED.refresh_token_mac,
             application_token = EXCLUDED.application_token, expires_at = EXCLUDED.expires_at, installed_by = EXCLUDED.installed_by,
             settings = EXCLUDED.settings, installed_at = EXCLUDED.installed_at, updated_at = EXCLUDED.updated_at`,
          [r.member_id, r.domain, r.domain_key, r.client_endpoint, r.server_endpoint, r.scope, r.access_token, r.refresh_token,
            r.refresh_token_mac, r.application_token, r.expires_at, r.installed_by, r.settings, r.installed_at, r.updated_at],
        );
      },
      async updateTokens(memberId, tokens, expectedRefreshToken) {
        requireText('memberId', memberId);
        requireText('accessToken', tokens?.accessToken);
        requireText('refreshToken', tokens.refreshToken);
        requireTime('expiresAt', tokens.expiresAt);
        const t = encodeTokens(memberId, tokens, cipher);
        const res = await pool.query(
          `UPDATE installs SET access_token = $1, refresh_token = $2, refresh_token_mac = $3, expires_at = $4
           WHERE member_id = $5 AND refresh_token_mac = $6`,
          [t.access_token, t.refresh_token, t.refresh_token_mac, tokens.expiresAt, memberId, refreshMac(cipher, memberId, String(expectedRefreshToken))],
        );
        return res.rowCount === 1;
      },
      async remove(memberId) {
        await pool.query('DELETE FROM installs WHERE member_id = $1', [memberId]);
      },
    },
    userTokens: {
      async get(memberId, userId) {
        const r = await one<UserTokenRow>('SELECT * FROM user_tokens WHERE member_id = $1 AND user_id = $2', [memberId, userId]);
        return r ? decodeUserToken(r, cipher) : null;
      },
      async save(token) {
        validateUserToken(token);
        const r = encodeUserToken(token, cipher);
        await pool.query(
          `INSERT INTO user_tokens (member_id, user_id, domain, client_endpoint, server_endpoint, scope, access_token, refresh_token,
             refresh_token_mac, expires_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (member_id, user_id) DO UPDATE SET domain = EXCLUDED.domain, client_endpoint = EXCLUDED.client_endpoint,
             server_endpoint = EXCLUDED.server_endpoint, scope = EXCLUDED.scope, access_token = EXCLUDED.access_token,
             refresh_token = EXCLUDED.refresh_token, refresh_token_mac = EXCLUDED.refresh_token_mac,
             expires_at = EXCLUDED.expires_at, updated_at = EXCLUDED.updated_at`,
          [r.member_id, r.user_id, r.domain, r.client_endpoint, r.server_endpoint, r.scope, r.access_token, r.refresh_token,
            r.refresh_token_mac, r.expires_at, r.updated_at],
        );
      },
      async updateTokens(memberId, userId, tokens, expectedRefreshToken) {
        requireText('memberId', memberId);
        requireText('accessToken', tokens?.accessToken);
        requireText('refreshToken', tokens.refreshToken);
        requireTime('expiresAt', tokens.expiresAt);
        const t = encodeUserTokens(memberId, userId, tokens, cipher);
        const res = await pool.query(
          `UPDATE user_tokens SET access_token = $1, refresh_token = $2, refresh_token_mac = $3, expires_at = $4
           WHERE member_id = $5 AND user_id = $6 AND refresh_token_mac = $7`,
          [t.access_token, t.refresh_token, t.refresh_token_mac, tokens.expiresAt, memberId, userId, userRefreshMac(cipher, memberId, userId, String(expectedRefreshToken))],
        );
        return res.rowCount === 1;
      },
      async remove(memberId, userId) {
        await pool.query('DELETE FROM user_tokens WHERE member_id = $1 AND user_id = $2', [memberId, userId]);
      },
      async removeAll(memberId) {
        await pool.query('DELETE FROM user_tokens WHERE member_id = $1', [memberId]);
      },
    },
    locks: {
      async tryAcquire(key, ttlMs) {
        requireText('key', key);
        requirePositive('ttlMs', ttlMs);
        const now = clock();
        const owner = newOwner();
        const got = await one(
          `INSERT INTO locks (key, owner, expires_at) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at WHERE locks.expires_at <= $4
           RETURNING owner`,
          [key, owner, now + ttlMs, now],
        );
        if (!got) {
          // Held: take it over only from a holder on this host that is gone (crashed mid-action).
          const holder = (await one<{ owner: string }>('SELECT owner FROM locks WHERE key = $1', [key]))?.owner;
          if (!holder || !ownerIsDead(holder)) return null;
          const stolen = await pool.query('UPDATE locks SET owner = $1, expires_at = $2 WHERE key = $3 AND owner = $4', [owner, now + ttlMs, key, holder]);
          if (stolen.rowCount !== 1) return null;
        }
        const release = async () => {
          if (!closed) await pool.query('DELETE FROM locks WHERE key = $1 AND owner = $2', [key, owner]);
        };
        return Object.assign(release, {
          async extend(ms: number) {
            requirePositive('ttlMs', ms);
            if (closed) return false;
            const at = clock();
            const r = await pool.query('UPDATE locks SET expires_at = $1 WHERE key = $2 AND owner = $3 AND expires_at > $4', [at + ms, key, owner, at]);
            return r.rowCount === 1;
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
        if (++claims % PURGE_EVERY === 0) await pool.query('DELETE FROM actions WHERE expires_at <= $1', [now]);
        // An expired record is forgotten: its key can be claimed again.
        const res = await pool.query(
          `INSERT INTO actions (key, member_id, kind, state, created_at, updated_at, expires_at) VALUES ($1, $2, $3, 'pending', $4, $4, $5)
           ON CONFLICT (key) DO UPDATE SET member_id = EXCLUDED.member_id, kind = EXCLUDED.kind, state = 'pending', result = NULL,
             error = NULL, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at
           WHERE actions.expires_at <= EXCLUDED.created_at`,
          [key, memberId, kind, now, now + ttlMs],
        );
        if (res.rowCount === 1) return { claimed: true };
        const r = await one<ActionRow>('SELECT * FROM actions WHERE key = $1', [key]);
        if (!r) throw new Error(`action ${JSON.stringify(key)} vanished while being claimed`);
        return { claimed: false, record: actionFromRow(r) };
      },
      async complete(key, result, now) {
        requireTime('now', now);
        const json = result === undefined ? null : toJson('result', result);
        const res = await pool.query("UPDATE actions SET state = 'done', result = $1, error = NULL, updated_at = $2 WHERE key = $3", [json, now, key]);
        if (res.rowCount !== 1) throw noAction(key);
      },
      async fail(key, error, now) {
        requireTime('now', now);
        const res = await pool.query("UPDATE actions SET state = 'failed', error = $1, updated_at = $2 WHERE key = $3", [String(error), now, key]);
        if (res.rowCount !== 1) throw noAction(key);
      },
      async get(key) {
        const r = await one<ActionRow>('SELECT * FROM actions WHERE key = $1', [key]);
        return r ? actionFromRow(r) : null;
      },
      async sweep(now) {
        return (await pool.query('DELETE FROM actions WHERE expires_at <= $1', [requireTime('now', now)])).rowCount ?? 0;
      },
      async size() {
        return Number((await one<{ n: string }>('SELECT COUNT(*) AS n FROM actions'))!.n);
      },
    },
    voiceLinks: {
      async get(platform, voiceUserId) {
        const r = await one<VoiceRow>('SELECT * FROM voice_links WHERE platform = $1 AND voice_user_id = $2', [platform, voiceUserId]);
        return r ? voiceFromRow(r) : null;
      },
      async save(l) {
        validateVoiceLink(l);
        await pool.query(
          `INSERT INTO voice_links (platform, voice_user_id, member_id, user_id, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (platform, voice_user_id) DO UPDATE SET member_id = EXCLUDED.member_id, user_id = EXCLUDED.user_id,
             created_at = EXCLUDED.created_at`,
          [l.platform, l.voiceUserId, l.memberId, l.userId, l.createdAt],
        );
      },
      async remove(platform, voiceUserId) {
        requireOneOf('platform', platform, PLATFORMS);
        await pool.query('DELETE FROM voice_links WHERE platform = $1 AND voice_user_id = $2', [platform, voiceUserId]);
      },
      async listForUser(memberId, userId) {
        return (
          await rows<VoiceRow>('SELECT * FROM voice_links WHERE member_id = $1 AND user_id = $2 ORDER BY created_at, platform, voice_user_id', [
            memberId,
            userId,
          ])
        ).map(voiceFromRow);
      },
    },
    linkCodes: {
      async save(c) {
        validateLinkCode(c);
        // One statement at a time is enough: the unique (member_id, user_id) index keeps one code per user.
        await pool.query('DELETE FROM link_codes WHERE expires_at <= $1 OR (code_hash = $2 AND NOT (member_id = $3 AND user_id = $4))', [
          c.createdAt,
          c.codeHash,
          c.memberId,
          c.userId,
        ]);
        await pool.query(
          `INSERT INTO link_codes (code_hash, member_id, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (member_id, user_id) DO UPDATE SET code_hash = EXCLUDED.code_hash,
             expires_at = EXCLUDED.expires_at, created_at = EXCLUDED.created_at`,
          [c.codeHash, c.memberId, c.userId, c.expiresAt, c.createdAt],
        );
      },
      async consume(codeHash, now) {
        requireTime('now', now);
        const r = await one<CodeRow>('DELETE FROM link_codes WHERE code_hash = $1 RETURNING *', [codeHash]);
        return r && Number(r.expires_at) > now ? codeFromRow(r) : null;
      },
      async listAlive(now) {
        requireTime('now', now);
        await pool.query('DELETE FROM link_codes WHERE expires_at <= $1', [now]);
        return (await rows<CodeRow>('SELECT * FROM link_codes WHERE expires_at > $1 ORDER BY created_at, code_hash', [now])).map(codeFromRow);
      },
      async takeAttempt(buckets, now) {
        validateBuckets(buckets);
        requireTime('now', now);
        // Serialised across processes: attempts are few (the limits see to it), and each sees the others' entries.
        return inTx('link_attempts', async (c): Promise<AttemptTaken> => {
          await c.query('DELETE FROM link_attempts WHERE expires_at <= $1', [now]);
          for (const b of buckets) {
            const w = (
              await c.query<{ n: string; oldest: string | null }>('SELECT COUNT(*) AS n, MIN(at) AS oldest FROM link_attempts WHERE bucket = $1 AND at > $2', [
                b.key,
                now - b.windowMs,
              ])
            ).rows[0]!;
            if (Number(w.n) >= b.limit) return { ok: false, bucket: b.key, retryAfterMs: Math.max(1, Number(w.oldest) + b.windowMs - now) };
          }
          const id = randomUUID();
          for (const b of buckets) {
            await c.query('INSERT INTO link_attempts (bucket, attempt, at, expires_at) VALUES ($1, $2, $3, $4)', [b.key, id, now, now + b.windowMs]);
          }
          return { ok: true, id };
        });
      },
      async refundAttempt(id) {
        await pool.query('DELETE FROM link_attempts WHERE attempt = $1', [String(id)]);
      },
      async sweep(now) {
        requireTime('now', now);
        const a = await pool.query('DELETE FROM link_codes WHERE expires_at <= $1', [now]);
        const b = await pool.query('DELETE FROM link_attempts WHERE expires_at <= $1', [now]);
        return (a.rowCount ?? 0) + (b.rowCount ?? 0);
      },
      async size() {
        const r = (await one<{ codes: string; attempts: string }>(
          'SELECT (SELECT COUNT(*) FROM link_codes) AS codes, (SELECT COUNT(*) FROM link_attempts) AS attempts',
        ))!;
        return { codes: Number(r.codes), attempts: Number(r.attempts) };
      },
    },
    sessions: {
      async get(key, now) {
        requireTime('now', now);
        const r = await one<{ value: string; version: number }>('SELECT value, version FROM sessions WHERE key = $1 AND expires_at > $2', [key, now]);
        return r ? { value: JSON.parse(r.value), version: Number(r.version) } : null;
      },
      async put(key, value, expectedVersion, ttlMs, now) {
        requireText('key', key);
        requireInt('expectedVersion', expectedVersion, 0);
        requirePositive('ttlMs', ttlMs);
        requireTime('now', now);
        const json = toJson('value', value);
        const r =
          expectedVersion === 0
            ? await one<{ version: number }>(
                `INSERT INTO sessions (key, value, version, expires_at) VALUES ($1, $2, 1, $3)
                 ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, version = 1, expires_at = EXCLUDED.expires_at
                 WHERE sessions.expires_at <= $4 RETURNING version`,
                [key, json, now + ttlMs, now],
              )
            : await one<{ version: number }>(
                `UPDATE sessions SET value = $1, version = version + 1, expires_at = $2
                 WHERE key = $3 AND version = $4 AND expires_at > $5 RETURNING version`,
                [json, now + ttlMs, key, expectedVersion, now],
              );
        return r ? Number(r.version) : null;
      },
      async delete(key) {
        await pool.query('DELETE FROM sessions WHERE key = $1', [key]);
      },
    },
    models: {
      async save(m) {
        validateModel(m);
        const meta = toJson('meta', m.meta);
        const payload = packPayload(m.payload);
        // Next version = max + 1; a concurrent saver hitting the same number retries.
        for (let attempt = 0; ; attempt++) {
          try {
            const r = await one<{ version: number }>(
              `INSERT INTO models (member_id, entity, version, trained_at, next_training_at, meta, payload)
               SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6 FROM models WHERE member_id = $1 AND entity = $2
               RETURNING version`,
              [m.memberId, m.entity, m.trainedAt, m.nextTrainingAt, meta, payload],
            );
            return Number(r!.version);
          } catch (e) {
            if ((e as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 50) throw e;
          }
        }
      },
      async latest(memberId, entity) {
        requireOneOf('entity', entity, ENTITIES);
        const r = await one<ModelRow>('SELECT * FROM models WHERE member_id = $1 AND entity = $2 ORDER BY version DESC LIMIT 1', [memberId, entity]);
        return r ? { ...modelMetaFromRow(r), payload: unpackPayload(r.payload as Buffer) } : null;
      },
      async list(memberId, entity) {
        requireOneOf('entity', entity, ENTITIES);
        return (
          await rows<ModelRow>(
            `SELECT member_id, entity, version, trained_at, next_training_at, meta FROM models
             WHERE member_id = $1 AND entity = $2 ORDER BY version DESC`,
            [memberId, entity],
          )
        ).map(modelMetaFromRow);
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
        await pool.query(
          'INSERT INTO model_scores (member_id, entity, record_id, at, probability, model_version, factors) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [memberId, entity, recordId, at, probability, modelVersion, encodeFactors(factors)],
        );
      },
      async scores(memberId, entity, recordId) {
        requireOneOf('entity', entity, ENTITIES);
        const rs = await rows<{ at: string; probability: number; model_version: number; factors: string | null }>(
          'SELECT at, probability, model_version, factors FROM model_scores WHERE member_id = $1 AND entity = $2 AND record_id = $3 ORDER BY at, id',
          [memberId, entity, recordId],
        );
        return rs.map((r) => {
          const factors = decodeFactors(r.factors);
          return { at: Number(r.at), probability: Number(r.probability), modelVersion: Number(r.model_version), ...(factors ? { factors } : {}) };
        });
      },
    },
    jobs: {
      async save(j) {
        validateJob(j);
        await pool.query(
          `INSERT INTO jobs (id, kind, member_id, state, progress, message, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, member_id = EXCLUDED.member_id, state = EXCLUDED.state,
             progress = EXCLUDED.progress, message = EXCLUDED.message, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`,
          [j.id, j.kind, j.memberId, j.state, j.progress, j.message ?? null, j.createdAt, j.updatedAt],
        );
      },
      async get(id) {
        const r = await one<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
        return r ? jobFromRow(r) : null;
      },
      async listFor(memberId) {
        return (await rows<JobRow>('SELECT * FROM jobs WHERE member_id = $1 ORDER BY created_at DESC, id', [memberId])).map(jobFromRow);
      },
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
