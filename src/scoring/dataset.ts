/**
 * Tables → sparse rows. Two steps, as in any fitted pipeline:
 *  1. `detectColumns` guesses each column's kind (numeric, categorical, binary, text, or an
 *     identifier to leave out) from its values;
 *  2. `fitPreprocessor` learns, on the training rows only, the quantile bin edges, the kept
 *     categories (rare ones pooled into "other") and the text hash space; `encodeRows` turns
 *     any rows (training, test, new leads) into a CSR matrix with that fixed layout.
 * Everything learned is plain data (`Preprocessor`), so it serialises with the model.
 */
import { DataError } from './errors';
import { CsrBuilder, type Csr } from './sparse';
import { hashedTerms } from './text';

export type ColumnKind = 'numeric' | 'categorical' | 'binary' | 'text' | 'identifier';

export interface Table {
  header: string[];
  rows: string[][];
}

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  distinct: number;
  missing: number;
}

const MISSING = new Set(['', 'nan', 'NaN', 'NA', 'null', 'NULL', 'None']);
export const isMissing = (v: string | undefined): boolean => v === undefined || MISSING.has(v.trim());

/** A finite number or NaN; '' is not 0. */
export function parseNumber(v: string): number {
  const t = v.trim();
  if (t === '') return NaN;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

export function detectColumns(table: Table, skip: ReadonlySet<string> = new Set()): ColumnInfo[] {
  const out: ColumnInfo[] = [];
  table.header.forEach((name, c) => {
    if (skip.has(name)) return;
    const distinct = new Set<string>();
    let missing = 0;
    let numeric = true;
    let integer = true;
    let words = 0;
    for (const row of table.rows) {
      const v = row[c]!;
      if (isMissing(v)) {
        missing++;
        continue;
      }
      const t = v.trim();
      distinct.add(t);
      if (numeric) {
        const n = parseNumber(t);
        if (Number.isNaN(n)) numeric = false;
        else if (!Number.isInteger(n)) integer = false;
      }
      words += t.split(/\s+/).length;
    }
    const present = table.rows.length - missing;
    if (present === 0) {
      throw new DataError(`column "${name}" is empty in every row; leave it out with --drop "${name}"`);
    }
    let kind: ColumnKind;
    const unique = distinct.size === present && present >= 20;
    if (distinct.size === 2 && missing === 0) kind = 'binary';
    else if (numeric) kind = unique && integer ? 'identifier' : 'numeric';
    else if (distinct.size > 0.5 * present && words / present >= 3) kind = 'text';
    else if (unique) kind = 'identifier';
    else kind = 'categorical';
    out.push({ name, kind, distinct: distinct.size, missing });
  });
  return out;
}

/** One input column's learned encoding; `offset` is its first feature index. */
export type ColumnSpec =
  /** Quantile bins: feature offset + (edges ≤ value), missing at offset + edges.length + 1. */
  | { kind: 'numeric'; column: string; edges: number[]; offset: number; /** Every training value was a whole number (counts): bins read as whole ranges. */ integer?: boolean }
  /** Standardised value at offset, missing flag at offset + 1 (for comparison with scaled pipelines). */
  | { kind: 'standard'; column: string; mean: number; scale: number; offset: number }
  /** One feature per kept value, then one for every other (rare, unseen) value. */
  | { kind: 'categorical'; column: string; values: string[]; offset: number }
  /** One feature: the value equals `positive`. */
  | { kind: 'binary'; column: string; positive: string; negative: string; offset: number }
  /** Hashed words and word pairs in `buckets` features. */
  | { kind: 'text'; column: string; buckets: number; offset: number };

export interface Preprocessor {
  columns: ColumnSpec[];
  /** Total number of features. */
  width: number;
  /** True when some feature is not 0/1 (standardised numerics). */
  hasValues: boolean;
}

export interface PreprocessOptions {
  /** Quantile bins per numeric column. Default 10. */
  bins?: number;
  /** 'bins' (default) or 'standard' (z-scores, as a comparison). */
  numeric?: 'bins' | 'standard';
  /** Categories seen fewer times than this in training are pooled. Default 5. */
  minCount?: number;
  /** Hash buckets per text column. Default 2^14. */
  textBuckets?: number;
}

/** Width of a column's block of features. */
export function specWidth(s: ColumnSpec): number {
  switch (s.kind) {
    case 'numeric':
      return s.edges.length + 2;
    case 'standard':
      return 2;
    case 'categorical':
      return s.values.length + 1;
    case 'binary':
      return 1;
    case 'text':
      return s.buckets;
  }
}

/**
 * Inner quantile edges of `values` (sorted ascending, no NaN), numpy-style linear
 * interpolation. Duplicate edges collapse, and an edge at the minimum is dropped (it would
 * make an empty first bin), as scikit-learn's KBinsDiscretizer does. A column with at most
 * `bins` distinct values gets one bin per value instead, so small counts keep every level.
 */
export function quantileEdges(sorted: ArrayLike<number>, bins: number): number[] {
  const n = sorted.length;
  if (n === 0) return [];
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  if (distinct.length <= bins) {
    const mids: number[] = [];
    for (let i = 1; i < distinct.length; i++) mids.push((distinct[i - 1]! + distinct[i]!) / 2);
    return mids;
  }
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const pos = ((n - 1) * k) / bins;
    const lo = Math.floor(pos);
    const hi = Math.min(n - 1, lo + 1);
    const e = sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
    if (e > sorted[0]! && (edges.length === 0 || e > edges[edges.length - 1]!)) edges.push(e);
  }
  return edges;
}

