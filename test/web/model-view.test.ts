import { numericLabel, namedFeatures } from '../../src/web/model-view';
import { trainTable } from '../../src/scoring/pipeline';

describe('numericLabel', () => {
  it('says bins of whole-number columns in whole numbers', () => {
    const edges = [0.5, 1.5, 2.5, 4.5];
    expect([0, 1, 2, 3, 4].map((b) => numericLabel(edges, b, true))).toEqual(['≤ 0', '1', '2', '3–4', '≥ 5']);
    expect(numericLabel([1, 3], 1, true)).toBe('1–2');
    // A bin no whole number falls in keeps its edges.
    expect(numericLabel([1.2, 1.8], 1, true)).toBe('1.2–1.8');
  });

  it('keeps the edges of other columns', () => {
    expect([0, 1, 2].map((b) => numericLabel([2.38, 3.06], b))).toEqual(['< 2.38', '2.38–3.06', '≥ 3.06']);
  });
});

describe('namedFeatures of a trained model', () => {
  it('marks count columns as whole numbers and says their bins so', () => {
    const rows: string[][] = [];
    for (let i = 0; i < 400; i++) rows.push([String(i % 7), ((i * 37) % 100 / 10).toFixed(2), i % 7 > 3 || i % 11 === 0 ? 'yes' : 'no']);
    const { model } = trainTable({ header: ['calls', 'minutes', 'won'], rows }, { target: 'won', positive: 'yes' });
    const spec = (name: string) => model.preprocessor.columns.find((c) => c.column === name) as { kind: string; integer?: boolean };
    expect([spec('calls').kind, spec('minutes').kind]).toEqual(['numeric', 'numeric']);
    expect(spec('calls').integer).toBe(true);
    expect(spec('minutes').integer).toBeUndefined();
    const calls = namedFeatures(model).filter((f) => f.column === 'calls' && !f.value.startsWith('\u0000')).map((f) => f.value);
    expect(calls.every((v) => /^(≤ |≥ )?\d+(–\d+)?$/.test(v))).toBe(true);
  });
});
