/**
 * The sandbox portal in its own process (`src/main.ts sandbox`), so its CPU and event loop are
 * not the exporter's. We read the one JSON line it prints once listening; loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { SandboxInfo as PortalSandboxInfo } from '../../src/sandbox';
import { TS_NODE_ARGS } from '../ts-node-args';

/** What the `sandbox` command prints: the sandbox's own info (its application token is not needed here). */
export type SandboxInfo = Omit<PortalSandboxInfo, 'applicationToken'>;

export interface SandboxProcess {
  info: SandboxInfo;
  /** Base URL, e.g. http://127.0.0.1:41771 */
  base: string;
  startupMs: number;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

export async function startSandbox(opts: { leads: number; seed: number; readyTimeoutMs: number }): Promise<SandboxProcess> {
  const t0 = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [...TS_NODE_ARGS, path.join(ROOT, 'src', 'main.ts'), 'sandbox', '--host', '127.0.0.1', '--port', '0', '--leads', String(opts.leads), '--seed', String(opts.seed)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 3000);
    await gone;
    clearTimeout(t);
  };
  // Never leave the portal running behind us.
  process.once('exit', () => child.kill('SIGKILL'));
  const rl = readline.createInterface({ input: child.stdout! });
  let timer: NodeJS.Timeout | undefined;
  try {
    const line = await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`sandbox exited with code ${code} before it was ready`)));
      timer = setTimeout(() => reject(new Error(`sandbox not ready after ${opts.readyTimeoutMs} ms`)), opts.readyTimeoutMs);
    });
    const info = JSON.parse(line) as SandboxInfo;
    const base = new URL(info.rest).origin;
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) throw new Error(`sandbox is not on loopback: ${base}`);
    return { info, base, startupMs: Date.now() - t0, stop };
  } catch (e) {
    await stop();
    throw e;
  } finally {
    clearTimeout(timer);
    rl.close();
  }
}
