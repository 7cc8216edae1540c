/**
 * The standard pipeline on a table: pick the target, split (seeded stratified 75/25, or a
 * split column), learn the preprocessing on the training part, balance the classes, fit,
 * evaluate on the test part. Pure: the caller reads files and prints.
 */
import { DataError } from './errors';
import { detectColumns, encodeRows, fitPreprocessor, isMissing, positiveOf, specWidth, type ColumnInfo, type PreprocessOptions, type Table } from './dataset';
import { fitLogistic, predictProba } from './fit';
import { calibration, curves, evaluate, rocAuc } from './metrics';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type ScoringModel } from './model';
import { balanceWeights, splitByColumn, stratifiedSplit, type Balance, type Split } from './split';
import { takeRows, type Csr } from './sparse';
import type { PriorModel } from './pooled';
import { seededRng, shuffle } from './random';

export interface TrainOptions extends PreprocessOptions {
  target: string;
  /** The target value meaning success; guessed for yes/no-like targets. */
  positive?: string;
  drop?: string[];
  splitColumn?: string;
  seed?: number;
  testFraction?: number;
  balance?: Balance;
  /** Inverse regularisation strength; when absent it is chosen by cross-validation (`searchC`). */
  C?: number;
  /** The grid `searchC` tries. Default SEARCH_GRID (SEARCH_GRID_PRIOR with a prior). */
  grid?: number[];
  /**
   * A model to start from: its bins and categories are used as they are, and the L2 penalty pulls
   * this model's weights toward its weights instead of toward 0 (a small portal's model near the
   * pooled one).
   */
  prior?: PriorModel;
  eps?: number;
  /** Default: the training part's success rate (where the upsampled model's 0.5 was), rounded to 0.01. */
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

/** The C values the search tries: a decade and a half either side of scikit-learn's default 1. */
export const SEARCH_GRID = [0.01, 0.03, 0.1, 0.3, 1, 3];
/** Toward a prior, C is how far the data may pull away from it; weaker pulls help more rows. */
export const SEARCH_GRID_PRIOR = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const SEARCH_FOLDS = 3;
/**
 * Toward a prior the rows are few (a small portal), so one 3-fold split is noisy: 5 folds, twice
 * with other shuffles, give a mean and its standard error for the one-standard-error rule.
 */
const PRIOR_FOLDS = 5;
const PRIOR_REPEATS = 2;
/** Above this many training rows the search runs on a stratified sample of them (the final fit uses all). */
const SEARCH_SAMPLE = 12_000;

export interface SearchResult {
  C: number;
  /** Mean AUC over the folds at the chosen C. */
  cvAuc: number;
  folds: number;
  /** Times the k folds were drawn (with other shuffles); absent means once. */
  repeats?: number;
  /**
   * How C was picked: 'best' mean AUC, or 'one-se' — the smallest C (the strongest pull toward the
   * prior) whose mean AUC is within one standard error of the best (used with a prior).
   */
  rule?: 'best' | 'one-se';
  /** Standard error of the best mean AUC over the folds (what 'one-se' allows below the best). */
  se?: number;
  /** Training rows the search used (a sample on large sets). */
  rows: number;
  grid: { C: number; auc: number }[];
}

/** Fold of each row (0..k-1), stratified: each class shuffled with the seed and dealt round. */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Int32Array {
  const fold = new Int32Array(labels.length);
  const rng = seededRng(seed ^ 0x2545f491);
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if ((labels[i] ? 1 : 0) === cls) members.push(i);
    shuffle(members, rng);
    members.forEach((i, p) => (fold[i] = p % k));
  }
  return fold;
}

/**
 * Choose C by stratified k-fold cross-validation on the training rows: for each C of the grid,
 * fit on k−1 folds (balanced the same way as the final fit) and take the AUC on the held-out
 * fold. Without a prior the best mean AUC wins, ties going to the smaller C (the simpler model).
 * With a prior (`center`) the folds are drawn `repeats` times and the one-standard-error rule
 * picks C (Hastie, Tibshirani & Friedman, ESL §7.10): the smallest C — the model nearest the
 * prior — whose mean AUC is within one standard error of the best. With a few hundred rows the
 * fold AUCs spread by several points, and a C that wins by less than that is noise; the pooled
 * prior is the simpler side. Deterministic.
 */
type SearchOptions = { balance: Balance; seed: number; grid: number[]; eps?: number; center?: Float64Array; folds?: number; repeats?: number; rule?: 'best' | 'one-se' };

export function searchC(x: Csr, y: Uint8Array, opts: SearchOptions): SearchResult {
  return run(searchSteps(x, y, opts));
}

