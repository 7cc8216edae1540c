/**
 * The serialisable model: the preprocessing it was trained with, the weights, the
 * threshold and what is known about its quality. Plain JSON, versioned by `format` and
 * `formatVersion` so a stored model from an older build is refused with a clear message
 * rather than misread.
 */
import { DataError } from './errors';
import { bindEncoder, type Preprocessor, type Table, encodeRows, type ColumnInfo } from './dataset';
import type { Metrics, CurvePoint, Calibration } from './metrics';
import { predictProba } from './fit';

export const MODEL_FORMAT = 'b24-assistant/scoring-model';
export const MODEL_FORMAT_VERSION = 1;

export interface ClassCounts {
  success: number;
  failure: number;
}

export interface ModelMeta {
  rows: number;
  features: number;
  counts: { train: ClassCounts; test: ClassCounts };
  metrics: Metrics;
  /** Brier score, expected calibration error and the reliability bins, on the test part. Absent in models from older builds. */
  calibration?: Calibration;
  curves: CurvePoint[];
  /** Seconds spent in the final fit alone. */
  trainSeconds: number;
  /** Seconds the cross-validated choice of C took (0 when C was given). */
  searchSeconds?: number;
  /** The cross-validation that chose C; null when C was given. */
  search?: { C: number; cvAuc: number; folds: number; repeats?: number; rule?: 'best' | 'one-se'; se?: number; rows: number; grid: { C: number; auc: number }[] } | null;
  /** The C of the final fit. */
  C?: number;
  /** Set when the model was pulled toward a prior (a small portal): the prior's training rows. */
  prior?: { rows: number; features: number; portals?: number };
  iterations: number;
  converged: boolean;
  columns: ColumnInfo[];
  options: Record<string, unknown>;
}

export interface ScoringModel {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  target: string;
  positive: string;
  preprocessor: Preprocessor;
  weights: number[];
  intercept: number;
  threshold: number;
  /**
   * Per input column, the mean of its contribution (Σ weight × feature) over the training
   * rows: explanations say how far this record's column moves the score from that mean.
   */
  baselines: number[];
  meta: ModelMeta;
}

export function serialiseModel(m: ScoringModel): string {
  return JSON.stringify(m);
}

export function parseModel(json: string | unknown): ScoringModel {
  let m: unknown = json;
  if (typeof json === 'string') {
    try {
      m = JSON.parse(json);
    } catch {
      throw new DataError('the model file is not JSON');
    }
  }
  const o = m as Partial<ScoringModel> | null;
  if (!o || o.format !== MODEL_FORMAT) throw new DataError('not a b24-assistant scoring model');
  if (o.formatVersion !== MODEL_FORMAT_VERSION) {
    throw new DataError(`model format version ${String(o.formatVersion)} is not supported (this build reads ${MODEL_FORMAT_VERSION}); retrain it`);
  }
  if (!o.preprocessor || !Array.isArray(o.weights) || o.weights.length !== o.preprocessor.width) {
    throw new DataError('the model file is damaged: weights do not match its features');
  }
  return o as ScoringModel;
}

/** Compiled form for fast scoring: weights in a typed array. */
export interface CompiledModel {
  model: ScoringModel;
  weights: Float64Array;
}

export function compile(model: ScoringModel): CompiledModel {
  return { model, weights: Float64Array.from(model.weights) };
}

/** Probabilities for every row of `table` (its header may order columns differently). */
export function scoreTable(c: CompiledModel, table: Table): Float64Array {
  const x = encodeRows(c.model.preprocessor, table);
  return predictProba(x, c.weights, c.model.intercept);
}

/** A scorer for single rows against one header, with scratch buffers reused. */
export function rowScorer(c: CompiledModel, header: readonly string[]): (row: readonly string[]) => number {
  const enc = bindEncoder(c.model.preprocessor, header);
  const idx = new Int32Array(enc.maxEntries);
  const val = new Float64Array(enc.maxEntries);
  return (row) => {
    const n = enc.encode(row, idx, val);
    let z = c.model.intercept;
    for (let k = 0; k < n; k++) z += c.weights[idx[k]!]! * val[k]!;
    return 1 / (1 + Math.exp(-z));
  };
}
