/**
 * Calibrated probabilities (issue 17, item 1): the upsampled model's intercept is moved back by the
 * true class ratio, so a stated probability is the observed frequency; `calibration` measures it.
 */
import { calibration } from '../../src/scoring/metrics';
import { trainTable, priorCorrection, searchC, stratifiedFolds } from '../../src/scoring/pipeline';
import { balanceWeights } from '../../src/scoring/split';
import { percentInWords } from '../../src/scoring/explain';
import { seededRng } from '../../src/scoring/random';
import { encodeRows, fitPreprocessor, detectColumns } from '../../src/scoring/dataset';

/** 6,000 records, ~12 % successes, the log-odds linear in a source and a call count. */
function imbalanced(seed = 7) {
  const rng = seededRng(seed);
  const sources = ['web', 'call', 'ads', 'partner'];
  const effect: Record<string, number> = { web: 0.4, call: 1.2, ads: -0.6, partner: 0.9 };
  const rows: string[][] = [];
  for (let i = 0; i < 6000; i++) {
    const source = sources[Math.floor(rng() * 4)]!;
    const calls = Math.floor(rng() * 8);
    const z = -3.2 + effect[source]! + 0.25 * calls;
    const won = rng() < 1 / (1 + Math.exp(-z));
    rows.push([source, String(calls), won ? 'yes' : 'no']);
  }
  return { header: ['source', 'calls', 'won'], rows };
}

describe('calibration', () => {
  it('computes Brier and ECE on 10 equal-width bins by hand', () => {
    const p = [0.05, 0.15, 0.15, 0.95, 1];
    const y = [0, 1, 0, 1, 1];
    const c = calibration(p, y);
    expect(c.brier).toBeCloseTo((0.05 ** 2 + 0.85 ** 2 + 0.15 ** 2 + 0.05 ** 2 + 0) / 5, 12);
    // bins: [0,.1): p .05 y 0 → .05; [.1,.2): mean p .15, share .5 → .35 ×2; [.9,1]: mean .975, share 1 → .025 ×2
    expect(c.ece).toBeCloseTo((0.05 + 0.35 * 2 + 0.025 * 2) / 5, 12);
    expect(c.bins).toHaveLength(10);
    expect(c.bins[9]!.count).toBe(2);
  });

  it('makes an upsampled model say the observed frequency (ECE ≤ 0.03) — without the correction it is far off', () => {
    const table = imbalanced();
    const { model } = trainTable(table, { target: 'won', positive: 'yes', C: 1 });
    const cal = model.meta.calibration!;
    expect(cal.ece).toBeLessThan(0.03);
    // The stated mean equals the test part's success share within sampling noise.
    const test = model.meta.counts.test;
    const share = test.success / (test.success + test.failure);
    const meanStated = cal.bins.reduce((s, b) => s + b.predicted * b.count, 0) / cal.bins.reduce((s, b) => s + b.count, 0);
    expect(Math.abs(meanStated - share)).toBeLessThan(0.03);
    // The intercept before the correction is what the old code shipped: its probabilities are ~4× too high.
    const shift = model.meta.options.priorCorrection as number;
    expect(shift).toBeLessThan(-1.5);
    const uncorrected = trainTable(table, { target: 'won', positive: 'yes', C: 1, balance: 'none' });
    expect(Math.abs(uncorrected.model.meta.calibration!.brier - cal.brier)).toBeLessThan(0.005);
  });

  it('undoes exactly the weight balancing adds: log(n₊/n₋) − log(W₊/W₋)', () => {
    const y = Uint8Array.from([1, 0, 0, 0, 0, 1, 0, 0]);
    const up = balanceWeights(y, 'upsample', 1);
    expect(priorCorrection(y, up)).toBeCloseTo(Math.log(2 / 6), 12);
    expect(priorCorrection(y, balanceWeights(y, 'none'))).toBe(0);
  });

  it('reports brier and ece next to auc and sets the default threshold at the success rate', () => {
    const { model } = trainTable(imbalanced(3), { target: 'won', positive: 'yes', C: 1 });
    const c = model.meta.counts.train;
    expect(model.threshold).toBeCloseTo(Math.round((c.success / (c.success + c.failure)) * 100) / 100, 10);
    expect(model.meta.calibration!.brier).toBeGreaterThan(0);
  });
});

