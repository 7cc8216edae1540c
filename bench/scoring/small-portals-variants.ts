/**
 * Variants of the small-portal fit, measured with the protocol of small-portals.ts (the same months,
 * splits, priors and first-n rows). Every choice a variant makes (λ, blend weight, scale) is made by
 * cross-validation on the portal's n training rows only; the test third is only scored.
 * Run: npx tsx bench/scoring/small-portals-variants.ts [SIZES=100,300,1000] [METHOD,METHOD]
 * (PRIOR=pool: the prior is the other months' own models merged by poolModels, as the product pools
 * portals, instead of one model on all their rows). Priors are cached in $TMPDIR/small-portals-priors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsv } from '../../src/scoring/csv';
import { trainTable, stratifiedFolds } from '../../src/scoring/pipeline';
import { stratifiedSplit, balanceWeights, type Balance } from '../../src/scoring/split';
import { seededRng, shuffle } from '../../src/scoring/random';
import { type ScoringModel } from '../../src/scoring/model';
import { rocAuc } from '../../src/scoring/metrics';
import { detectColumns, encodeRows, fitPreprocessor, type Table, type Preprocessor } from '../../src/scoring/dataset';
import { fitLogistic, matVec } from '../../src/scoring/fit';
import type { Csr } from '../../src/scoring/sparse';
import { crmDataFile } from './crm-data';
import { poolModels } from '../../src/scoring/pooled';

const CACHE = path.join(os.tmpdir(), 'small-portals-priors');
fs.mkdirSync(CACHE, { recursive: true });
const SIZES = (process.argv[2] ?? '100,300,1000').split(',').map(Number);
const ONLY = process.argv[3] ? new Set(process.argv[3].split(';')) : null;
const table = parseCsv(fs.readFileSync(crmDataFile('bank-additional-full.csv'), 'utf8'));
const MONTH = table.header.indexOf('month');
const Y = table.header.indexOf('y');
const drop = ['duration', 'month'];
const header = [...table.header, '__split'];
const opts = { target: 'y', positive: 'yes', drop, splitColumn: '__split' };
const withSplit = (train: string[][], test: string[][]): Table => ({ header, rows: [...train.map((r) => [...r, 'train']), ...test.map((r) => [...r, 'test'])] });
const labelsOf = (rows: string[][]) => Uint8Array.from(rows, (r) => (r[Y] === 'yes' ? 1 : 0));

const logits = (pre: Preprocessor, w: ArrayLike<number>, b: number, rows: string[][]): Float64Array => {
  const x = encodeRows(pre, { header: table.header, rows });
  const out = new Float64Array(x.rows);
  matVec(x, Float64Array.from(w), b, out);
  return out;
};
const zModel = (m: ScoringModel, rows: string[][]) => logits(m.preprocessor, m.weights, m.intercept, rows);

/** A method: fit on `rows`, return a scorer of other rows (log-odds). */
type Method = (rows: string[][], prior: ScoringModel) => (rows: string[][]) => Float64Array;

/** Mean AUC over k stratified folds (repeated `reps` times with other seeds) of `fitScore`. */
function cv(rows: string[][], k: number, reps: number, fitScore: (tr: string[][], va: string[][]) => Float64Array[]): number[] {
  const y = labelsOf(rows);
  let sums: number[] | null = null;
  let n = 0;
  for (let r = 0; r < reps; r++) {
    const fold = stratifiedFolds(y, k, 42 + r);
    for (let f = 0; f < k; f++) {
      const tr = rows.filter((_, i) => fold[i] !== f);
      const va = rows.filter((_, i) => fold[i] === f);
      const yv = labelsOf(va);
      const aucs = fitScore(tr, va).map((s) => rocAuc(s, yv));
      sums = sums ? sums.map((s, j) => s + aucs[j]!) : aucs;
      n++;
    }
  }
  return sums!.map((s) => s / n);
}
const argmax = (xs: number[]) => xs.reduce((b, v, i) => (v > xs[b]! + 1e-9 ? i : b), 0);

const local: Method = (rows) => {
  const m = trainTable(withSplit(rows, rows.slice(0, Math.min(rows.length, 60))), opts).model;
  return (r) => zModel(m, r);
};
const pulled: Method = (rows, prior) => {
  const m = trainTable(withSplit(rows, rows.slice(0, Math.min(rows.length, 60))), { ...opts, prior }).model;
  return (r) => zModel(m, r);
};
const priorOnly: Method = (_rows, prior) => (r) => zModel(prior, r);

