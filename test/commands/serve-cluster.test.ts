/**
 * `serve --cluster N`: N server processes share one port; one killed with SIGKILL is replaced while
 * the others keep answering; SIGTERM to the primary stops them all. Sandbox mode refuses it.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..', '..');
const loader = pathToFileURL(require.resolve('tsx')).href;
const main = path.join(ROOT, 'src', 'main.ts');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
// A bounded wait: a connection the primary handed to a process at the moment it was killed is lost
// (the client would wait for undici's 300 s header timeout), so no check may hang on one.
const health = async (port: number) => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(10_000) })).status;
  } catch {
    return 0;
  }
};
/** Waits for `what`; on timeout the error carries what the processes printed, to say why. */
const until = async (what: () => boolean | Promise<boolean>, ms: number, said: () => string = () => '') => {
  const t0 = Date.now();
  while (!(await what())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms; output:\n${said().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
/** The server processes the primary forked (tsx's own helper process is not one). */
const children = (pid: number): number[] => {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when nothing matches
  }
  return out
    .split('\n')
    .filter((l) => l.includes('main.ts'))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
};

// Three server starts in a row (two, then the replacement): slow on a loaded 2-core machine.
jest.setTimeout(420_000);

it('runs N processes on one port, replaces one killed, and stops on SIGTERM', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-cluster-'));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', B24_CLIENT_ID: 'local.test', B24_CLIENT_SECRET: 'secret-of-the-test-app' };
  const p = spawn(process.execPath, ['--import', loader, main, 'serve', '--cluster', '2'], { cwd: ROOT, env });
  let out = '';
  p.stdout.on('data', (d: Buffer) => (out += d));
  p.stderr.on('data', (d: Buffer) => (out += d));
  try {
    await until(() => (out.match(/listening on/g) ?? []).length >= 2, 120_000, () => out);
    expect(out).toContain('cluster: 2 server processes');
    expect(await health(port)).toBe(200);
    const before = children(p.pid!);
    expect(before).toHaveLength(2);

    process.kill(before[0]!, 'SIGKILL');
    // Once the primary has seen the death, the other process answers every request while the dead
    // one is replaced (a request racing the kill itself may be lost: a balancer's retry covers it).
    await until(() => /process \d+ ended \(SIGKILL\)/.test(out), 10_000, () => out);
    const during = await Promise.all(Array.from({ length: 8 }, () => health(port)));
    expect(during).toEqual(Array(8).fill(200));
    await until(() => (out.match(/listening on/g) ?? []).length >= 3, 120_000, () => out);
    const after = children(p.pid!);
    expect(after).toHaveLength(2);
    expect(after).not.toContain(before[0]);

    const exited = new Promise<number | null>((r) => p.once('exit', (c) => r(c)));
    p.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await health(port)).toBe(0);
    for (const pid of after) expect(() => process.kill(pid, 0)).toThrow();
  } finally {
    // Never leave a server behind (its inherited stdout would also keep jest waiting).
    for (const pid of p.pid ? children(p.pid) : []) process.kill(pid, 'SIGKILL');
    if (p.exitCode === null) p.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

it('refuses --cluster in sandbox mode, saying why', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-cluster-sb-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir };
  delete env.B24_CLIENT_ID;
  const p = spawn(process.execPath, ['--import', loader, main, 'serve', '--cluster', '2'], { cwd: ROOT, env });
  let err = '';
  p.stderr.on('data', (d: Buffer) => (err += d));
  const code = await new Promise<number | null>((r) => p.once('exit', (c) => r(c)));
  expect(code).toBe(2);
  expect(err).toMatch(/sandbox mode runs as one process/);
  fs.rmSync(dataDir, { recursive: true, force: true });
});
