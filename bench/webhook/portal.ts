/**
 * The sandbox portal for bench/webhook, in a process of its own: prints its endpoints as one JSON
 * line, then installs the app into any handler URL it is given on stdin (one per line) and prints
 * the handler's answer, so the server under load shares its CPU with nothing but itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createSandbox } from '../../src/sandbox';

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-bench-portal-'));
  const sandbox = createSandbox({ dataDir: dir, leads: 100 });
  await sandbox.listen(0, '127.0.0.1');
  const i = sandbox.info();
  process.stdout.write(`${JSON.stringify({ rest: i.rest, clientId: i.clientId, clientSecret: i.clientSecret, memberId: i.memberId })}\n`);
  readline.createInterface({ input: process.stdin }).on('line', (handlerUrl) => {
    void sandbox.installApp(handlerUrl.trim(), 1).then((d) => process.stdout.write(`${JSON.stringify({ installed: d.status })}\n`));
  });
  process.on('SIGTERM', () => void sandbox.close().finally(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }));
})();
