/**
 * What the scoring dashboard shows of a stored model: counts, metrics, curves, named features.
 * Reads `ModelRecord.meta` (src/scoring's ModelMeta) and the serialised model in `payload`
 * defensively: a model from an older build shows what it has instead of breaking the page.
 */
import { parseModel, type ScoringModel } from '../scoring/model';
import type { ColumnSpec } from '../scoring/dataset';
import type { ModelRecord } from '../store/types';

export interface CurvePt {
  threshold: number;
  tpr: number;
  fpr: number;
  precision: number;
  recall: number;
}

export interface Operating {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  fpr: number;
  accuracy: number;
}

export interface FeatureWeight {
  column: string;
  /** Which value or bin of the column: a category, a range, "missing", or "" for a binary flag. */
  value: string;
  kind: ColumnSpec['kind'];
  weight: number;
  /** Numeric bins: the range of values (ends undefined when open), for saying it in words. */
  range?: { lo?: number; hi?: number };
}

export interface ModelView {
  version: number;
  trainedAt: number;
  nextTrainingAt: number;
  counts?: { train: { success: number; failure: number }; test: { success: number; failure: number } };
  auc: number;
  accuracy: number;
  f1: number;
  threshold: number;
  positives: number;
  negatives: number;
  curve: CurvePt[];
  features: FeatureWeight[];
  /** Brier score, ECE and the reliability bins on the test part; absent for models from older builds. */
  calibration?: { brier: number; ece: number; bins: { lo: number; hi: number; count: number; predicted: number; observed: number }[] };
  /** The C of the fit and, when cross-validation chose it, the CV AUC. */
  C?: number;
  cvAuc?: number;
}

const num = (v: unknown, d = NaN): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Curve points from stored JSON, where the first point's threshold +Infinity became null. */
export function readCurve(v: unknown): CurvePt[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((p) => obj(p))
    .map((p) => ({
      threshold: p.threshold === null || p.threshold === undefined ? Infinity : num(p.threshold, Infinity),
      tpr: num(p.tpr, 0),
      fpr: num(p.fpr, 0),
      precision: num(p.precision, 0),
      recall: num(p.recall, num(p.tpr, 0)),
    }))
    .sort((a, b) => b.threshold - a.threshold);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * The confusion matrix at `threshold` from the curve (scored ≥ threshold counts as success): the
 * point with the lowest threshold still ≥ it. Exact while the curve keeps every distinct score;
 * on a thinned curve it is the nearest stored operating point at or above the threshold.
 * Mirrored by assets/scoring.js in the browser (a test checks they agree).
 */
export function operatingPoint(curve: CurvePt[], positives: number, negatives: number, threshold: number): Operating {
  let best: CurvePt = { threshold: Infinity, tpr: 0, fpr: 0, precision: 1, recall: 0 };
  for (const p of curve) if (p.threshold >= threshold && p.threshold <= best.threshold) best = p;
  const tp = Math.round(best.tpr * positives);
  const fp = Math.round(best.fpr * negatives);
  const fn = positives - tp;
  const tn = negatives - fp;
  return { threshold, tp, fp, tn, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, positives), fpr: ratio(fp, negatives), accuracy: ratio(tp + tn, positives + negatives) };
}

/**
 * The values of bin `bin` (edges[b-1] ≤ v < edges[b]). For a column of whole numbers the range is
 * said in whole numbers: [1.5, 2.5) is "2", [0.5, 3.5) is "1–3", below 0.5 is "≤ 0".
 */
export function numericLabel(edges: number[], bin: number, integer = false): string {
  const r = (x: number) => String(Math.round(x * 100) / 100);
  if (edges.length === 0) return 'any';
  if (integer) {
    const first = (e: number) => Math.ceil(e); // the smallest whole number ≥ e
    if (bin === 0) return `≤ ${first(edges[0]!) - 1}`;
    if (bin >= edges.length) return `≥ ${first(edges[edges.length - 1]!)}`;
    const lo = first(edges[bin - 1]!);
    const hi = first(edges[bin]!) - 1;
    if (lo === hi) return String(lo);
    if (lo < hi) return `${lo}–${hi}`;
    // No whole number falls in this bin: say its edges.
  }
  if (bin === 0) return `< ${r(edges[0]!)}`;
  if (bin >= edges.length) return `≥ ${r(edges[edges.length - 1]!)}`;
  return `${r(edges[bin - 1]!)}–${r(edges[bin]!)}`;
}

/**
 * The values of bin `bin` as numbers: whole ends for a whole-number column ([0.5, 3.5) is 1 to 3; a
 * first bin of counts that holds only 0 is 0 to 0), the edges otherwise; an open end is undefined.
 */
