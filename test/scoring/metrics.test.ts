import { confusionAt, curves, evaluate, rocAuc } from '../../src/scoring/metrics';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
  });

  it('counts ties as half', () => {
    // Every score equal: 0.5 whatever the labels.
    expect(rocAuc([0.3, 0.3, 0.3, 0.3], [1, 0, 1, 0])).toBe(0.5);
    // pos {0.8, 0.5}, neg {0.5, 0.2}: pairs (0.8>0.5)=1, (0.8>0.2)=1, (0.5=0.5)=0.5, (0.5>0.2)=1 → 3.5/4.
    expect(rocAuc([0.8, 0.5, 0.5, 0.2], [1, 1, 0, 0])).toBeCloseTo(0.875, 12);
    // Same scores in another order must give the same area.
    expect(rocAuc([0.5, 0.2, 0.8, 0.5], [0, 0, 1, 1])).toBeCloseTo(0.875, 12);
  });

  it('agrees with counting all pairs on a larger tied sample', () => {
    const s: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 300; i++) {
      s.push(Math.round(Math.abs(Math.sin(i * 12.9898)) * 10) / 10);
      y.push(Math.sin(i * 3.7) + s[i]! > 0.8 ? 1 : 0);
    }
    let wins = 0;
    let pairs = 0;
    for (let i = 0; i < s.length; i++)
      for (let j = 0; j < s.length; j++)
        if (y[i] === 1 && y[j] === 0) {
          pairs++;
          wins += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
        }
    expect(rocAuc(s, y)).toBeCloseTo(wins / pairs, 12);
  });

  it('is NaN with one class', () => {
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
  });
});

describe('evaluate', () => {
  it('computes the rates at the threshold from the confusion matrix', () => {
    const scores = [0.9, 0.7, 0.6, 0.4, 0.3, 0.1];
    const labels = [1, 0, 1, 1, 0, 0];
    expect(confusionAt(scores, labels, 0.5)).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    const m = evaluate(scores, labels);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(m.accuracy).toBeCloseTo(4 / 6);
    expect(m.fpr).toBeCloseTo(1 / 3);
    const strict = evaluate(scores, labels, 0.8);
    expect(strict.confusion).toEqual({ tp: 1, fp: 0, tn: 3, fn: 2 });
    expect(strict.precision).toBe(1);
  });

  it('reports zero precision rather than NaN when nothing is predicted positive', () => {
    expect(evaluate([0.1, 0.2], [1, 0]).precision).toBe(0);
  });
});

describe('curves', () => {
  it('starts at (0,0), ends at (1,1) and puts tied scores in one point', () => {
    const c = curves([0.8, 0.5, 0.5, 0.2], [1, 1, 0, 0]);
    expect(c.map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 1],
      [1, 1],
    ]);
    expect(c[2]!.precision).toBeCloseTo(2 / 3);
  });

  it('thins long curves to the requested number of points', () => {
    const s = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const y = s.map((v, i) => (i % 3 === 0 ? 1 : 0));
    const c = curves(s, y, 11, 0);
    expect(c).toHaveLength(11);
    expect(c[10]!.tpr).toBe(1);
  });

  it('keeps, on a thinned curve, the exact operating point of every grid threshold', () => {
    const s = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const y = s.map((v, i) => (i % 3 === 0 ? 1 : 0));
    const c = curves(s, y, 11, 10);
    expect(c.length).toBeLessThanOrEqual(11 + 11);
    for (let g = 0; g <= 10; g++) {
      const t = g / 10;
      // The lowest stored threshold ≥ t is the lowest score ≥ t.
      const stored = Math.min(...c.filter((p) => p.threshold >= t).map((p) => p.threshold));
      expect(stored).toBe(Math.min(...s.filter((v) => v >= t), Infinity));
    }
    expect(c.map((p) => p.threshold)).toEqual([...c.map((p) => p.threshold)].sort((a, b) => b - a));
  });
});
