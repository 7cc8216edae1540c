/**
 * Dialogue sessions in Redis (ioredis), for deployments with several web processes.
 * A session is a hash {v: version, d: JSON value, e: expiresAt by the caller's clock}. The
 * version check and the write happen in one Lua script, which Redis runs atomically, so of two
 * concurrent turns exactly one wins. Expiry follows the caller's `now` (as in the SQL adapters,
 * which keeps tests deterministic); PEXPIRE with the same ttl lets Redis drop dead keys itself.
 */
import Redis from 'ioredis';
import { requireInt, requirePositive, requireText, requireTime, toJson } from './codec';
import type { SessionRecord, SessionStore } from './types';

export interface RedisSessionOptions {
  /** redis://… URL; ignored when `client` is given. */
  url?: string;
  /** An existing client (not closed by `close()`). */
  client?: Redis;
  /** Prefix of every key, so several deployments (or test runs) can share one Redis. Default "b24a:". */
  prefix?: string;
  /** How long to wait for the first connection. Default 5000 ms. */
  connectTimeoutMs?: number;
}

export interface RedisSessionStore extends SessionStore {
  close(): Promise<void>;
}

const PUT = `
local cur = redis.call('HMGET', KEYS[1], 'v', 'e')
local have = 0
if cur[1] and cur[2] and tonumber(cur[2]) > tonumber(ARGV[4]) then have = tonumber(cur[1]) end
if have ~= tonumber(ARGV[1]) then return -1 end
local nv = have + 1
redis.call('HSET', KEYS[1], 'v', nv, 'd', ARGV[2], 'e', ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return nv`;

type WithPut = Redis & {
  b24SessionPut(key: string, expected: number, json: string, ttlMs: number, now: number, expiresAt: number): Promise<number>;
};

export class RedisConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisConnectionError';
  }
}

/** host:port of a Redis URL for messages (never its password). */
const where = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 6379}`;
  } catch {
    return '(unparseable REDIS_URL)';
  }
};

export async function openRedisSessionStore(opts: RedisSessionOptions): Promise<RedisSessionStore> {
  const prefix = opts.prefix ?? 'b24a:';
  const own = !opts.client;
  let client: Redis;
  if (opts.client) {
    client = opts.client;
  } else {
    const url = requireText('redis url', opts.url);
    // No retries until the first connection worked: an unreachable server fails open() at once
    // instead of leaving a reconnect timer behind; afterwards, reconnect with backoff.
    let connected = false;
    client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: opts.connectTimeoutMs ?? 5000,
      maxRetriesPerRequest: 3,
      retryStrategy: (times) => (connected ? Math.min(times * 200, 2000) : null),
    });
    // Without a listener ioredis reports connection errors as unhandled; commands still reject.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      connected = true;
    } catch (e) {
      if (client.status !== 'end') client.disconnect(); // already ended: disconnecting again leaves a 2 s timer
      throw new RedisConnectionError(`cannot reach Redis at ${where(url)}: ${(e as Error).message}`);
    }
  }
  if (typeof (client as unknown as Record<string, unknown>).b24SessionPut !== 'function') client.defineCommand('b24SessionPut', { numberOfKeys: 1, lua: PUT });
  const r = client as WithPut;
  const k = (key: string) => `${prefix}session:${key}`;

  return {
    async get<T>(key: string, now: number): Promise<SessionRecord<T> | null> {
      requireTime('now', now);
      const [v, d, e] = await r.hmget(k(key), 'v', 'd', 'e');
      if (v === null || d === null || e === null || Number(e) <= now) return null;
      return { value: JSON.parse(d) as T, version: Number(v) };
    },
    async put(key, value, expectedVersion, ttlMs, now) {
      requireText('key', key);
      requireInt('expectedVersion', expectedVersion, 0);
      requirePositive('ttlMs', ttlMs);
      requireTime('now', now);
      const v = await r.b24SessionPut(k(key), expectedVersion, toJson('value', value), Math.ceil(ttlMs), now, now + ttlMs);
      return v > 0 ? Number(v) : null;
    },
    async delete(key) {
      await r.del(k(key));
    },
    async close() {
      if (own && client.status !== 'end') await client.quit().catch(() => client.disconnect());
    },
  };
}
