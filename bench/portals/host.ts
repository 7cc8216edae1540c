/**
 * K sandbox portals in one process for bench/portals (one process per portal would cost ~150 MB
 * each): portal i gets its own port, generator seed and REST limit (2 req/s, burst 50, per portal
 * as on Bitrix24), memory only. Each installs the app into the handler given (ONAPPINSTALL from
 * its administrator). Prints one JSON line: the portals, their install statuses, build time, memory.
 * Input (env BENCH_PORTALS): {"ports":[…],"seed0":N,"leads":N,"clientId","clientSecret","install"}.
 */
import { createSandbox, type Sandbox } from '../../src/sandbox';

(async () => {
  const o = JSON.parse(process.env.BENCH_PORTALS ?? '') as { ports: number[]; seed0: number; leads: number; clientId: string; clientSecret: string; install: string };
  const t0 = Date.now();
  const portals: Sandbox[] = [];
  for (const [i, port] of o.ports.entries()) {
    const sb = createSandbox({ seed: o.seed0 + i, leads: o.leads, clientId: o.clientId, clientSecret: o.clientSecret });
    await sb.listen(port, '127.0.0.1');
    portals.push(sb);
  }
  const buildMs = Date.now() - t0;
  const installed: number[] = [];
  for (const sb of portals) installed.push((await sb.installApp(o.install, 1)).status);
  const out = portals.map((sb, i) => ({ memberId: sb.info().memberId, domain: sb.info().domain, installed: installed[i] }));
  process.stdout.write(`${JSON.stringify({ portals: out, buildMs, installMs: Date.now() - t0 - buildMs, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) })}\n`);
  const bye = () => void Promise.allSettled(portals.map((p) => p.close())).finally(() => process.exit(0));
  process.once('SIGTERM', bye);
  process.once('SIGINT', bye);
})().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
