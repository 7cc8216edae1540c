/**
 * bench/export — issue 3's must-show: every lead of a 100,000-lead sandbox portal and all their
 * activities exported through the SDK (`exportAll`, 50 commands × 50 rows per batch) at the
 * sandbox's real rate limit, against the ceiling drain × 50 × 50 rows/s (2 req/s → 5,000 rows/s).
 *
 *   npx tsx bench/export/run.ts [--leads 100000] [--seed 1] [--ref-requests 40] [--probe-wait 20]
 *                               [--sequential] [--timeout 900]
 *   npm run bench -- export [flags]
 *
 * Steps: start the sandbox in its own process (loopback, rate limit on) → raw-fetch reference on
 * the webhook bucket at exactly 2 req/s → install the app by OAuth (authorize → code → token →
 * install page) → SDK export of leads and lead activities, while the webhook bucket's capacity and
 * drain are probed → checks (counts, id order) → figures. Stops by itself: a deadline kills the
 * run (and the sandbox) after --timeout seconds.
 */
import { ApiVersion } from '@bitrix24/b24jssdk';
import { DEFAULT_RATE_LIMIT } from '../../src/bitrix/client';
import { exportAll, type CrmEntity } from '../../src/bitrix/crm';
import { parseArgs } from '../../src/commands/args';
import { installApp } from './install';
import { metered, newMeter, summarize } from './meter';
import { FILTER, probeLimit, rawExport } from './reference';
import { startSandbox, type SandboxProcess } from './sandbox-process';

const ROWS_PER_BATCH = 50 * 50;

function intFlag(v: string | undefined, name: string, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${v}"`);
  return n;
}

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const f1 = (n: number) => n.toFixed(1);
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

