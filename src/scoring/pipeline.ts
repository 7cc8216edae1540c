/**
 * The standard pipeline on a table: pick the target, split (seeded stratified 75/25, or a
 * split column), learn the preprocessing on the training part, balance the classes, fit,
 * evaluate on the test part. Pure: the caller reads files and prints.
 */
import { DataError } from './errors';
import { detectColumns, encodeRows, fitPreprocessor, isMissing, positiveOf, specWidth, type ColumnInfo, type PreprocessOptions, type Table } from './dataset';
import { fitLogistic, predictProba } from './fit';
import { curves, evaluate } from './metrics';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type ScoringModel } from './model';
import { balanceWeights, splitByColumn, stratifiedSplit, type Balance, type Split } from './split';
import type { Csr } from './sparse';

export interface TrainOptions extends PreprocessOptions {
  target: string;
  /** The target value meaning success; guessed for yes/no-like targets. */
  positive?: string;
  drop?: string[];
  splitColumn?: string;
  seed?: number;
  testFraction?: number;
  balance?: Balance;
  C?: number;
  eps?: number;
  threshold?: number;
  /** Kinds to force for some columns (CRM features declare theirs). */
  kinds?: Record<string, ColumnInfo['kind']>;
  /** A monotonic clock in seconds, for `trainSeconds`; the caller passes it so this stays pure. */
  clock?: () => number;
  onProgress?: (stage: string, fraction: number) => void;
}

export interface TrainResult {
  model: ScoringModel;
  /** Rows skipped because the target was missing. */
  skipped: number;
}

/** Labels (1 = positive) for rows whose target is present; the resolved positive value. */
export function resolveTarget(table: Table, target: string, positive?: string): { labels: Uint8Array; keep: number[]; positive: string } {
  const c = table.header.indexOf(target);
  if (c < 0) throw new DataError(`target column "${target}" is not in the header (${table.header.join(', ')})`);
  const counts = new Map<string, number>();
  const keep: number[] = [];
  table.rows.forEach((r, i) => {
    if (isMissing(r[c])) return;
    const v = r[c]!.trim();
    counts.set(v, (counts.get(v) ?? 0) + 1);
    keep.push(i);
  });
  const shown = [...counts.entries()].map(([v, n]) => `"${v}": ${n}`).join(', ');
  if (counts.size < 2) throw new DataError(`target "${target}" has ${counts.size === 0 ? 'no values' : `one class only (${shown})`}: a model needs successes and failures`);
  let pos = positive;
  if (pos === undefined) {
    if (counts.size > 2) throw new DataError(`target "${target}" has ${counts.size} values (${shown}); say which one is success with --positive`);
    const [[a, na], [b, nb]] = [...counts.entries()] as [[string, number], [string, number]];
    pos = positiveOf(a, b, na, nb);
  } else if (!counts.has(pos)) {
    throw new DataError(`--positive "${pos}" never occurs in "${target}" (${shown})`);
  }
  const labels = new Uint8Array(keep.length);
  keep.forEach((i, k) => (labels[k] = table.rows[i]![c]!.trim() === pos ? 1 : 0));
  return { labels, keep, positive: pos };
}

const countClasses = (labels: Uint8Array, rows: ArrayLike<number>) => {
  let success = 0;
  for (let k = 0; k < rows.length; k++) success += labels[rows[k]!]!;
  return { success, failure: rows.length - success };
};

/** Per input column, the training mean of Σ weight × feature over that column's block. */
function columnBaselines(x: Csr, weights: Float64Array, columnOf: Int32Array, columns: number): number[] {
  const sums = new Float64Array(columns);
  for (let i = 0; i < x.rows; i++)
    for (let k = x.rowPtr[i]!; k < x.rowPtr[i + 1]!; k++) {
      const j = x.colIdx[k]!;
      sums[columnOf[j]!]! += weights[j]! * (x.values ? x.values[k]! : 1);
    }
  return Array.from(sums, (s) => (x.rows ? s / x.rows : 0));
}

