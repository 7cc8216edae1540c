/**
 * Shared pieces of the store tests: the key, temp dirs, and the reachability gate for suites
 * that need PostgreSQL or Redis. Locally an unreachable server skips the suite with a printed
 * note; with CI set it fails loudly, so CI can never pass by skipping.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const TEST_KEY = 'test-key-0123456789abcdef0123456789abcdef';
export const OTHER_KEY = 'other-key-fedcba9876543210fedcba9876543210';

export const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const ROOT = resolve(__dirname, '../..');

/** A synchronous probe in a child process (jest decides which tests exist before any await). */
function probe(script: string, url: string): { ok: boolean; why: string } {
  const r = spawnSync(process.execPath, ['-e', script, url], { cwd: ROOT, timeout: 8000, encoding: 'utf8' });
  return { ok: r.status === 0, why: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').pop() ?? '' };
}

export const probePostgres = (url = PG_URL) =>
  probe(
    `const { Client } = require('pg');
     const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
     c.connect().then(() => c.query('SELECT 1')).then(() => c.end()).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });`,
    url,
  );

export const probeRedis = (url = REDIS_URL) =>
  probe(
    `const Redis = require('ioredis');
     const r = new Redis(process.argv[1], { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
     r.connect().then(() => r.ping()).then(() => r.quit()).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });`,
    url,
  );

/** host:port only: never print credentials from a URL. */
const where = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port}`;
  } catch {
    return 'the configured URL';
  }
};

export function describeWhenReachable(service: string, url: string, reachable: { ok: boolean; why: string }, body: () => void): void {
  if (reachable.ok) {
    body();
    return;
  }
  if (process.env.CI) {
    describe(service, () => {
      it(`${service} must be reachable at ${where(url)} when CI is set`, () => {
        throw new Error(`${service} unreachable at ${where(url)}: ${reachable.why}`);
      });
    });
    return;
  }
  console.warn(`note: ${service} suites skipped — not reachable at ${where(url)} (${reachable.why}); with CI set this fails`);
  describe.skip(service, () => {
    it('needs the server', () => undefined);
  });
}
