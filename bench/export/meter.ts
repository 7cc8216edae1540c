/**
 * What the SDK export did, second by second: every `batch` call (entered → answered, rows) and
 * every HTTP request the SDK sent (time, status). From these: overall and steady-state rates.
 *
 * Steady state starts when the portal's bucket is full: we replay the SDK's sends through a leaky
 * bucket with the measured drain rate, and take the first send that brings it to the SDK's burst
 * (the SDK then has to wait for every further token). Batches called before that moment are left
 * out of the steady figure even when answered after it — conservative by at most one batch per
 * concurrent stream.
 */
import type { BatchItem, BitrixCaller, Page, Params } from '../../src/bitrix/client';

export interface BatchRecord {
  label: string;
  calledAt: number;
  doneAt: number;
  rows: number;
}

export interface Meter {
  batches: BatchRecord[];
  sends: number[];
  statuses: number[];
}

export function newMeter(): Meter {
  return { batches: [], sends: [], statuses: [] };
}

/** A BitrixCaller that records each batch's timing and row count. */
export function metered(inner: BitrixCaller, meter: Meter, label: string, now: () => number = () => performance.now()): BitrixCaller {
  return {
    memberId: inner.memberId,
    call: <T>(method: string, params?: Params) => inner.call<T>(method, params),
    callPage: <T>(method: string, params?: Params): Promise<Page<T>> => inner.callPage<T>(method, params),
    async batch(commands: Record<string, [string, Params]>): Promise<Record<string, BatchItem>> {
      const calledAt = now();
      const out = await inner.batch(commands);
      // Count what the exporter keeps: pages up to the first short one (later commands point
      // past the end, and whatever the portal answers to them is discarded).
      let rows = 0;
      for (const item of Object.values(out)) {
        const n = Array.isArray(item.result) ? item.result.length : 0;
        rows += n;
        if (n < 50) break;
      }
      meter.batches.push({ label, calledAt, doneAt: now(), rows });
      return out;
    },
  };
}

export interface Rates {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  requests: number;
}

export interface Summary {
  overall: Rates;
  /** Null when the run never filled the bucket (too short). */
  steady: (Rates & { from: number; requestsPerSecond: number; peak: number }) | null;
}

/**
 * When the bucket became full: replay `sends` through a leaky bucket draining `perSecond`, find
 * the highest level reached, and return the first send within one request of it (from then on
 * the limiter, not the client, sets the pace). Null when the peak stays under `minPeak` (the
 * burst was never used up). The peak, not the SDK's nominal burst, because the two clocks differ
 * by a few percent and the estimate may top out a request or two short.
 */
export function bucketFullAt(sends: number[], perSecond: number, minPeak: number): { at: number; peak: number } | null {
  const levels: number[] = [];
  let level = 0;
  let at = sends[0] ?? 0;
  for (const t of sends) {
    level = Math.max(0, level - ((t - at) / 1000) * perSecond) + 1;
    at = t;
    levels.push(level);
  }
  const peak = Math.max(0, ...levels);
  if (peak < minPeak) return null;
  const i = levels.findIndex((l) => l >= peak - 1);
  return { at: sends[i]!, peak };
}

/** Figures for the export that ran from `start` to the last batch answer (later sends are not its own). */
export function summarize(m: Meter, start: number, perSecond: number, sdkBurst: number): Summary {
  const end = Math.max(start, ...m.batches.map((b) => b.doneAt));
  const sends = m.sends.filter((t) => t >= start && t <= end).sort((a, b) => a - b);
  const rows = m.batches.reduce((s, b) => s + b.rows, 0);
  const overall = { rows, seconds: (end - start) / 1000, rowsPerSecond: rows / ((end - start) / 1000), requests: sends.length };
  const full = bucketFullAt(sends, perSecond, sdkBurst / 2);
  if (full === null || end <= full.at) return { overall, steady: null };
  const from = full.at;
  const inWindow = m.batches.filter((b) => b.calledAt >= from);
  const sRows = inWindow.reduce((s, b) => s + b.rows, 0);
  const seconds = (end - from) / 1000;
  const requests = sends.filter((t) => t > from).length;
  return { overall, steady: { peak: full.peak, from: (from - start) / 1000, rows: sRows, seconds, rowsPerSecond: sRows / seconds, requests, requestsPerSecond: requests / seconds } };
}