export function numericRange(edges: number[], bin: number, integer = false): { lo?: number; hi?: number } {
  if (edges.length === 0) return {};
  if (integer) {
    const first = (e: number) => Math.ceil(e);
    if (bin === 0) return first(edges[0]!) - 1 === 0 ? { lo: 0, hi: 0 } : { hi: first(edges[0]!) };
    if (bin >= edges.length) return { lo: first(edges[edges.length - 1]!) };
    const lo = first(edges[bin - 1]!);
    const hi = first(edges[bin]!) - 1;
    if (lo <= hi) return { lo, hi };
  }
  if (bin === 0) return { hi: edges[0]! };
  if (bin >= edges.length) return { lo: edges[edges.length - 1]! };
  return { lo: edges[bin - 1]!, hi: edges[bin]! };
}

/** Names for every non-text feature of the model, with its weight. Hashed text buckets have no readable name. */
export function namedFeatures(model: Pick<ScoringModel, 'preprocessor' | 'weights'>): FeatureWeight[] {
  const out: FeatureWeight[] = [];
  const w = model.weights;
  for (const s of model.preprocessor.columns) {
    switch (s.kind) {
      case 'numeric':
        for (let b = 0; b <= s.edges.length; b++) out.push({ column: s.column, value: numericLabel(s.edges, b, s.integer === true), kind: s.kind, weight: w[s.offset + b] ?? 0, range: numericRange(s.edges, b, s.integer === true) });
        out.push({ column: s.column, value: '\u0000missing', kind: s.kind, weight: w[s.offset + s.edges.length + 1] ?? 0 });
        break;
      case 'standard':
        out.push({ column: s.column, value: '', kind: s.kind, weight: w[s.offset] ?? 0 });
        out.push({ column: s.column, value: '\u0000missing', kind: s.kind, weight: w[s.offset + 1] ?? 0 });
        break;
      case 'categorical':
        s.values.forEach((v, i) => out.push({ column: s.column, value: v, kind: s.kind, weight: w[s.offset + i] ?? 0 }));
        out.push({ column: s.column, value: '\u0000other', kind: s.kind, weight: w[s.offset + s.values.length] ?? 0 });
        break;
      case 'binary':
        out.push({ column: s.column, value: s.positive, kind: s.kind, weight: w[s.offset] ?? 0 });
        break;
      case 'text':
        break;
    }
  }
  return out;
}

export function topFeatures(features: FeatureWeight[], n = 10): FeatureWeight[] {
  return [...features].filter((f) => f.weight !== 0).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.column.localeCompare(b.column)).slice(0, n);
}

function readCalibration(v: unknown): ModelView['calibration'] {
  const c = obj(v);
  if (!Number.isFinite(num(c.brier)) || !Array.isArray(c.bins)) return undefined;
  const bins = c.bins.map((b) => obj(b)).map((b) => ({ lo: num(b.lo, 0), hi: num(b.hi, 0), count: num(b.count, 0), predicted: num(b.predicted, 0), observed: num(b.observed, 0) }));
  return { brier: num(c.brier), ece: num(c.ece), bins };
}

function readModel(payload: unknown): ScoringModel | null {
  try {
    return parseModel(payload);
  } catch {
    return null;
  }
}

export function modelView(rec: Omit<ModelRecord, 'payload'> & { payload?: unknown }, topN = 10): ModelView {
  const model = rec.payload === undefined ? null : readModel(rec.payload);
  const meta = Object.keys(obj(rec.meta)).length ? obj(rec.meta) : obj(model?.meta);
  const metrics = obj(meta.metrics);
  const c = obj(meta.counts);
  const cnt = (x: unknown) => ({ success: num(obj(x).success, 0), failure: num(obj(x).failure, 0) });
  const counts = c.train && c.test ? { train: cnt(c.train), test: cnt(c.test) } : undefined;
  const positives = num(metrics.positives, counts?.test.success ?? 0);
  const negatives = num(metrics.negatives, counts?.test.failure ?? 0);
  return {
    version: rec.version,
    trainedAt: rec.trainedAt,
    nextTrainingAt: rec.nextTrainingAt,
    counts,
    auc: num(metrics.auc),
    accuracy: num(metrics.accuracy),
    f1: num(metrics.f1),
    threshold: num(metrics.threshold, num(model?.threshold, 0.5)),
    positives,
    negatives,
    curve: readCurve(meta.curves),
    features: model ? topFeatures(namedFeatures(model), topN) : [],
    calibration: readCalibration(meta.calibration),
    ...(Number.isFinite(num(meta.C)) ? { C: num(meta.C) } : {}),
    ...(Number.isFinite(num(obj(meta.search).cvAuc)) ? { cvAuc: num(obj(meta.search).cvAuc) } : {}),
  };
}
