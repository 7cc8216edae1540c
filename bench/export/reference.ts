/**
 * The references measured beside the SDK export, all with plain `fetch` on the sandbox's incoming
 * webhook (its own leaky bucket, separate from the app's):
 * - `probeLimit`: the configured bucket, measured — a burst of concurrent cheap calls counts the
 *   capacity, a second burst some seconds later counts what drained meanwhile.
 * - `rawExport`: the "best possible" export — the same 50 × 50 batches as `exportAll`, sent on a
 *   fixed clock at exactly the drain rate, no SDK in between.
 */
export type Entity = 'lead' | 'activity';

const PAGE = 50;
const LIST: Record<Entity, string> = { lead: 'crm.lead.list', activity: 'crm.activity.list' };
/** Lead activities only: the leads' own history is what scoring reads. */
export const FILTER: Record<Entity, Record<string, string>> = { lead: {}, activity: { OWNER_TYPE_ID: '1' } };

/** 50 chained `start=-1` pages after `afterId`, as `batch` command strings. */
export function batchCommands(entity: Entity, afterId: number, commands = 50): Record<string, string> {
  const cmd: Record<string, string> = {};
  for (let i = 0; i < commands; i++) {
    const q = new URLSearchParams({ 'order[ID]': 'ASC', 'filter[>ID]': i === 0 ? String(afterId) : `$result[p${i - 1}][${PAGE - 1}][ID]`, 'select[]': '*', start: '-1' });
    for (const [k, v] of Object.entries(FILTER[entity])) q.set(`filter[${k}]`, v);
    cmd[`p${i}`] = `${LIST[entity]}?${q}`;
  }
  return cmd;
}

interface BatchAnswer {
  result?: { result?: Record<string, Array<{ ID: string }>> | [] };
  error?: string;
}

/** Rows of one raw batch answer, up to the first short page; the last id read. */
function readBatch(body: BatchAnswer): { rows: number; lastId: number; finished: boolean } {
  const pages = body.result?.result;
  let rows = 0;
  let lastId = 0;
  const list = Array.isArray(pages) ? [] : Object.values(pages ?? {});
  for (const page of list) {
    rows += page.length;
    if (page.length) lastId = Number(page[page.length - 1]!.ID);
    if (page.length < PAGE) return { rows, lastId, finished: true };
  }
  return { rows, lastId, finished: list.length === 0 };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(url: string, body: unknown): Promise<{ status: number; body: BatchAnswer }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as BatchAnswer };
}

export interface LimitProbe {
  /** Calls accepted from a burst fired at an empty bucket. */
  burst: number;
  /** Drain rate, requests/s: accepted calls of the second burst ÷ the wait, bounded below/above. */
  perSecond: number;
  perSecondLow: number;
  perSecondHigh: number;
  waitSeconds: number;
}

/** Count accepted concurrent `server.time` calls. */
async function fire(webhook: string, n: number): Promise<{ ok: number; lastOkAt: number }> {
  let lastOkAt = 0;
  const statuses = await Promise.all(
    Array.from({ length: n }, async () => {
      const res = await fetch(`${webhook}server.time.json`);
      await res.arrayBuffer();
      if (res.status === 200) lastOkAt = Math.max(lastOkAt, performance.now());
      return res.status;
    }),
  );
  const bad = statuses.filter((s) => s !== 200 && s !== 503);
  if (bad.length) throw new Error(`limit probe: unexpected statuses ${[...new Set(bad)].join(',')}`);
  return { ok: statuses.filter((s) => s === 200).length, lastOkAt };
}

/**
 * First burst on an empty bucket → capacity. After `waitSeconds` the second burst gets
 * floor(drained) calls, so the drain rate lies in [ok/wait, (ok+1)/wait]; we report the middle.
 */
export async function probeLimit(webhook: string, waitSeconds: number, during?: () => Promise<unknown>): Promise<LimitProbe> {
  const first = await fire(webhook, 80);
  const waitStart = performance.now();
  await Promise.all([sleep(waitSeconds * 1000), during?.()]);
  const second = await fire(webhook, 80);
  const waited = (performance.now() - Math.max(first.lastOkAt, waitStart - 1000)) / 1000;
  const low = second.ok / waited;
  const high = (second.ok + 1) / waited;
  return { burst: first.ok, perSecond: (low + high) / 2, perSecondLow: low, perSecondHigh: high, waitSeconds: waited };
}

export interface RawExportResult {
  requests: number;
  rows: number;
  /** Requests answered 503 (should be 0 at exactly the drain rate). */
  rejected: number;
  /** Ticks with no cursor free (the previous answer for both entities still pending). */
  missedTicks: number;
  /** Seconds from the first send to the last answer. */
  wallSeconds: number;
  /** rows ÷ (requests ÷ rate): what the schedule delivers per second of bucket time. */
  rowsPerSecond: number;
  avgLatencyMs: number;
}

/**
 * `requests` batches at exactly `perSecond` (absolute schedule, no drift), alternating a lead
 * cursor and an activity cursor so each has two ticks to come back.
 */
export async function rawExport(webhook: string, perSecond: number, requests: number): Promise<RawExportResult> {
  const cursors = (['lead', 'activity'] as Entity[]).map((entity) => ({ entity, lastId: 0, busy: false, finished: false }));
  const interval = 1000 / perSecond;
  const t0 = performance.now();
  let rows = 0, rejected = 0, missedTicks = 0, sent = 0, latency = 0, lastDone = t0;
  const inflight: Promise<void>[] = [];
  for (let tick = 0; sent < requests; tick++) {
    const due = t0 + tick * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const c = cursors.find((x) => !x.busy && !x.finished);
    if (!c) {
      if (cursors.every((x) => x.finished)) break;
      missedTicks++;
      continue;
    }
    c.busy = true;
    sent++;
    const sentAt = performance.now();
    inflight.push(
      post(`${webhook}batch.json`, { halt: 0, cmd: batchCommands(c.entity, c.lastId) }).then(({ status, body }) => {
        lastDone = performance.now();
        latency += lastDone - sentAt;
        c.busy = false;
        if (status !== 200) {
          rejected++;
          return;
        }
        const r = readBatch(body);
        rows += r.rows;
        if (r.lastId) c.lastId = r.lastId;
        c.finished = r.finished;
      }),
    );
  }
  await Promise.all(inflight);
  return {
    requests: sent, rows, rejected, missedTicks, wallSeconds: (lastDone - t0) / 1000,
    rowsPerSecond: rows / (sent / perSecond), avgLatencyMs: sent ? latency / sent : 0,
  };
}