/** Convex blend of two methods' log-odds, the weight of `b` chosen by CV on the rows. */
const blend = (a: Method, b: Method, k = 3, reps = 1): Method => (rows, prior) => {
  const alphas = Array.from({ length: 11 }, (_, i) => i / 10);
  const aucs = cv(rows, k, reps, (tr, va) => {
    const za = a(tr, prior)(va);
    const zb = b(tr, prior)(va);
    return alphas.map((al) => za.map((v, i) => (1 - al) * v + al * zb[i]!));
  });
  const al = alphas[argmax(aucs)]!;
  const fa = a(rows, prior);
  const fb = b(rows, prior);
  return (r) => {
    const za = fa(r);
    const zb = fb(r);
    return za.map((v, i) => (1 - al) * v + al * zb[i]!);
  };
};

/** Fit a correction to s × the prior's log-odds: features `layout` ('local' bins or the 'prior''s), L2 toward 0. */
function offsetFit(rows: string[][], prior: ScoringModel, layout: 'local' | 'prior', s: number, C: number, balance: Balance, pre?: Preprocessor) {
  const p = pre ?? preFor(rows, prior, layout);
  const x = encodeRows(p, { header: table.header, rows });
  const y = labelsOf(rows);
  const off = zModel(prior, rows).map((v) => s * (v - prior.intercept));
  const fit = fitLogistic(x, y, { C, sampleWeight: balanceWeights(y, balance, 42), offset: off });
  return (r: string[][]) => {
    const zo = zModel(prior, r).map((v) => s * (v - prior.intercept));
    const zl = logits(p, fit.weights, fit.intercept, r);
    return zl.map((v, i) => v + zo[i]!);
  };
}
function preFor(rows: string[][], prior: ScoringModel, layout: 'local' | 'prior'): Preprocessor {
  if (layout === 'prior') return prior.preprocessor;
  const t: Table = { header: table.header, rows };
  const cols = detectColumns(t, new Set([...drop, 'y'])).filter((c) => c.distinct > 1);
  return fitPreprocessor(t, cols, Int32Array.from(rows, (_, i) => i), {});
}
const GRID = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const offsetCv = (layout: 'local' | 'prior', scales: number[], balance: Balance, k = 3, reps = 1, grid = GRID, oneSe = false): Method => (rows, prior) => {
  const combos = scales.flatMap((s) => grid.map((C) => ({ s, C })));
  const perFold: number[][] = [];
  const aucs = cv(rows, k, reps, (tr, va) => {
    const zs = combos.map(({ s, C }) => offsetFit(tr, prior, layout, s, C, balance)(va));
    const yv = labelsOf(va);
    perFold.push(zs.map((z) => rocAuc(z, yv)));
    return zs;
  });
  let b = argmax(aucs);
  if (oneSe) {
    // One-standard-error rule: the strongest pull (smallest C) whose CV AUC is within one SE of the best.
    const f = perFold.map((r) => r[b]!);
    const m = f.reduce((a, v) => a + v, 0) / f.length;
    const se = Math.sqrt(f.reduce((a, v) => a + (v - m) ** 2, 0) / (f.length - 1) / f.length);
    b = aucs.findIndex((a) => a >= aucs[b]! - se);
  }
  const best = combos[b]!;
  chosen.push(`${best.s}/${best.C}`);
  return offsetFit(rows, prior, layout, best.s, best.C, balance);
};
const chosen: string[] = [];

/**
 * Pull per feature group: numeric columns' bins vs the categorical/binary ones, each with its own
 * strength (a penalty weight t² on a group is a feature scale 1/t). Both chosen by 5×2 CV.
 */
function groupFit(rows: string[][], prior: ScoringModel, C: number, tNum: number) {
  const pre = prior.preprocessor;
  const scale = new Float64Array(pre.width).fill(1);
  for (const c of pre.columns) if (c.kind === 'numeric') scale.fill(1 / tNum, c.offset, c.offset + c.edges.length + 2);
  const enc = (r: string[][]): Csr => {
    const x = encodeRows(pre, { header: table.header, rows: r });
    return { ...x, values: Float64Array.from(x.colIdx, (j) => scale[j]!) };
  };
  const x = enc(rows);
  const y = labelsOf(rows);
  const center = Float64Array.from(prior.weights, (w, j) => w / scale[j]!);
  const fit = fitLogistic(x, y, { C, sampleWeight: balanceWeights(y, 'upsample', 42), center });
  return (r: string[][]) => {
    const xr = enc(r);
    const out = new Float64Array(xr.rows);
    matVec(xr, fit.weights, fit.intercept, out);
    return out;
  };
}
const groupCv = (tNums: number[]): Method => (rows, prior) => {
  const combos = tNums.flatMap((t) => GRID.map((C) => ({ t, C })));
  const aucs = cv(rows, 5, 2, (tr, va) => combos.map(({ t, C }) => groupFit(tr, prior, C, t)(va)));
  const best = combos[argmax(aucs)]!;
  chosen.push(`${best.t}/${best.C}`);
  return groupFit(rows, prior, best.C, best.t);
};

