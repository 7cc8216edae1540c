/** The server under load for bench/webhook: the real runtime (SQLite, sandbox portal), printing its URL and a link code. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger, startRuntime } from '../../src/runtime';

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-bench-webhook-'));
  const rt = await startRuntime(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' }), { log: createLogger('silent'), sandboxLeads: 100 });
  const code = await rt.issueLinkCode({ memberId: rt.sandboxMemberId!, userId: 1 });
  process.stdout.write(JSON.stringify({ url: rt.url, code }) + '\n');
  process.on('SIGTERM', () => void rt.close().finally(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }));
})();
