/**
 * Processes, ports and per-run databases for the multi-process benches (bench/cluster,
 * bench/portals): the CLI run as an operator would (`node -r ./bin/ts-register.js src/main.ts …`, no npm in
 * between, so a signal reaches the server itself), a fresh PostgreSQL database and an empty Redis
 * database number per run, both removed at the end. Everything on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { TS_NODE_ARGS } from '../ts-node-args';

const ROOT = path.join(__dirname, '..', '..');

export interface Proc {
  name: string;
  child: ChildProcess;
  /** The next stdout line that is a JSON object (other lines are skipped). */
  nextJson(timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the first stdout line matching `re`. */
  waitLine(re: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

/** `b24-assistant <args>` in a process of its own; stderr passes through prefixed with the name when `verbose`. */
export function cli(name: string, args: string[], env: Record<string, string>, verbose = false): Proc {
  return script(name, path.join(ROOT, 'src', 'main.ts'), args, env, verbose);
}

/** A TypeScript file of the repository run by node (through bin/ts-register.js, as `npm start`) in a process of its own. */
export function script(name: string, file: string, args: string[], env: Record<string, string>, verbose = false): Proc {
  const child = spawn(process.execPath, [...TS_NODE_ARGS, file, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiting: { re: RegExp; resolve: (l: string) => void }[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (l) => {
    const i = waiting.findIndex((w) => w.re.test(l));
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(l);
    else lines.push(l);
  });
  readline.createInterface({ input: child.stderr! }).on('line', (l) => {
    if (verbose) process.stderr.write(`[${name}] ${l}\n`);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitLine = (re: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const i = lines.findIndex((l) => re.test(l));
      if (i >= 0) return resolve(lines.splice(i, 1)[0]!);
      const t = setTimeout(() => reject(new Error(`${name} printed no line matching ${re} within ${timeoutMs} ms`)), timeoutMs);
      const w = { re, resolve: (l: string) => (clearTimeout(t), resolve(l)) };
      waiting.push(w);
      void exited.then((code) => {
        const at = waiting.indexOf(w);
        if (at >= 0) {
          waiting.splice(at, 1);
          clearTimeout(t);
          reject(new Error(`${name} exited (${String(code)}) before printing a line matching ${re}`));
        }
      });
    });
  return { name, child, waitLine, exited, nextJson: async (ms) => JSON.parse(await waitLine(/^\{/, ms)) as Record<string, unknown> };
}

/** Stops a process with SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(p: Proc, graceMs = 10_000): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const t = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
  await p.exited;
  clearTimeout(t);
}

/** A port free on 127.0.0.1 now (the OS picks it; a server restarted later binds it again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200 (a started or restarted server). */
export async function waitHealthy(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`${url} not healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh PostgreSQL database for this run; `drop()` removes it (connections closed first). */
export async function freshDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { Client } = await import('pg');
  const name = `b24_bench_${label}_${process.pid}_${Date.now().toString(36)}`.toLowerCase();
  const admin = new Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

/**
 * An empty Redis database number of its own (the server has no key prefix setting; BullMQ and the
 * session store then share nothing with other users of db 0): the first empty one from 15 down,
 * flushed by `clean()` at the end.
 */
export async function freshRedisDb(): Promise<{ url: string; clean(): Promise<void> }> {
  const { default: Redis } = await import('ioredis');
  for (let db = 15; db >= 1; db--) {
    const r = new Redis({ host: '127.0.0.1', port: 6379, db, lazyConnect: true, maxRetriesPerRequest: 1 });
    await r.connect();
    // Claim it: an empty db takes a marker key atomically, so two benches never pick the same one.
    const claimed = (await r.dbsize()) === 0 && (await r.set('b24-bench:claim', String(process.pid), 'EX', 3600, 'NX')) === 'OK';
    if (claimed) {
      return {
        url: `redis://127.0.0.1:6379/${db}`,
        async clean() {
          await r.flushdb();
          r.disconnect();
        },
      };
    }
    r.disconnect();
  }
  throw new Error('no empty Redis database number (1-15) to run in');
}

/** `--name N` from the bench's arguments: a positive whole number, else `dflt`. */
export function intArg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i > 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}

/**
 * The production shape's shared parts for one run: a temporary folder, a fresh PostgreSQL database,
 * a Redis database of its own, app credentials the sandbox portals are started with, and the
 * settings every process gets. `close()` stops the processes and removes all of it; a guard kills
 * everything when the run overstays `limitMinutes`.
 */
export async function openDeployment(label: string, portalOrigins: () => string[], limitMinutes: number, verbose: boolean) {
  const crypto = await import('node:crypto');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `b24-bench-${label}-`));
  const db = await freshDatabase(label);
  const redis = await freshRedisDb();
  const procs: Proc[] = [];
  const app = { clientId: `local.${label}${crypto.randomBytes(3).toString('hex')}`, clientSecret: crypto.randomBytes(24).toString('base64url') };
  const env = (name: string): Record<string, string> => ({
    B24_CLIENT_ID: app.clientId,
    B24_CLIENT_SECRET: app.clientSecret,
    B24_HTTP_PORTALS: portalOrigins().join(','),
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    // One key for every process: tokens and link codes are written by one and read by another.
    ENCRYPTION_KEY: `bench-${label}-key-0123456789abcdef0123456789`,
    DATA_DIR: path.join(dir, name),
    HOST: '127.0.0.1',
  });
  const guard = setTimeout(() => {
    process.stderr.write(`${label} bench: over ${limitMinutes} minutes, giving up\n`);
    for (const p of procs) p.child.kill('SIGKILL');
    void Promise.allSettled([db.drop(), redis.clean()]).finally(() => process.exit(1));
  }, limitMinutes * 60_000);
  const track = (p: Proc) => (procs.push(p), p);
  return {
    dir,
    db,
    redis,
    app,
    env,
    track,
    /** `serve` on `port` (its PUBLIC_URL too), once it answers /healthz. */
    async startWeb(name: string, port: number): Promise<Proc> {
      const p = track(cli(name, ['serve'], { ...env(name), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, verbose));
      await p.waitLine(/listening on/, 90_000);
      await waitHealthy(`http://127.0.0.1:${port}/healthz`);
      return p;
    },
    /** `worker`, once it waits for jobs. */
    async startWorker(name: string): Promise<Proc> {
      const p = track(cli(name, ['worker'], env(name), verbose));
      await p.waitLine(/waiting for training jobs/, 90_000);
      return p;
    },
    async close() {
      clearTimeout(guard);
      await Promise.allSettled(procs.map((p) => stop(p)));
      await Promise.allSettled([db.drop(), redis.clean()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a bench's main and exits with its code (1 with the error on a throw). */
export function runBench(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
