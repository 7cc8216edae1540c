/**
 * Many portals' models trained in the background (issue 16 item 3): K sandbox portals (default 50;
 * ~2,500 closed leads each from 2,820 generated, a different generator seed each, each with its own
 * REST limit of 2 req/s, burst 50) hosted in one process, installed into one web process (`serve`);
 * their lead models are enqueued at once on BullMQ (REDIS_URL) and two `worker` processes train
 * them from the portals over REST, on one fresh PostgreSQL database. Prints one JSON line: models
 * trained, failures, total time, per-model time (a job's run on a worker), export time (from the
 * job's start to its "features" stage, sampled every 100 ms) and the rate.
 *   npm run --silent bench -- portals [--portals K] [--leads N] [--verbose]
 */
import path from 'node:path';
import { openStore } from '../../src/store';
import { createBullQueue } from '../../src/scoring/queue';
import { freePort, intArg, openDeployment, runBench, script } from '../cluster/processes';

const K = intArg('portals', 50);
const LEADS = intArg('leads', 2820);
const VERBOSE = process.argv.includes('--verbose');
const log = (m: string) => process.stderr.write(`${m}\n`);

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
  const r = (ms: number) => Math.round(ms) / 1000;
  return { mean: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)), p50: r(at(0.5)), p90: r(at(0.9)), max: r(at(1)) };
};

async function main() {
  const t0 = Date.now();
  const ports: number[] = [];
  for (let i = 0; i < K; i++) ports.push(await freePort());
  const d = await openDeployment('portals', () => ports.map((p) => `http://127.0.0.1:${p}`), 25, VERBOSE);
  const { app, db, redis, dir } = d;
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  let queue: Awaited<ReturnType<typeof createBullQueue>> | undefined;
  try {
    const webPort = await freePort();
    await d.startWeb('web', webPort);
    const host = d.track(script('portals', path.join(__dirname, 'host.ts'), [], {
      BENCH_PORTALS: JSON.stringify({ ports, seed0: 1001, leads: LEADS, ...app, install: `http://127.0.0.1:${webPort}/webhook/bitrix` }),
    }, true));
    const hosted = (await host.nextJson(20 * 60_000)) as { portals: { memberId: string; domain: string; installed: number }[]; buildMs: number; installMs: number; rssMb: number };
    const notInstalled = hosted.portals.filter((p) => p.installed !== 200);
    if (notInstalled.length) throw new Error(`${notInstalled.length} portals could not install the app (e.g. ${JSON.stringify(notInstalled[0])})`);
    log(`portals bench: ${K} portals × ${LEADS} leads built in ${(hosted.buildMs / 1000).toFixed(1)} s (${hosted.rssMb} MB), installed in ${(hosted.installMs / 1000).toFixed(1)} s`);
    for (const i of [1, 2]) await d.startWorker(`worker${i}`);

    store = await openStore({ dataDir: path.join(dir, 'bench'), databaseUrl: db.url, encryptionKey: d.env('bench').ENCRYPTION_KEY! });
    queue = await createBullQueue(store.jobs, redis.url);
    const started = Date.now();
    const ids = await Promise.all(hosted.portals.map((p) => queue!.enqueue({ memberId: p.memberId, entity: 'lead' })));
    // Sample every job's recorded stage: when it starts running, when its export ends, when it ends.
    const seen = new Map<string, { start?: number; exported?: number; end?: number }>();
    const jobs = store.jobs;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const now = Date.now();
        for (const id of ids) {
          const s = seen.get(id) ?? {};
          if (s.end) continue;
          const j = await jobs.get(id);
          if (!j) continue;
          if (j.state !== 'queued' && !s.start) s.start = now;
          if (!s.exported && (j.progress >= 0.6 || j.state === 'done')) s.exported = now;
          if (j.state === 'done' || j.state === 'failed') s.end = now;
          seen.set(id, s);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await queue.drain();
    const totalMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, 300));
    sampling = false;
    await sampler;

    const records = await Promise.all(ids.map((id) => jobs.get(id)));
    const failed = records.filter((r) => r?.state !== 'done' || !/trained/.test(r.message ?? ''));
    // The closed leads each model was trained on (meta.rows) and its solver time.
    const closed: number[] = [];
    const fit: number[] = [];
    for (const p of hosted.portals) {
      const meta = (await store.models.latest(p.memberId, 'lead'))?.meta as { rows?: number; trainSeconds?: number } | undefined;
      if (meta?.rows) closed.push(meta.rows);
      if (meta?.trainSeconds !== undefined) fit.push(meta.trainSeconds * 1000);
    }
    const runs = [...seen.values()].filter((s) => s.start && s.end);
    const result = {
      portals: K,
      leadsPerPortal: LEADS,
      closedLeadsPerPortal: closed.length ? { min: Math.min(...closed), max: Math.max(...closed) } : null,
      workers: 2,
      modelsTrained: records.length - failed.length,
      failures: failed.length,
      failureMessages: [...new Set(failed.map((r) => r?.message ?? 'missing'))].slice(0, 3),
      totalS: totalMs / 1000,
      perModelS: stats(runs.map((s) => s.end! - s.start!)),
      exportS: stats(runs.map((s) => s.exported! - s.start!)),
      fitS: stats(fit),
      modelsPerMinute: Math.round(((records.length - failed.length) / (totalMs / 60_000)) * 10) / 10,
      portalsHostRssMb: hosted.rssMb,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    log(`portals bench: ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
    return failed.length === 0 ? 0 : 1;
  } finally {
    await queue?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await d.close();
  }
}

runBench(main);