/** Drive a step generator to its end (the synchronous form). */
function run<T>(g: Generator<void, T, void>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

/** The search as steps: it yields after every fit, so a server can let other work run in between. */
function* searchSteps(x: Csr, y: Uint8Array, opts: SearchOptions): Generator<void, SearchResult, void> {
  let rows: Int32Array = Int32Array.from({ length: x.rows }, (_, i) => i);
  if (x.rows > SEARCH_SAMPLE) {
    const keep = stratifiedSplit(y, 1 - SEARCH_SAMPLE / x.rows, opts.seed ^ 0x68e31da4).train;
    rows = keep;
  }
  const xs = rows.length === x.rows ? x : takeRows(x, rows);
  const ys = rows.length === x.rows ? y : Uint8Array.from(rows, (i) => y[i]!);
  const withPrior = opts.center !== undefined;
  const k = Math.max(2, Math.min(opts.folds ?? (withPrior ? PRIOR_FOLDS : SEARCH_FOLDS), Math.min(...countPair(ys))));
  const repeats = Math.max(1, opts.repeats ?? (withPrior ? PRIOR_REPEATS : 1));
  const rule = opts.rule ?? (withPrior ? 'one-se' : 'best');
  const parts = Array.from({ length: repeats }, (_, r) => {
    const fold = stratifiedFolds(ys, k, opts.seed + r);
    return Array.from({ length: k }, (_, f) => {
      const tr: number[] = [];
      const va: number[] = [];
      for (let i = 0; i < ys.length; i++) (fold[i] === f ? va : tr).push(i);
      const yTr = Uint8Array.from(tr, (i) => ys[i]!);
      return { xTr: takeRows(xs, tr), yTr, xVa: takeRows(xs, va), yVa: Uint8Array.from(va, (i) => ys[i]!), w: balanceWeights(yTr, opts.balance, opts.seed) };
    });
  }).flat();
  const grid: { C: number; auc: number }[] = [];
  const foldAucs: number[][] = [];
  for (const C of opts.grid) {
    const aucs: number[] = [];
    for (const p of parts) {
      const fit = fitLogistic(p.xTr, p.yTr, { C, eps: opts.eps, sampleWeight: p.w, center: opts.center });
      const auc = rocAuc(predictProba(p.xVa, fit.weights, fit.intercept), p.yVa);
      if (Number.isFinite(auc)) aucs.push(auc);
      yield;
    }
    grid.push({ C, auc: aucs.length ? aucs.reduce((a, v) => a + v, 0) / aucs.length : NaN });
    foldAucs.push(aucs);
  }
  let b = 0;
  grid.forEach((g, i) => {
    if (g.auc > grid[b]!.auc + 1e-9) b = i;
  });
  const f = foldAucs[b]!;
  const se = f.length > 1 ? Math.sqrt(f.reduce((a, v) => a + (v - grid[b]!.auc) ** 2, 0) / (f.length - 1) / f.length) : 0;
  if (rule === 'one-se') {
    const bar = grid[b]!.auc - se;
    grid.forEach((g, i) => {
      if (g.auc >= bar && g.C < grid[b]!.C) b = i;
    });
  }
  const best = grid[b]!;
  return { C: best.C, cvAuc: best.auc, folds: k, ...(repeats > 1 ? { repeats } : {}), rule, se, rows: ys.length, grid };
}

const countPair = (y: Uint8Array): [number, number] => {
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i]!;
  return [pos, y.length - pos];
};

/**
 * The log-odds shift that undoes class balancing (prior correction; King & Zeng 2001): balancing
 * trains as if successes made up W₊/(W₊+W₋) of the data; the model's odds are moved back to the
 * true n₊/n₋ of the training part, so a stated 70 % is right about 70 % of the time.
 */
export function priorCorrection(y: Uint8Array, sampleWeight: Float64Array): number {
  let n1 = 0;
  let n0 = 0;
  let w1 = 0;
  let w0 = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i]) {
      n1++;
      w1 += sampleWeight[i]!;
    } else {
      n0++;
      w0 += sampleWeight[i]!;
    }
  }
  if (!n1 || !n0) return 0;
  return Math.log(n1 / n0) - Math.log(w1 / w0);
}

/** The prior's preprocessor, checked against this table's header. */
function priorPreprocessor(prior: PriorModel, header: readonly string[]): ScoringModel['preprocessor'] {
  const missing = prior.preprocessor.columns.map((c) => c.column).filter((c) => !header.includes(c));
  if (missing.length) throw new DataError(`the prior model was trained on columns this data lacks: ${missing.join(', ')}`);
  return prior.preprocessor;
}

