/**
 * Bulk export through the SDK at the portal's real rate limit (issue 3): the sandbox portal runs in
 * another process with 100,000 leads (and their activities) and its default leaky bucket (2 requests/s,
 * burst 50); we export every lead and every activity with `exportAll` (batches of 50 commands × 50
 * rows, ID-ordered paging with start=-1) and print rows/s beside the ceiling of
 * 2 requests/s × 50 commands × 50 rows = 5,000 rows/s. The bucket's burst lets the first ~45 batches
 * through at once, so the steady-state rate (after the burst) is printed separately.
 *   npm run bench -- export [--leads 100000]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { performance } from 'node:perf_hooks';
import { PortalClients } from '../src/bitrix/client';
import { exportAll, type CrmEntity } from '../src/bitrix/crm';
import { createMemoryStore } from '../src/store/memory';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const LEADS = Number(arg('leads', '100000'));
const DEADLINE_MS = 15 * 60_000; // the run stops by itself

interface Info { rest: string; oauth: string; clientId: string; clientSecret: string; memberId: string; domain: string }

async function startSandbox(): Promise<{ info: Info; stop: () => void }> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '..', 'src', 'main.ts'), 'sandbox', '--port', '0', '--leads', String(LEADS), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = readline.createInterface({ input: child.stdout! });
  const info = await new Promise<Info>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('the sandbox did not start within 120 s')), 120_000);
    rl.once('line', (l) => {
      clearTimeout(t);
      resolve(JSON.parse(l) as Info);
    });
    child.once('exit', (c) => reject(new Error(`the sandbox exited with ${c}`)));
  });
  return { info, stop: () => child.kill('SIGTERM') };
}

async function tokens(info: Info) {
  const base = info.rest.replace(/rest\/$/, '');
  const auth = await fetch(`${base}oauth/authorize/?client_id=${encodeURIComponent(info.clientId)}&redirect_uri=${encodeURIComponent('http://127.0.0.1/cb')}`, { redirect: 'manual' });
  const code = new URL(auth.headers.get('location')!).searchParams.get('code')!;
  const res = await fetch(`${info.oauth}?grant_type=authorization_code&client_id=${encodeURIComponent(info.clientId)}&client_secret=${encodeURIComponent(info.clientSecret)}&code=${encodeURIComponent(code)}`);
  return (await res.json()) as { access_token: string; refresh_token: string; expires_in: number; client_endpoint: string; server_endpoint: string; scope: string; member_id: string };
}

async function main() {
  const t0 = performance.now();
  const { info, stop } = await startSandbox();
  const timer = setTimeout(() => {
    console.error('bench/export: deadline reached, stopping');
    stop();
    process.exit(1);
  }, DEADLINE_MS);
  try {
    console.log(`sandbox with ${LEADS.toLocaleString('en')} leads ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (another process, rate limit 2 requests/s, burst 50)`);
    const t = await tokens(info);
    const store = createMemoryStore();
    const now = Date.now();
    await store.installs.save({
      memberId: t.member_id, domain: info.domain, clientEndpoint: t.client_endpoint, serverEndpoint: t.server_endpoint, scope: t.scope,
      accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: now + t.expires_in * 1000, applicationToken: 'bench', installedBy: 1, installedAt: now, updatedAt: now,
    });
    const clients = new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: info.clientId, clientSecret: info.clientSecret } });
    const client = await clients.get(t.member_id);

    const CEILING = 2 * 50 * 50;
    let totalRows = 0;
    let totalBatches = 0;
    const start = performance.now();
    // Steady state: rows and time after the bucket's burst has been spent (first 50 batches).
    let steadyStart = 0;
    let steadyRows = 0;
    for (const entity of ['lead', 'activity'] as CrmEntity[]) {
      const es = performance.now();
      let rows = 0;
      let batches = 0;
      for await (const page of exportAll(client, entity, { select: entity === 'lead' ? ['ID', 'TITLE', 'SOURCE_ID', 'STATUS_ID', 'STATUS_SEMANTIC_ID', 'DATE_CREATE'] : ['ID', 'OWNER_ID', 'OWNER_TYPE_ID', 'TYPE_ID', 'DIRECTION', 'START_TIME', 'END_TIME'] })) {
        if (page.batches !== batches) {
          batches = page.batches;
          if (totalBatches + batches === 50) steadyStart = performance.now();
        }
        if (steadyStart) steadyRows += page.rows.length;
        rows = page.done;
      }
      const s = (performance.now() - es) / 1000;
      totalRows += rows;
      totalBatches += batches;
      console.log(`  ${entity.padEnd(8)} ${rows.toLocaleString('en').padStart(9)} rows in ${batches} batches, ${s.toFixed(1)} s, ${(rows / s).toFixed(0)} rows/s`);
    }
    const secs = (performance.now() - start) / 1000;
    const steadySecs = steadyStart ? (performance.now() - steadyStart) / 1000 : 0;
    console.log(`export: ${totalRows.toLocaleString('en')} rows, ${totalBatches} batch requests, ${secs.toFixed(1)} s → ${(totalRows / secs).toFixed(0)} rows/s overall (${((100 * totalRows) / secs / CEILING).toFixed(0)} % of the ceiling, burst included)`);
    if (steadySecs > 0) {
      console.log(`steady state (after the first 50 batches): ${steadyRows.toLocaleString('en')} rows in ${steadySecs.toFixed(1)} s → ${(steadyRows / steadySecs).toFixed(0)} rows/s = ${((100 * steadyRows) / steadySecs / CEILING).toFixed(1)} % of the ceiling`);
    }
    console.log(`reference: the ceiling at this portal's limit = 2 requests/s × 50 commands × 50 rows = ${CEILING.toLocaleString('en')} rows/s; goal ≥ 90 %`);
  } finally {
    clearTimeout(timer);
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
