import Redis from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store';
import { createMemoryStore } from '../../src/store/memory';
import { openRedisSessionStore } from '../../src/store/redis-sessions';
import { describeStoreContract } from './contract';
import { REDIS_URL, TEST_KEY, describeWhenReachable, probeRedis } from './helpers';

// One key prefix per run, every key under it deleted at the end, so parallel runs don't collide.
const PREFIX = `b24a-test:${process.pid}:${Date.now().toString(36)}:`;
let n = 0;

describeWhenReachable('Redis', REDIS_URL, probeRedis(), () => {
  afterAll(async () => {
    const r = new Redis(REDIS_URL);
    const keys = await r.keys(`${PREFIX}*`);
    if (keys.length) await r.del(...keys);
    await r.quit();
  });

  // Only the session port lives in Redis; the rest of the Store comes from memory.
  describeStoreContract(
    'redis sessions',
    async ({ clock }) => {
      const base = createMemoryStore({ clock });
      const sessions = await openRedisSessionStore({ url: REDIS_URL, prefix: `${PREFIX}${++n}:` });
      return { ...base, sessions, close: () => sessions.close() };
    },
    { ports: ['sessions'] },
  );

  describe('redis specifics', () => {
    it('keys carry the prefix and a real TTL', async () => {
      const prefix = `${PREFIX}ttl:`;
      const s = await openRedisSessionStore({ url: REDIS_URL, prefix });
      const r = new Redis(REDIS_URL);
      try {
        await s.put('chat:1', { step: 'ask' }, 0, 60_000, Date.now());
        const ttl = await r.pttl(`${prefix}session:chat:1`);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(60_000);
      } finally {
        await s.close();
        await r.quit();
      }
    });

    it('concurrent writers on two connections: exactly one wins', async () => {
      const prefix = `${PREFIX}race:`;
      const a = await openRedisSessionStore({ url: REDIS_URL, prefix });
      const b = await openRedisSessionStore({ url: REDIS_URL, prefix });
      try {
        const res = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).put('k', i, 0, 60_000, 1000)));
        expect(res.filter((v) => v !== null)).toEqual([1]);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('openStore with a Redis URL keeps sessions in Redis and the rest in SQL', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'b24-store-redis-'));
      const prefix = `${PREFIX}open:`;
      const store = await openStore({ dataDir: dir, encryptionKey: TEST_KEY, redisUrl: REDIS_URL, redisPrefix: prefix });
      const r = new Redis(REDIS_URL);
      try {
        expect(await store.sessions.put('chat:9', { a: 1 }, 0, 60_000, 5)).toBe(1);
        expect(await r.hget(`${prefix}session:chat:9`, 'v')).toBe('1');
        expect((await store.actions.claim('k', 'm', 'x', 1)).claimed).toBe(true);
      } finally {
        await store.close();
        await r.quit();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('an unreachable Redis fails at open with a clear message and no password', async () => {
      const open = openRedisSessionStore({ url: 'redis://:hunter2-pw@127.0.0.1:1', connectTimeoutMs: 1000 });
      await expect(open).rejects.toThrow(/cannot reach Redis at 127\.0\.0\.1:1/);
      await expect(open).rejects.not.toThrow(/hunter2/);
    });
  });
});