export function trainTable(input: Table, opts: TrainOptions): TrainResult {
  return run(trainSteps(input, opts));
}

/**
 * The same training, giving the event loop a turn after each of the search's fits: a server that
 * trains in its own process (and, in tests, serves the sandbox portal from it) keeps answering.
 */
export async function trainTableAsync(input: Table, opts: TrainOptions): Promise<TrainResult> {
  const g = trainSteps(input, opts);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function* trainSteps(input: Table, opts: TrainOptions): Generator<void, TrainResult, void> {
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
  const seed = opts.seed ?? 42;
  const balance = opts.balance ?? 'upsample';
  const prior = opts.prior;
  // With a prior its layout is used as it is: each column is reported with the prior's kind (a
  // column that takes two values in this portal's rows is still the prior's bins).
  const priorKinds = prior ? new Map(prior.preprocessor.columns.map((c) => [c.column, c.kind === 'standard' ? 'numeric' : c.kind] as const)) : null;
  const columns = detectColumns(table, drop)
    .map((c) => (opts.kinds?.[c.name] ? { ...c, kind: opts.kinds[c.name]! } : c))
    .filter((c) => !priorKinds || priorKinds.has(c.name))
    .map((c) => (priorKinds ? { ...c, kind: priorKinds.get(c.name)! } : c));
  const pre = prior ? priorPreprocessor(prior, table.header) : fitPreprocessor(table, columns, split.train, opts);
  const center = prior ? Float64Array.from(prior.weights) : undefined;
  progress('encode', 0.1);
  const xTrain = encodeRows(pre, table, split.train);
  const xTest = encodeRows(pre, table, split.test);
  const yTrain = Uint8Array.from(split.train, (i) => allLabels[i]!);
  const yTest = Uint8Array.from(split.test, (i) => allLabels[i]!);
  const sampleWeight = balanceWeights(yTrain, balance, seed);

  let search: SearchResult | null = null;
  let searchSeconds = 0;
  if (opts.C === undefined) {
    progress('search', 0.15);
    const s0 = clock();
    search = yield* searchSteps(xTrain, yTrain, { balance, seed, grid: opts.grid ?? (prior ? SEARCH_GRID_PRIOR : SEARCH_GRID), eps: opts.eps, center });
    searchSeconds = clock() - s0;
  }
  const C = opts.C ?? search!.C;

  progress('fit', 0.5);
  const t0 = clock();
  const fit = fitLogistic(xTrain, yTrain, {
    C,
    eps: opts.eps,
    sampleWeight,
    center,
    onIteration: (_, rel) => progress('fit', 0.5 + 0.4 * Math.min(1, Math.log10(1 / Math.max(rel, 1e-12)) / 3)),
  });
  const trainSeconds = clock() - t0;
  const correction = priorCorrection(yTrain, sampleWeight);
  const intercept = fit.intercept + correction;

  progress('evaluate', 0.9);
  const baseRate = trainCounts.success / (trainCounts.success + trainCounts.failure);
  const threshold = opts.threshold ?? (balance === 'none' ? 0.5 : Math.min(0.99, Math.max(0.01, Math.round(baseRate * 100) / 100)));
  const p = predictProba(xTest, fit.weights, intercept);
  const cal = calibration(p, yTest);
  const columnOf = new Int32Array(pre.width);
  pre.columns.forEach((s, k) => columnOf.fill(k, s.offset, s.offset + specWidth(s)));
  const model: ScoringModel = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    target: opts.target,
    positive,
    preprocessor: pre,
    weights: Array.from(fit.weights),
    intercept,
    threshold,
    baselines: columnBaselines(xTrain, fit.weights, columnOf, pre.columns.length),
    meta: {
      rows: table.rows.length,
      features: pre.width,
      counts: { train: trainCounts, test: testCounts },
      metrics: evaluate(p, yTest, threshold),
      calibration: cal,
      curves: curves(p, yTest),
      trainSeconds,
      searchSeconds,
      search,
      C,
      iterations: fit.iterations,
      converged: fit.converged,
      columns,
      ...(prior ? { prior: { rows: prior.meta?.rows ?? 0, features: prior.preprocessor.width, ...(prior.meta?.portals ? { portals: prior.meta.portals } : {}) } } : {}),
      options: {
        seed,
        balance,
        C: opts.C ?? 'cv',
        bins: opts.bins ?? 10,
        numeric: opts.numeric ?? 'bins',
        priorCorrection: correction,
        split: opts.splitColumn ? `column ${opts.splitColumn}` : `stratified ${1 - (opts.testFraction ?? 0.25)}/${opts.testFraction ?? 0.25}`,
      },
    },
  };
  progress('done', 1);
  return { model, skipped };
}