interface StreamResult {
  entity: CrmEntity;
  rows: number;
  batches: number;
  ordered: boolean;
  wrongOwner: number;
  seconds: number;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { flags: ['sequential'], values: ['leads', 'seed', 'ref-requests', 'probe-wait', 'timeout'] });
  const leads = intFlag(args.get('leads'), 'leads', 100, 500_000, 100_000);
  const seed = intFlag(args.get('seed'), 'seed', 0, 2 ** 31 - 1, 1);
  const refRequests = intFlag(args.get('ref-requests'), 'ref-requests', 2, 1000, 40);
  const probeWait = intFlag(args.get('probe-wait'), 'probe-wait', 2, 120, 20);
  const timeoutS = intFlag(args.get('timeout'), 'timeout', 10, 3600, 900);
  const sequential = args.has('sequential');

  let sandbox: SandboxProcess | undefined;
  const deadline = setTimeout(() => {
    console.error(`export bench: deadline of ${timeoutS} s reached, stopping`);
    void (sandbox?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
  }, timeoutS * 1000);
  deadline.unref();

  try {
    sandbox = await startSandbox({ leads, seed, readyTimeoutMs: 60_000 });
    const { info } = sandbox;
    console.log(`sandbox: ${f0(leads)} leads, seed ${seed}, ready in ${f1(sandbox.startupMs / 1000)} s (separate process, ${sandbox.base})`);

    // 1. "Best possible": raw batches with fetch at exactly 2 req/s, on the webhook's own bucket.
    const ref = await rawExport(info.webhook, 2, refRequests);
    console.log(`reference, raw fetch at exactly 2 req/s: ${ref.requests} batches, ${f0(ref.rows)} rows, ${f1(ref.rowsPerSecond)} rows/s ` +
      `(${f1(ref.rows / ref.requests)} rows/batch, ${ref.rejected} × 503, ${ref.missedTicks} missed ticks, avg latency ${f0(ref.avgLatencyMs)} ms)`);
    await new Promise((r) => setTimeout(r, 1500)); // let the webhook bucket drain before the probe

    // 2. Install through the production path; count what the SDK sends.
    const { client } = await installApp(sandbox);
    const meter = newMeter();
    const http = client.sdk.getHttpClient(ApiVersion.v2);
    http.ajaxClient.interceptors.request.use((c) => {
      meter.sends.push(performance.now());
      return c;
    });
    http.ajaxClient.interceptors.response.use(
      (r) => (meter.statuses.push(r.status), r),
      (e: { response?: { status?: number } }) => {
        meter.statuses.push(e?.response?.status ?? 0);
        return Promise.reject(e);
      },
    );

    // 3. The export, with the webhook bucket probed alongside (separate bucket, cheap calls).
    const stream = async (entity: CrmEntity): Promise<StreamResult> => {
      const t = performance.now();
      let rows = 0, last = 0, ordered = true, wrongOwner = 0;
      for await (const page of exportAll(metered(client, meter, entity), entity, { filter: entity === 'activity' ? FILTER.activity : undefined })) {
        for (const r of page.rows) {
          const id = Number(r.ID);
          if (!(id > last)) ordered = false;
          last = id;
          if (entity === 'activity' && String(r.OWNER_TYPE_ID) !== '1') wrongOwner++;
        }
        rows += page.rows.length;
      }
      const batches = meter.batches.filter((b) => b.label === entity).length;
      return { entity, rows, batches, ordered, wrongOwner, seconds: (performance.now() - t) / 1000 };
    };
    const probeP = probeLimit(info.webhook, probeWait);
    probeP.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    const start = performance.now();
    const streams = sequential ? [await stream('lead'), await stream('activity')] : await Promise.all([stream('lead'), stream('activity')]);
    const probe = await probeP;

    // 4. Checks, outside the timed part: counts from the portal itself.
    const leadTotal = (await client.callPage('crm.lead.list', { select: ['ID'], start: 0 })).total;
    const actTotal = (await client.callPage('crm.activity.list', { select: ['ID'], filter: FILTER.activity, start: 0 })).total;
    const [ls, as] = streams as [StreamResult, StreamResult];
    const sum = summarize(meter, start, probe.perSecond, DEFAULT_RATE_LIMIT.burstLimit);
    const problems: string[] = [];
    if (ls.rows !== leadTotal) problems.push(`leads exported ${ls.rows}, portal total ${leadTotal}`);
    if (as.rows !== actTotal) problems.push(`activities exported ${as.rows}, portal total ${actTotal}`);
    for (const s of streams) if (!s.ordered) problems.push(`${s.entity}: ids not strictly ascending`);
    if (sum.overall.rows !== ls.rows + as.rows) problems.push(`meter counted ${sum.overall.rows} rows, streams ${ls.rows + as.rows}`);
    if (as.wrongOwner) problems.push(`${as.wrongOwner} activities not owned by a lead`);

    // 5. Figures.
    const ceiling = 2 * ROWS_PER_BATCH;
    const measuredCeiling = probe.perSecond * ROWS_PER_BATCH;
    const burstBound = ((probe.burst + probe.perSecond * sum.overall.seconds) * ROWS_PER_BATCH) / sum.overall.seconds;
    const stats = (http as unknown as { getStats(): { limitHits?: number; retries?: number; totalRequests?: number } }).getStats();
    const rejected = meter.statuses.filter((s) => s === 503).length;
    const other = meter.statuses.filter((s) => s !== 200 && s !== 503).length;
    const minRequests = Math.ceil(sum.overall.rows / ROWS_PER_BATCH);
    console.log(`limit probe (webhook bucket): burst ${probe.burst}, drain ${probe.perSecond.toFixed(2)} req/s ` +
      `(between ${probe.perSecondLow.toFixed(2)} and ${probe.perSecondHigh.toFixed(2)}, over ${f1(probe.waitSeconds)} s)`);
    console.log('');
    console.log(`SDK export (${sequential ? 'leads, then activities' : 'leads and activities concurrently'}; B24OAuth, limiter burst ${DEFAULT_RATE_LIMIT.burstLimit}, drain ${DEFAULT_RATE_LIMIT.drainRate}/s)`);
    for (const s of streams) console.log(`  ${s.entity.padEnd(8)} ${f0(s.rows).padStart(9)} rows in ${String(s.batches).padStart(4)} batches, ${f1(s.seconds)} s`);
    console.log(`  rows                 ${f0(sum.overall.rows)}`);
    console.log(`  seconds              ${f1(sum.overall.seconds)}`);
    console.log(`  requests             ${sum.overall.requests} HTTP (minimum possible ${minRequests}; ${rejected} × 503, ${other} other errors; SDK limiter waits ${stats.limitHits ?? '?'}, retries ${stats.retries ?? '?'})`);
    console.log(`  rows/s overall       ${f0(sum.overall.rowsPerSecond)}  = ${pct(sum.overall.rowsPerSecond / ceiling)} of the 5,000 ceiling (burst included)`);
    if (sum.steady) {
      console.log(`  rows/s steady        ${f0(sum.steady.rowsPerSecond)}  = ${pct(sum.steady.rowsPerSecond / ceiling)} of 5,000, ${pct(sum.steady.rowsPerSecond / measuredCeiling)} of the measured ceiling ` +
        `(from ${f1(sum.steady.from)} s, when the bucket was full (est. level ${f1(sum.steady.peak)}): ${f0(sum.steady.rows)} rows in ${f1(sum.steady.seconds)} s, ${sum.steady.requestsPerSecond.toFixed(2)} req/s)`);
    } else console.log('  rows/s steady        n/a (the run ended before the burst was used up)');
    console.log('');
    console.log('ceilings and reference (same run)');
    console.log(`  ceiling, nominal     5,000 rows/s (2 req/s × 50 commands × 50 rows)`);
    console.log(`  ceiling, measured    ${f0(measuredCeiling)} rows/s (probed drain ${probe.perSecond.toFixed(2)} req/s × 2,500)`);
    console.log(`  bound with burst     ${f0(burstBound)} rows/s for a ${f1(sum.overall.seconds)} s run ((${probe.burst} + ${probe.perSecond.toFixed(2)} × t) × 2,500 ÷ t)`);
    console.log(`  raw fetch, 2 req/s   ${f0(ref.rowsPerSecond)} rows/s (${pct(ref.rowsPerSecond / ceiling)} of 5,000)`);
    if (problems.length) {
      console.error(`\nCHECKS FAILED:\n  ${problems.join('\n  ')}`);
      return 1;
    }
    console.log(`\nchecks: ${f0(ls.rows)} leads = portal total, ${f0(as.rows)} lead activities = portal total, ids ascending, owners are leads`);
    return 0;
  } finally {
    await sandbox?.stop();
    clearTimeout(deadline);
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`export bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
