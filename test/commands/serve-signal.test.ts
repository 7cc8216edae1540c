/**
 * `npm start` is one node process (no tsx wrapper left behind), so SIGTERM to the pid that npm
 * start gives stops the server and frees its port, as a process manager expects.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(true));
  });

jest.setTimeout(120_000);

it('SIGTERM to the pid of `npm start` frees the port within 10 s', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-signal-'));
  const p = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' } });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    p.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    p.once('exit', (code) => reject(new Error(`npm start exited ${code} before listening: ${out}`)));
  });
  expect(await refused(port)).toBe(false);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => p.once('exit', (code, signal) => resolve({ code, signal })));
  const t0 = Date.now();
  p.kill('SIGTERM');
  let free = false;
  while (!free && Date.now() - t0 < 10_000) {
    free = await refused(port);
    if (!free) await new Promise((r) => setTimeout(r, 100));
  }
  expect(free).toBe(true);
  // npm either exits 0 after its child does, or ends by the SIGTERM it forwarded; never anything else.
  const how = await exited;
  expect(how.code === 0 || how.signal === 'SIGTERM').toBe(true);
  // And no server is left behind on the port (checked again after npm itself is gone).
  expect(await refused(port)).toBe(true);
  fs.rmSync(dataDir, { recursive: true, force: true });
});