describe('the choice of C', () => {
  it('deals stratified folds: each fold holds a third of each class', () => {
    const y = Uint8Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const f = stratifiedFolds(y, 3, 42);
    for (let k = 0; k < 3; k++) {
      const pos = [...y].filter((v, i) => v && f[i] === k).length;
      expect(pos).toBe(10);
    }
  });

  it('is chosen by cross-validation when not given, deterministically, and reported with its CV AUC', () => {
    const table = imbalanced(11);
    const a = trainTable(table, { target: 'won', positive: 'yes', clock: () => performance.now() / 1000 }).model.meta;
    const b = trainTable(table, { target: 'won', positive: 'yes' }).model.meta;
    expect(a.search).not.toBeNull();
    expect(a.search!.grid.map((g) => g.C)).toContain(a.C);
    expect(a.search!.cvAuc).toBe(Math.max(...a.search!.grid.map((g) => g.auc)));
    expect(a.search!.cvAuc).toBeGreaterThan(0.6);
    expect(b.C).toBe(a.C);
    expect(a.searchSeconds).toBeGreaterThan(0);
    // --C skips the search.
    const fixed = trainTable(table, { target: 'won', positive: 'yes', C: 0.5 }).model.meta;
    expect(fixed.search).toBeNull();
    expect(fixed.C).toBe(0.5);
    expect(fixed.searchSeconds).toBe(0);
  });

  it('searches the given grid with 3 folds on every row of a small set', () => {
    const rng = seededRng(5);
    const header = ['a', 'b', 'c', 'won'];
    const rows = Array.from({ length: 400 }, () => [String(Math.floor(rng() * 50)), String(Math.floor(rng() * 50)), String(Math.floor(rng() * 50)), rng() < 0.3 ? 'yes' : 'no']);
    const t = { header, rows };
    const cols = detectColumns(t, new Set(['won']));
    const all = Int32Array.from({ length: rows.length }, (_, i) => i);
    const pre = fitPreprocessor(t, cols, all);
    const x = encodeRows(pre, t);
    const y = Uint8Array.from(rows, (r) => (r[3] === 'yes' ? 1 : 0));
    const s = searchC(x, y, { balance: 'upsample', seed: 1, grid: [0.01, 1, 100] });
    expect(s.grid).toHaveLength(3);
    expect(s.folds).toBe(3);
    expect(s.rows).toBe(400);
    expect(s.rule).toBe('best');
    expect(s.repeats).toBeUndefined();
  });

  it('toward a prior: 5 folds twice, and the strongest pull within one standard error of the best', () => {
    const rng = seededRng(9);
    const header = ['a', 'b', 'won'];
    const rows = Array.from({ length: 300 }, () => {
      const a = Math.floor(rng() * 10);
      const b = Math.floor(rng() * 10);
      return [String(a), String(b), rng() < 1 / (1 + Math.exp(-(-2.5 + 0.4 * a))) ? 'yes' : 'no'];
    });
    const t = { header, rows };
    const pre = fitPreprocessor(t, detectColumns(t, new Set(['won'])), Int32Array.from(rows, (_, i) => i));
    const x = encodeRows(pre, t);
    const y = Uint8Array.from(rows, (r) => (r[2] === 'yes' ? 1 : 0));
    const center = new Float64Array(pre.width);
    const grid = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];
    const s = searchC(x, y, { balance: 'upsample', seed: 3, grid, center });
    expect(s).toMatchObject({ folds: 5, repeats: 2, rule: 'one-se' });
    expect(s.se).toBeGreaterThan(0);
    const best = Math.max(...s.grid.map((g) => g.auc));
    const within = s.grid.filter((g) => g.auc >= best - s.se!).map((g) => g.C);
    expect(s.C).toBe(Math.min(...within));
    // The same folds with the plain rule take the best mean; the one-SE choice never pulls less.
    const plain = searchC(x, y, { balance: 'upsample', seed: 3, grid, center, rule: 'best' });
    expect(plain.grid).toEqual(s.grid);
    expect(plain.cvAuc).toBe(best);
    // Here the best mean is at C = 0.3, but 0.01 is within one SE of it (fold AUCs spread on 300 rows).
    expect(plain.C).toBe(0.3);
    expect(s.C).toBe(0.01);
  });
});

describe('probabilities in words', () => {
  it('rounds and never says 0 % or 100 %', () => {
    expect(percentInWords(0.99991, 'ru')).toBe('больше 99');
    expect(percentInWords(0.9951, 'en')).toBe('more than 99');
    expect(percentInWords(0.994, 'ru')).toBe('99');
    expect(percentInWords(0.0004, 'ru')).toBe('меньше 1');
    expect(percentInWords(0.004, 'en')).toBe('less than 1');
    expect(percentInWords(0.006, 'en')).toBe('1');
    expect(percentInWords(0.7049, 'ru')).toBe('70');
  });
});