/** Number of edges ≤ v (binary search), i.e. the bin of v. */
export function binOf(edges: readonly number[], v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const POSITIVE_WORDS = ['1', 'yes', 'true', 'y', 'да', 'converted', 'won', 'success', 's'];

/** Which of two values is the "on" side: a yes-like word, else the less frequent one. */
export function positiveOf(a: string, b: string, countA: number, countB: number): string {
  if (POSITIVE_WORDS.includes(a.toLowerCase())) return a;
  if (POSITIVE_WORDS.includes(b.toLowerCase())) return b;
  if (countA !== countB) return countA < countB ? a : b;
  return a < b ? b : a;
}

function columnIndex(header: readonly string[], name: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new DataError(`column "${name}" is missing from the data (it has: ${header.join(', ')})`);
  return i;
}

/** Learn each column's encoding on `trainRows` (indices into `table.rows`). */
export function fitPreprocessor(table: Table, columns: ColumnInfo[], trainRows: ArrayLike<number>, opts: PreprocessOptions = {}): Preprocessor {
  const bins = opts.bins ?? 10;
  const minCount = opts.minCount ?? 5;
  const buckets = opts.textBuckets ?? 1 << 14;
  const specs: ColumnSpec[] = [];
  let offset = 0;
  let hasValues = false;
  for (const col of columns) {
    if (col.kind === 'identifier') continue;
    const c = columnIndex(table.header, col.name);
    let spec: ColumnSpec;
    if (col.kind === 'numeric') {
      const vals: number[] = [];
      for (let k = 0; k < trainRows.length; k++) {
        const n = parseNumber(table.rows[trainRows[k]!]![c]!);
        if (!Number.isNaN(n)) vals.push(n);
      }
      if (opts.numeric === 'standard') {
        let mean = 0;
        for (const v of vals) mean += v;
        mean = vals.length ? mean / vals.length : 0;
        let sq = 0;
        for (const v of vals) sq += (v - mean) * (v - mean);
        const sd = vals.length ? Math.sqrt(sq / vals.length) : 0;
        spec = { kind: 'standard', column: col.name, mean, scale: sd > 0 ? sd : 1, offset };
        hasValues = true;
      } else {
        const sorted = Float64Array.from(vals).sort();
        spec = { kind: 'numeric', column: col.name, edges: quantileEdges(sorted, bins), offset, ...(vals.length && vals.every(Number.isInteger) ? { integer: true } : {}) };
      }
    } else if (col.kind === 'binary') {
      const counts = new Map<string, number>();
      for (let k = 0; k < trainRows.length; k++) {
        const v = table.rows[trainRows[k]!]![c]!.trim();
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const [a, b] = [...new Set(table.rows.map((r) => r[c]!.trim()))].sort();
      const positive = positiveOf(a!, b!, counts.get(a!) ?? 0, counts.get(b!) ?? 0);
      spec = { kind: 'binary', column: col.name, positive, negative: positive === a ? b! : a!, offset };
    } else if (col.kind === 'text') {
      spec = { kind: 'text', column: col.name, buckets, offset };
    } else {
      const counts = new Map<string, number>();
      for (let k = 0; k < trainRows.length; k++) {
        const raw = table.rows[trainRows[k]!]![c]!;
        const v = isMissing(raw) ? '' : raw.trim();
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const values = [...counts.entries()]
        .filter(([, n]) => n >= minCount)
        .map(([v]) => v)
        .sort();
      spec = { kind: 'categorical', column: col.name, values, offset };
    }
    specs.push(spec);
    offset += specWidth(spec);
  }
  if (specs.length === 0) throw new DataError('no usable feature columns: every column is the target, dropped or an identifier');
  return { columns: specs, width: offset, hasValues };
}

/** A preprocessor bound to a header: column positions resolved once, category lookups built. */
export interface BoundEncoder {
  /** Append row `row`'s features to the scratch buffers; returns the entry count. */
  encode(row: readonly string[], idx: Int32Array, val: Float64Array): number;
  /** Upper bound on the entries one row can produce (text columns aside). */
  maxEntries: number;
}

export function bindEncoder(pre: Preprocessor, header: readonly string[]): BoundEncoder {
  const positions = pre.columns.map((s) => columnIndex(header, s.column));
  const lookups = pre.columns.map((s) => (s.kind === 'categorical' ? new Map(s.values.map((v, i) => [v, i])) : null));
  let maxEntries = 0;
  for (const s of pre.columns) maxEntries += s.kind === 'text' ? 4096 : s.kind === 'standard' ? 2 : 1;
  return {
    maxEntries,
    encode(row, idx, val) {
      let n = 0;
      for (let k = 0; k < pre.columns.length; k++) {
        const s = pre.columns[k]!;
        const raw = row[positions[k]!] ?? '';
        switch (s.kind) {
          case 'numeric': {
            const x = parseNumber(raw);
            idx[n] = s.offset + (Number.isNaN(x) ? s.edges.length + 1 : binOf(s.edges, x));
            val[n++] = 1;
            break;
          }
          case 'standard': {
            const x = parseNumber(raw);
            if (Number.isNaN(x)) {
              idx[n] = s.offset + 1;
              val[n++] = 1;
            } else {
              idx[n] = s.offset;
              val[n++] = (x - s.mean) / s.scale;
            }
            break;
          }
          case 'categorical': {
            const v = isMissing(raw) ? '' : raw.trim();
            const i = lookups[k]!.get(v);
            idx[n] = s.offset + (i ?? s.values.length);
            val[n++] = 1;
            break;
          }
          case 'binary':
            if (raw.trim() === s.positive) {
              idx[n] = s.offset;
              val[n++] = 1;
            }
            break;
          case 'text':
            if (!isMissing(raw)) {
              for (const b of hashedTerms(raw, s.buckets)) {
                if (n >= idx.length) break;
                idx[n] = s.offset + b;
                val[n++] = 1;
              }
            }
            break;
        }
      }
      return n;
    },
  };
}

/** Encode `rows` (all, or the given indices) into a CSR matrix. */
export function encodeRows(pre: Preprocessor, table: Table, which?: ArrayLike<number>): Csr {
  const enc = bindEncoder(pre, table.header);
  const idx = new Int32Array(enc.maxEntries);
  const val = new Float64Array(enc.maxEntries);
  const b = new CsrBuilder(pre.width, pre.hasValues);
  const count = which ? which.length : table.rows.length;
  for (let k = 0; k < count; k++) {
    const row = table.rows[which ? which[k]! : k]!;
    const n = enc.encode(row, idx, val);
    b.push(idx, val, n);
  }
  return b.build();
}