const METHODS: Record<string, Method> = {
  prior: priorOnly,
  local,
  /** What the product does (`trainTable({ prior })`): 5-fold CV twice, the one-SE rule. */
  pulled,
  'pulled, best C of one 3-fold CV (before)': offsetCv('prior', [1], 'upsample', 3, 1),
  'pulled, best C of 5-fold CV twice': offsetCv('prior', [1], 'upsample', 5, 2),
  'pulled, one-SE, grid from 0.001': offsetCv('prior', [1], 'upsample', 5, 2, [0.001, 0.003, ...GRID], true),
  'blend(local, prior), weight by CV': blend(local, priorOnly),
  'blend(pulled, prior), weight by CV': blend(pulled, priorOnly),
  'blend(local, pulled), weight by CV': blend(local, pulled),
  'prior as offset + local bins, best C': offsetCv('local', [1], 'upsample', 5, 2),
  'prior as offset + local bins, one-SE': offsetCv('local', [1], 'upsample', 5, 2, [0.001, 0.003, ...GRID], true),
  'prior as offset + local bins, no balancing': offsetCv('local', [1], 'none', 5, 2),
  'offset s·prior, s∈{.5,1,1.5} by CV': offsetCv('prior', [0.5, 1, 1.5], 'none', 5, 2),
  'pull per group (numeric / other) by CV': groupCv([0.3, 1, 3]),
};

const byMonth = new Map<string, string[][]>();
for (const r of table.rows) byMonth.set(r[MONTH]!, [...(byMonth.get(r[MONTH]!) ?? []), r]);
const portals = [...byMonth.entries()].filter(([, rows]) => rows.length >= 1500).sort((a, b) => b[1].length - a[1].length);
const names = Object.keys(METHODS).filter((m) => !ONLY || ONLY.has(m) || ['prior', 'local', 'pulled'].includes(m));
console.log(`prior: ${process.env.PRIOR === 'pool' ? 'the other months\' own models, pooled' : 'one model on all other months'}`);
const res: Record<string, number[]> = Object.fromEntries(SIZES.flatMap((n) => names.map((m) => [`${m}@${n}`, []])));
for (const [name, rows] of portals) {
  const split = stratifiedSplit(labelsOf(rows), 1 / 3, 42);
  const order = Array.from(split.train);
  shuffle(order, seededRng(42));
  const train = order.map((i) => rows[i]!);
  const test = Array.from(split.test, (i) => rows[i]!);
  const POOL = process.env.PRIOR === 'pool';
  const cache = `${CACHE}/prior-${POOL ? 'pool-' : ''}${name}.json`;
  let prior: ScoringModel;
  if (fs.existsSync(cache)) prior = JSON.parse(fs.readFileSync(cache, 'utf8'));
  else if (POOL) {
    // The product's prior: the other portals' own models, pooled (src/scoring/pooled.ts).
    const members = [...byMonth.entries()].filter(([m]) => m !== name).map(([, r]) => ({ model: trainTable(withSplit(r, test), opts).model, rows: r.length }));
    prior = poolModels(members) as ScoringModel;
    fs.writeFileSync(cache, JSON.stringify(prior));
  } else {
    prior = trainTable(withSplit(table.rows.filter((r) => r[MONTH] !== name), test), opts).model;
    fs.writeFileSync(cache, JSON.stringify(prior));
  }
  const yt = labelsOf(test);
  for (const n of SIZES) {
    const first = train.slice(0, n);
    const line: string[] = [];
    for (const m of names) {
      chosen.length = 0;
      const t0 = performance.now();
      const auc = rocAuc(METHODS[m]!(first, prior)(test), yt);
      res[`${m}@${n}`]!.push(auc);
      line.push(`${m} ${auc.toFixed(3)}${chosen.length ? ` [${chosen.join(',')}]` : ''} ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    }
    console.log(`${name} n=${n}: ${line.join(' | ')}`);
  }
}
console.log('\nmean AUC over the months');
for (const n of SIZES) for (const m of names) console.log(`${String(n).padStart(5)} ${m.padEnd(40)} ${(res[`${m}@${n}`]!.reduce((s, v) => s + v, 0) / portals.length).toFixed(4)}`);
