/**
 * The server under load for bench/webhook: the real runtime (SQLite store, parser, dialogue) as
 * a configured app whose portal is the sandbox in another process (BENCH_PORTAL, the JSON line
 * portal.ts prints). Prints its URL and a link code for the portal's user 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger, startRuntime } from '../../src/runtime';

(async () => {
  const portal = JSON.parse(process.env.BENCH_PORTAL ?? '') as { rest: string; clientId: string; clientSecret: string; memberId: string };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-bench-webhook-'));
  const rt = await startRuntime(
    loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', B24_CLIENT_ID: portal.clientId, B24_CLIENT_SECRET: portal.clientSecret }),
    { log: createLogger('silent'), httpPortalOrigins: [new URL(portal.rest).origin] },
  );
  const code = await rt.issueLinkCode({ memberId: portal.memberId, userId: 1 });
  process.stdout.write(JSON.stringify({ url: rt.url, code }) + '\n');
  process.on('SIGTERM', () => void rt.close().finally(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }));
})();
