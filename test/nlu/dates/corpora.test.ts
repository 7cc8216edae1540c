/**
 * Ratchet over the shared corpora (rule for picking mentions: corpusHarness.ts). The thresholds
 * are the pass counts reached when they were last raised; a drop fails and prints the failures.
 */
import { createDateExtractor } from '../../../src/nlu/dates';
import { langOf, readCorpus, score, Outcome } from './corpusHarness';

const extractor = createDateExtractor();

function report(outcomes: Outcome[]): string {
  return outcomes
    .filter((o) => !o.ok)
    .map((o) => `${o.id} | ${o.text}\n   expected ${JSON.stringify(o.expected)}\n   got      ${JSON.stringify(o.got)}`)
    .join('\n');
}

describe.each([
  ['peers-dates-ru.jsonl', 1.0],
  ['seed.jsonl', 1.0],
  ['extra.jsonl', 1.0],
])('%s', (file, minimum) => {
  it(`passes at least ${minimum * 100}% of the gold date slots`, () => {
    const outcomes = score(extractor, readCorpus(file), langOf);
    const passed = outcomes.filter((o) => o.ok).length;
    const rate = passed / outcomes.length;
    if (rate < minimum) throw new Error(`${passed}/${outcomes.length} (${(rate * 100).toFixed(1)}%)\n${report(outcomes)}`);
    expect(rate).toBeGreaterThanOrEqual(minimum);
  });
});
