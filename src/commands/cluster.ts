/**
 * `serve --cluster N` on one machine: node's `cluster` primary forks N server processes that share
 * the port (the primary only supervises). A process that dies is started again after a short
 * pause; SIGTERM/SIGINT stop every process, each finishing its requests in flight. Several
 * machines use the same shape without this: N `serve` processes behind any HTTP balancer
 * (docs/deploy.md), all state being in the store and Redis.
 */
import cluster, { type Worker } from 'node:cluster';

export interface ClusterOptions {
  processes: number;
  /** Pause before a dead process is started again, ms (doubles while deaths repeat, up to 30 s). */
  restartDelayMs?: number;
  write?: (line: string) => void;
}

/** True in a process the primary forked: it runs the server itself. */
export const isClusterWorker = (): boolean => !cluster.isPrimary;

/** Runs in the primary until a stop signal; resolves with the exit code once every process is gone. */
export async function superviseCluster(opts: ClusterOptions): Promise<number> {
  const write = opts.write ?? ((l: string) => process.stdout.write(`${l}\n`));
  const base = opts.restartDelayMs ?? 1000;
  let stopping = false;
  let delay = base;
  const live = new Set<Worker>();
  const fork = () => {
    const w = cluster.fork();
    live.add(w);
    w.once('listening', () => (delay = base));
    w.once('exit', (code, signal) => {
      live.delete(w);
      if (stopping) return;
      write(`cluster: process ${w.process.pid} ended (${signal ?? `exit ${code}`}); starting another in ${delay} ms`);
      setTimeout(() => !stopping && fork(), delay);
      delay = Math.min(delay * 2, 30_000);
    });
  };
  for (let i = 0; i < opts.processes; i++) fork();
  write(`cluster: ${opts.processes} server processes (primary ${process.pid})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopping = true;
  const gone = [...live].map((w) => new Promise<void>((r) => (w.isDead() ? r() : w.once('exit', () => r()))));
  for (const w of live) w.process.kill('SIGTERM');
  await Promise.all(gone);
  return 0;
}