export function trainTable(input: Table, opts: TrainOptions): TrainResult {
  const clock = opts.clock ?? (() => 0);
  const progress = opts.onProgress ?? (() => undefined);
  if (input.rows.length < 2) throw new DataError(`the data has ${input.rows.length} row${input.rows.length === 1 ? '' : 's'}: training needs at least 20 closed records`);
  const { labels: allLabels, keep, positive } = resolveTarget(input, opts.target, opts.positive);
  const table: Table = { header: input.header, rows: keep.map((i) => input.rows[i]!) };
  const skipped = input.rows.length - keep.length;
  if (table.rows.length < 20) throw new DataError(`only ${table.rows.length} rows have a target value: training needs at least 20`);

  const drop = new Set([opts.target, ...(opts.drop ?? [])]);
  for (const d of opts.drop ?? []) if (!table.header.includes(d)) throw new DataError(`--drop: no column "${d}" (columns: ${table.header.join(', ')})`);
  let split: Split;
  if (opts.splitColumn) {
    const sc = table.header.indexOf(opts.splitColumn);
    if (sc < 0) throw new DataError(`split column "${opts.splitColumn}" is not in the header`);
    drop.add(opts.splitColumn);
    split = splitByColumn(
      table.rows.map((r) => r[sc]!),
      opts.splitColumn,
    );
  } else split = stratifiedSplit(allLabels, opts.testFraction ?? 0.25, opts.seed ?? 42);
  const trainCounts = countClasses(allLabels, split.train);
  const testCounts = countClasses(allLabels, split.test);
  if (trainCounts.success === 0 || trainCounts.failure === 0 || testCounts.success === 0 || testCounts.failure === 0) {
    throw new DataError(
      `both parts need successes and failures: training has ${trainCounts.success}/${trainCounts.failure}, test has ${testCounts.success}/${testCounts.failure} (success/failure)`,
    );
  }

  progress('columns', 0);
  const columns = detectColumns(table, drop).map((c) => (opts.kinds?.[c.name] ? { ...c, kind: opts.kinds[c.name]! } : c));
  const pre = fitPreprocessor(table, columns, split.train, opts);
  progress('encode', 0.1);
  const xTrain = encodeRows(pre, table, split.train);
  const xTest = encodeRows(pre, table, split.test);
  const yTrain = Uint8Array.from(split.train, (i) => allLabels[i]!);
  const yTest = Uint8Array.from(split.test, (i) => allLabels[i]!);
  const sampleWeight = balanceWeights(yTrain, opts.balance ?? 'upsample', opts.seed ?? 42);

  progress('fit', 0.2);
  const t0 = clock();
  const fit = fitLogistic(xTrain, yTrain, {
    C: opts.C,
    eps: opts.eps,
    sampleWeight,
    onIteration: (_, rel) => progress('fit', 0.2 + 0.7 * Math.min(1, Math.log10(1 / Math.max(rel, 1e-12)) / 3)),
  });
  const trainSeconds = clock() - t0;

  progress('evaluate', 0.9);
  const threshold = opts.threshold ?? 0.5;
  const p = predictProba(xTest, fit.weights, fit.intercept);
  const columnOf = new Int32Array(pre.width);
  pre.columns.forEach((s, k) => columnOf.fill(k, s.offset, s.offset + specWidth(s)));
  const model: ScoringModel = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    target: opts.target,
    positive,
    preprocessor: pre,
    weights: Array.from(fit.weights),
    intercept: fit.intercept,
    threshold,
    baselines: columnBaselines(xTrain, fit.weights, columnOf, pre.columns.length),
    meta: {
      rows: table.rows.length,
      features: pre.width,
      counts: { train: trainCounts, test: testCounts },
      metrics: evaluate(p, yTest, threshold),
      curves: curves(p, yTest),
      trainSeconds,
      iterations: fit.iterations,
      converged: fit.converged,
      columns,
      options: {
        seed: opts.seed ?? 42,
        balance: opts.balance ?? 'upsample',
        C: opts.C ?? 1,
        bins: opts.bins ?? 10,
        numeric: opts.numeric ?? 'bins',
        split: opts.splitColumn ? `column ${opts.splitColumn}` : `stratified ${1 - (opts.testFraction ?? 0.25)}/${opts.testFraction ?? 0.25}`,
      },
    },
  };
  progress('done', 1);
  return { model, skipped };
}
