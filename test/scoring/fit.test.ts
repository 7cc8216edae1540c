import { fitLogistic, matVec, predictProba } from '../../src/scoring/fit';
import { CsrBuilder } from '../../src/scoring/sparse';

/*
 * Known answer: scikit-learn 1.2.1 (Debian python3-sklearn) on a small fixed problem, run once:
 *
 *   import numpy as np
 *   from sklearn.linear_model import LogisticRegression
 *   n, p = 60, 4
 *   X = np.array([[round(np.sin(0.7 * i + 1.3 * j) * (j + 1), 6) for j in range(p)] for i in range(n)])
 *   y = np.array([1 if np.sin(1.1 * i) + 0.5 * X[i, 0] - 0.3 * X[i, 2] > 0 else 0 for i in range(n)])
 *   for C in (1.0, 0.1):
 *       m = LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=100000).fit(X, y)
 *       print(C, m.coef_[0].round(8).tolist(), round(float(m.intercept_[0]), 8))
 */
const SKLEARN: Record<string, { coef: number[]; intercept: number }> = {
  '1': { coef: [0.2349205, -0.25648015, -0.91058647, -0.13658875], intercept: -0.03338294 },
  '0.1': { coef: [0.17682365, -0.18532458, -0.67919342, -0.1138401], intercept: -0.00810807 },
};

function problem() {
  const n = 60;
  const p = 4;
  const b = new CsrBuilder(p, true);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < p; j++) row.push(Math.round(Math.sin(0.7 * i + 1.3 * j) * (j + 1) * 1e6) / 1e6);
    b.push([0, 1, 2, 3], row);
    y[i] = Math.sin(1.1 * i) + 0.5 * row[0]! - 0.3 * row[2]! > 0 ? 1 : 0;
  }
  return { x: b.build(), y };
}

describe('fitLogistic', () => {
  it.each(Object.entries(SKLEARN))('matches scikit-learn lbfgs coefficients at C=%s within 1e-4', (C, want) => {
    const { x, y } = problem();
    const fit = fitLogistic(x, y, { C: Number(C), eps: 1e-8 });
    expect(fit.converged).toBe(true);
    for (let j = 0; j < want.coef.length; j++) expect(Math.abs(fit.weights[j]! - want.coef[j]!)).toBeLessThan(1e-4);
    expect(Math.abs(fit.intercept - want.intercept)).toBeLessThan(1e-4);
  });

  it('gives bit-identical weights on the same data', () => {
    const { x, y } = problem();
    const a = fitLogistic(x, y);
    const b = fitLogistic(x, y);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.intercept).toBe(b.intercept);
  });

  it('treats an integer sample weight like a repeated row', () => {
    const { x, y } = problem();
    const w = new Float64Array(x.rows).fill(1);
    w[3] = 3;
    const weighted = fitLogistic(x, y, { sampleWeight: w, eps: 1e-10 });
    const rows = [...Array(x.rows).keys(), 3, 3];
    const b = new CsrBuilder(4, true);
    const yy = new Uint8Array(rows.length);
    rows.forEach((r, k) => {
      b.push(x.colIdx.subarray(x.rowPtr[r]!, x.rowPtr[r + 1]!), x.values!.subarray(x.rowPtr[r]!, x.rowPtr[r + 1]!));
      yy[k] = y[r]!;
    });
    const repeated = fitLogistic(b.build(), yy, { eps: 1e-10 });
    for (let j = 0; j < 4; j++) expect(weighted.weights[j]).toBeCloseTo(repeated.weights[j]!, 8);
  });

  it('works on one-hot rows without stored values and predicts probabilities', () => {
    const b = new CsrBuilder(3);
    const y = new Uint8Array(40);
    for (let i = 0; i < 40; i++) {
      b.push([i % 3]);
      y[i] = i % 3 === 0 ? 1 : i % 5 === 0 ? 1 : 0;
    }
    const x = b.build();
    const fit = fitLogistic(x, y);
    const p = predictProba(x, fit.weights, fit.intercept);
    expect(p[0]).toBeGreaterThan(p[1]!);
    for (const v of p) expect(v > 0 && v < 1).toBe(true);
  });

  it('fits a correction to a fixed offset: the same optimum as pulling toward the weights that gave it', () => {
    const { x, y } = problem();
    const w0 = Float64Array.from([0.8, -0.5, 0.3, 1.1]);
    const offset = new Float64Array(x.rows);
    matVec(x, w0, 0, offset);
    const corrected = fitLogistic(x, y, { C: 0.5, offset, eps: 1e-10 });
    const pulled = fitLogistic(x, y, { C: 0.5, center: w0, eps: 1e-10 });
    for (let j = 0; j < 4; j++) expect(w0[j]! + corrected.weights[j]!).toBeCloseTo(pulled.weights[j]!, 6);
    expect(corrected.intercept).toBeCloseTo(pulled.intercept, 6);
    // A constant offset moves only the intercept.
    const plain = fitLogistic(x, y, { eps: 1e-10 });
    const shifted = fitLogistic(x, y, { offset: new Float64Array(x.rows).fill(2), eps: 1e-10 });
    for (let j = 0; j < 4; j++) expect(shifted.weights[j]).toBeCloseTo(plain.weights[j]!, 6);
    expect(shifted.intercept).toBeCloseTo(plain.intercept - 2, 6);
    expect(() => fitLogistic(x, y, { offset: new Float64Array(3) })).toThrow(/offset: 3 values/);
  });

  it('refuses a non-positive C', () => {
    const { x, y } = problem();
    expect(() => fitLogistic(x, y, { C: 0 })).toThrow(/C must be positive/);
  });
});
