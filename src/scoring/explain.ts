/**
 * Why a record scored as it did: per input column, Σ weight × feature for this record minus that
 * column's mean over the training rows (the model's `baselines`). The columns that pushed the
 * probability up most become reasons in words, from grammars/scoring-<lang>.yaml.
 */
import { bindEncoder } from './dataset';
import { specWidth } from './dataset';
import type { CompiledModel } from './model';
import { loadGrammar } from '../nlu/grammar';
import type { Lang } from '../nlu/types';

export interface Contribution {
  column: string;
  /** The column's encoding: numeric, categorical, binary, text (standard for z-scored numerics). */
  kind?: string;
  value: string;
  /** Change of the log-odds against the training average. */
  effect: number;
}

export interface Explained {
  probability: number;
  contributions: Contribution[];
}

export function explainRow(c: CompiledModel, header: readonly string[], row: readonly string[]): Explained {
  const pre = c.model.preprocessor;
  const enc = bindEncoder(pre, header);
  const idx = new Int32Array(enc.maxEntries);
  const val = new Float64Array(enc.maxEntries);
  const k = enc.encode(row, idx, val);
  const columnOf = new Int32Array(pre.width);
  pre.columns.forEach((s, i) => columnOf.fill(i, s.offset, s.offset + specWidth(s)));
  const sums = new Float64Array(pre.columns.length);
  let z = c.model.intercept;
  for (let e = 0; e < k; e++) {
    const w = c.weights[idx[e]!]! * val[e]!;
    z += w;
    sums[columnOf[idx[e]!]!]! += w;
  }
  const contributions = pre.columns.map((s, i) => ({
    column: s.column,
    kind: s.kind,
    value: row[header.indexOf(s.column)] ?? '',
    effect: sums[i]! - (c.model.baselines[i] ?? 0),
  }));
  contributions.sort((a, b) => b.effect - a.effect);
  return { probability: 1 / (1 + Math.exp(-z)), contributions };
}

export interface ScoringWords {
  /** "больше {n}" / "меньше {n}": a probability past 99 % or under 1 % is never said as 100 % or 0 %. */
  percent: { over: string; under: string };
  features: Record<string, string>;
  sources: Record<string, string>;
  dayparts: Record<string, string>;
}

const wordsByLang = new Map<Lang, ScoringWords>();
/** grammars/scoring-<lang>.yaml, read once per language (every scored record is said with it). */
export function scoringWords(lang: Lang): ScoringWords {
  let w = wordsByLang.get(lang);
  if (!w) wordsByLang.set(lang, (w = loadGrammar<ScoringWords>(`scoring-${lang}.yaml`)));
  return w;
}

/** A feature's value as a person says it: sources and times of day by name, anything else as it is. */
export function valueInWords(words: ScoringWords, column: string, value: string): string {
  if (column === 'SOURCE_ID') return words.sources[value] ?? value;
  if (column === 'created_daypart') return words.dayparts[value] ?? value;
  return value;
}

/**
 * A probability as a whole percentage without the sign, as people say it: rounded, and never 0 or
 * 100 (a model that says 0.99991 is not certain) — "больше 99" / "меньше 1" past those ends.
 */
export function percentInWords(p: number, lang: Lang, words: ScoringWords = scoringWords(lang)): string {
  const n = Math.round(p * 100);
  if (n >= 100) return words.percent.over.replace('{n}', '99');
  if (n <= 0) return words.percent.under.replace('{n}', '1');
  return String(n);
}

const YES = new Set(['y', 'yes', '1', 'true', 'да']);

/** Reasons in words for the strongest positive effects (at most `max`). */
export function reasonsInWords(contributions: Contribution[], lang: Lang, max = 2, words: ScoringWords = scoringWords(lang)): string[] {
  const out: string[] = [];
  for (const c of contributions) {
    if (out.length >= max || c.effect <= 0) break;
    const template = words.features[c.column];
    if (!template) continue;
    const value = valueInWords(words, c.column, c.value);
    if (template.includes('{value}') && !value) continue;
    // "есть телефон" is said of a record that has one; a missing phone that happens to score above
    // the average is not a reason to claim the opposite.
    if (c.kind === 'binary' && !template.includes('{value}') && !YES.has(c.value.trim().toLowerCase())) continue;
    out.push(template.replace('{value}', value));
  }
  return out;
}
