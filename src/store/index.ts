/**
 * The store's front door: pick the adapters from configuration and open them.
 * PostgreSQL when a database URL is set, else SQLite at <dataDir>/b24-assistant.sqlite;
 * sessions move to Redis when a Redis URL is set. Everything else imports the ports from
 * './types' and receives a Store as an argument.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { EncryptionKeyError, MIN_KEY_LENGTH } from './crypto';
import { openPostgresStore } from './postgres';
import { openRedisSessionStore } from './redis-sessions';
import { openSqliteStore } from './sqlite';
import type { Store } from './types';

export type * from './types';
export { ACTION_TTL_MS } from './types';
export { createMemoryStore } from './memory';
export { openSqliteStore } from './sqlite';
export { openPostgresStore, StoreConnectionError } from './postgres';
export { openRedisSessionStore, RedisConnectionError } from './redis-sessions';
export { EncryptionKeyError, createCodeHasher, safeEqual } from './crypto';
export { StoreInputError } from './codec';
export { SchemaVersionError } from './migrations';

export const SQLITE_FILE = 'b24-assistant.sqlite';
export const KEY_FILE = 'secret.key';

export interface OpenStoreConfig {
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  encryptionKey: string;
  /** PostgreSQL schema (created when missing); default: the server's search_path. */
  postgresSchema?: string;
  /** Prefix of Redis keys. Default "b24a:". */
  redisPrefix?: string;
  /** Clock for lock leases. Default Date.now. */
  clock?: () => number;
}

export async function openStore(config: OpenStoreConfig): Promise<Store> {
  const base = config.databaseUrl
    ? await openPostgresStore({
        connectionString: config.databaseUrl,
        encryptionKey: config.encryptionKey,
        schema: config.postgresSchema,
        clock: config.clock,
      })
    : await openSqliteStore({ path: join(config.dataDir, SQLITE_FILE), encryptionKey: config.encryptionKey, clock: config.clock });
  if (!config.redisUrl) return base;
  let sessions;
  try {
    sessions = await openRedisSessionStore({ url: config.redisUrl, prefix: config.redisPrefix });
  } catch (e) {
    await base.close();
    throw e;
  }
  const redis = sessions;
  return {
    ...base,
    sessions: redis,
    async close() {
      await Promise.all([redis.close(), base.close()]);
    },
  };
}

/**
 * The configured key, else the key generated once into <dataDir>/secret.key (mode 0600) and
 * reused on every later start. Losing that file makes stored tokens unreadable: portals must
 * then be reinstalled, so back it up with the database (or set ENCRYPTION_KEY).
 */
export function resolveEncryptionKey(dataDir: string, configuredKey?: string): string {
  if (configuredKey !== undefined && configuredKey.trim() !== '') {
    const k = configuredKey.trim();
    if (k.length < MIN_KEY_LENGTH) throw new EncryptionKeyError(`ENCRYPTION_KEY must be at least ${MIN_KEY_LENGTH} characters`);
    return k;
  }
  const path = join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  // Written aside, then linked into place: link fails when the file exists, so processes
  // starting at once all keep the first key, and nobody ever reads a half-written file.
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = readFileSync(path, 'utf8').trim();
  if (key.length < MIN_KEY_LENGTH) {
    throw new EncryptionKeyError(`${path} holds no usable key (under ${MIN_KEY_LENGTH} characters); restore it from a backup or set ENCRYPTION_KEY`);
  }
  return key;
}

/** Open the store the environment describes (src/config.ts). */
export function openConfiguredStore(c: Pick<Config, 'DATA_DIR' | 'DATABASE_URL' | 'REDIS_URL' | 'ENCRYPTION_KEY'>): Promise<Store> {
  return openStore({
    dataDir: c.DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    encryptionKey: resolveEncryptionKey(c.DATA_DIR, c.ENCRYPTION_KEY),
  });
}
