/**
 * Evaluation of scores against labels: ROC AUC (ties count half, as in the Mann–Whitney
 * statistic), the confusion matrix and the rates at a threshold, and the ROC and
 * precision–recall curves (one point per distinct score, so tied scores never make a
 * staircase the model did not draw).
 */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface Metrics {
  auc: number;
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** False-positive rate at the threshold: fp / (fp + tn). */
  fpr: number;
  confusion: Confusion;
  positives: number;
  negatives: number;
}

export interface CurvePoint {
  threshold: number;
  tpr: number;
  fpr: number;
  precision: number;
  recall: number;
}

/** Indices sorted by descending score (stable by index, so results are deterministic). */
function byScoreDesc(scores: ArrayLike<number>): Int32Array {
  const idx = new Int32Array(scores.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  const s = Float64Array.from(scores as ArrayLike<number>);
  idx.sort((a, b) => s[b]! - s[a]! || a - b);
  return idx;
}

function checkInputs(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) throw new RangeError(`scores: ${scores.length}, labels: ${labels.length}`);
}

/** Area under the ROC curve; NaN when one class is absent. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkInputs(scores, labels);
  const order = byScoreDesc(scores);
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < labels.length; i++) labels[i] ? pos++ : neg++;
  if (pos === 0 || neg === 0) return NaN;
  // Walk groups of equal score from the top: each positive beats every negative below its
  // group and ties half of the negatives inside it.
  let area = 0;
  let negAbove = 0;
  let k = 0;
  while (k < order.length) {
    const v = scores[order[k]!]!;
    let gp = 0;
    let gn = 0;
    while (k < order.length && scores[order[k]!] === v) {
      labels[order[k]!] ? gp++ : gn++;
      k++;
    }
    area += gp * (neg - negAbove - gn) + 0.5 * gp * gn;
    negAbove += gn;
  }
  return area / (pos * neg);
}

export function confusionAt(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): Confusion {
  checkInputs(scores, labels);
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i]! >= threshold;
    if (labels[i]) predicted ? c.tp++ : c.fn++;
    else predicted ? c.fp++ : c.tn++;
  }
  return c;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function evaluate(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5): Metrics {
  const confusion = confusionAt(scores, labels, threshold);
  const { tp, fp, tn, fn } = confusion;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    auc: rocAuc(scores, labels),
    threshold,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    accuracy: ratio(tp + tn, tp + fp + tn + fn),
    fpr: ratio(fp, fp + tn),
    confusion,
    positives: tp + fn,
    negatives: fp + tn,
  };
}

/**
 * ROC and precision–recall points, one per distinct score from the highest, thinned to at
 * most `maxPoints` (evenly by rank) so a model's meta stays small. A thinned curve also keeps,
 * for every threshold k/`gridSteps`, the point with the lowest score still ≥ it: the confusion
 * matrix the dashboard's slider (step 1/gridSteps) shows is then exact, not the nearest point.
 */
export function curves(scores: ArrayLike<number>, labels: ArrayLike<number>, maxPoints = 101, gridSteps = 100): CurvePoint[] {
  checkInputs(scores, labels);
  const order = byScoreDesc(scores);
  let pos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) pos++;
  const neg = labels.length - pos;
  const all: CurvePoint[] = [{ threshold: Infinity, tpr: 0, fpr: 0, precision: 1, recall: 0 }];
  let tp = 0;
  let fp = 0;
  let k = 0;
  while (k < order.length) {
    const v = scores[order[k]!]!;
    while (k < order.length && scores[order[k]!] === v) {
      labels[order[k]!] ? tp++ : fp++;
      k++;
    }
    all.push({ threshold: v, tpr: ratio(tp, pos), fpr: ratio(fp, neg), precision: ratio(tp, tp + fp), recall: ratio(tp, pos) });
  }
  if (all.length <= maxPoints) return all;
  const keep = new Set<number>();
  for (let i = 0; i < maxPoints; i++) keep.add(Math.round((i * (all.length - 1)) / (maxPoints - 1)));
  // `all` runs from the highest threshold down: walk the grid from the top with one pointer.
  let j = 0;
  for (let g = gridSteps; g >= 0 && gridSteps > 0; g--) {
    const t = g / gridSteps;
    while (j + 1 < all.length && all[j + 1]!.threshold >= t) j++;
    keep.add(j);
  }
  return [...keep].sort((a, b) => a - b).map((i) => all[i]!);
}

/** One equal-width bin of predicted probability: how many test rows fell in it, their mean prediction and how many succeeded. */
export interface ReliabilityBin {
  lo: number;
  hi: number;
  count: number;
  /** Mean predicted probability in the bin (NaN-free: 0 for an empty bin). */
  predicted: number;
  /** Share of successes in the bin (0 for an empty bin). */
  observed: number;
}

export interface Calibration {
  /** Mean squared error of the probability: Σ (p − y)² / n. */
  brier: number;
  /** Expected calibration error: Σ over bins (n_b / n) · |mean p − success share|. */
  ece: number;
  bins: ReliabilityBin[];
}

/**
 * How far stated probabilities are from observed frequencies, on `bins` equal-width bins of
 * [0, 1] (a probability of exactly 1 falls in the last bin). Why equal width: the reliability
 * diagram the dashboard draws reads "of the leads given 70–80 %, how many succeeded".
 */
export function calibration(scores: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): Calibration {
  checkInputs(scores, labels);
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  let brier = 0;
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const p = scores[i]!;
    const y = labels[i] ? 1 : 0;
    brier += (p - y) * (p - y);
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[b]!++;
    sumP[b]! += p;
    sumY[b]! += y;
  }
  let ece = 0;
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const c = count[b]!;
    const predicted = c ? sumP[b]! / c : 0;
    const observed = c ? sumY[b]! / c : 0;
    if (c) ece += (c / n) * Math.abs(predicted - observed);
    out.push({ lo: b / bins, hi: (b + 1) / bins, count: c, predicted, observed });
  }
  return { brier: n ? brier / n : NaN, ece: n ? ece : NaN, bins: out };
}
