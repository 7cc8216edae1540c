/**
 * Why a record scored as it did: per input column, Σ weight × feature for this record minus that
 * column's mean over the training rows (the model's `baselines`). The columns that pushed the
 * probability up most become reasons in words, from grammars/scoring-<lang>.yaml.
 */
import { bindEncoder, isMissing, parseNumber, specWidth } from './dataset';
import { surfaceTerms } from './text';
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
  /** Text columns: the record's words that raise the score most, strongest first, as written. */
  words?: string[];
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
  const contributions: Contribution[] = pre.columns.map((s, i) => {
    const value = row[header.indexOf(s.column)] ?? '';
    const out: Contribution = { column: s.column, kind: s.kind, value, effect: sums[i]! - (c.model.baselines[i] ?? 0) };
    if (s.kind === 'text' && !isMissing(value)) out.words = strongestWords(value, s.offset, s.buckets, c.weights);
    return out;
  });
  contributions.sort((a, b) => b.effect - a.effect);
  return { probability: 1 / (1 + Math.exp(-z)), contributions };
}


/** The words (or word pairs) of `text` whose weights raise the score most: at most 3, positive only. */
function strongestWords(text: string, offset: number, buckets: number, weights: Float64Array): string[] {
  return surfaceTerms(text, buckets)
    .filter((t) => t.surface.length >= 3 && !/^\p{N}+$/u.test(t.surface))
    .map((t) => ({ ...t, w: weights[offset + t.bucket]! }))
    .filter((t) => t.w > 0.05)
    .sort((a, b) => b.w - a.w || a.surface.localeCompare(b.surface))
    .slice(0, 3)
    .map((t) => t.surface);
}

/** How one feature is said (grammars/scoring-<lang>.yaml, `features`). */
export interface FeatureWords {
  /** Count: the noun's forms ([1, 2–4, 5+] in Russian, [one, other] in English). */
  count?: string[];
  zero?: string;
  tail?: string;
  /** A sentence around the value ("звонок длится обычно {value}"). */
  say?: string;
  /** Hours said as hours or days. */
  hours?: string;
  /** The same for a range of hours (the dashboard's bins): "время ответа клиента — {value}". */
  hours_range?: string;
  /** A category: the sentence and the names of values. */
  value?: string;
  values?: Record<string, string>;
  /** The value is a user id: said by the user's name (`unnamed` when the name is unknown). */
  name?: boolean;
  unnamed?: string;
  yes?: string;
  no?: string;
  /** [one word, several words]. */
  words?: string[];
  amount?: string;
  /** Only when the record was made: not the first reason when a behavioural one exists. */
  calendar?: boolean;
  /** The dashboard's words for the "no value" bin ("клиент ещё не отвечал"). */
  missing?: string;
}

export interface ScoringWords {
  /** "больше {n}" / "меньше {n}": a probability past 99 % or under 1 % is never said as 100 % or 0 %. */
  percent: { over: string; under: string };
  range: { between: string; under: string; over: string; missing: string; other: string };
  quotes: [string, string];
  list_sep: string;
  units: { hours: string[]; days: string[]; under_hour: string };
  features: Record<string, FeatureWords>;
}

const wordsByLang = new Map<Lang, ScoringWords>();
/** grammars/scoring-<lang>.yaml, read once per language (every scored record is said with it). */
export function scoringWords(lang: Lang): ScoringWords {
  let w = wordsByLang.get(lang);
  if (!w) wordsByLang.set(lang, (w = loadGrammar<ScoringWords>(`scoring-${lang}.yaml`)));
  return w;
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

/** The form of a noun for `n`: Russian [1, 2–4, 5+] (fractions take the 2–4 form), English [one, other]. */
export function pluralForm(forms: readonly string[], n: number, lang: Lang): string {
  if (forms.length < 3 || lang !== 'ru') return Math.abs(n) === 1 ? forms[0]! : forms[forms.length - 1]!;
  if (!Number.isInteger(n)) return forms[1]!;
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a >= 11 && a <= 14) return forms[2]!;
  if (b === 1) return forms[0]!;
  if (b >= 2 && b <= 4) return forms[1]!;
  return forms[2]!;
}

const num = (n: number, lang: Lang): string => {
  const r = Math.abs(n) >= 10 ? Math.round(n) : Math.round(n * 10) / 10;
  return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 }).format(r);
};

/** A time in hours as people say it: under an hour, whole hours up to two days, then whole days. */
function hoursInWords(h: number, words: ScoringWords, lang: Lang): string {
  if (h < 1) return words.units.under_hour;
  if (h < 48) {
    const n = Math.round(h);
    return `${num(n, lang)} ${pluralForm(words.units.hours, n, lang)}`;
  }
  const d = Math.round(h / 24);
  return `${num(d, lang)} ${pluralForm(words.units.days, d, lang)}`;
}

/** "от 4 до 6 часов": a range of hours, in hours or (both ends past two days) in days. */
function hoursRange(lo: number | undefined, hi: number | undefined, words: ScoringWords, lang: Lang): string {
  if (lo === undefined && hi !== undefined && hi <= 1) return words.units.under_hour;
  const days = (lo ?? hi ?? 0) >= 48;
  const unit = days ? words.units.days : words.units.hours;
  const conv = (h: number) => Math.round(days ? h / 24 : h);
  return rangeWords(lo === undefined ? undefined : conv(lo), hi === undefined ? undefined : conv(hi), unit, words, lang);
}

/** A range with its noun: "от 4 до 6 звонков", "меньше 2 звонков", "7 звонков и больше" — the noun after the last number. */
function rangeWords(lo: number | undefined, hi: number | undefined, forms: readonly string[] | undefined, words: ScoringWords, lang: Lang): string {
  if (lo === undefined && hi === undefined) return words.range.missing;
  // After "до N" Russian takes the genitive: plural for whole numbers ("до 6 часов"), singular for fractions ("до 3,2 минуты").
  const noun = (n: number) => (forms ? ` ${lang === 'ru' ? (Number.isInteger(Math.round(n * 10) / 10) ? forms[forms.length - 1]! : forms[1]!) : pluralForm(forms, n, lang)}` : '');
  if (lo !== undefined && hi !== undefined) {
    if (lo === hi) return `${num(lo, lang)}${forms ? ` ${pluralForm(forms, lo, lang)}` : ''}`;
    return words.range.between.replace('{lo}', num(lo, lang)).replace('{hi}', `${num(hi, lang)}${noun(hi)}`);
  }
  if (hi !== undefined) return words.range.under.replace('{x}', `${num(hi, lang)}${noun(hi)}`);
  return words.range.over.replace('{x}', `${num(lo!, lang)}${noun(lo!)}`);
}

const YES = new Set(['y', 'yes', '1', 'true', 'да']);

/** Names of a portal's users by id, for "ответственный — Иван Сергеев". */
export type UserNames = ReadonlyMap<number, string>;

/** One feature's value of a record as a sentence; null when there is nothing to say. */
export function featureInWords(column: string, value: string, lang: Lang, opts: { words?: ScoringWords; names?: UserNames; textWords?: string[] } = {}): string | null {
  const words = opts.words ?? scoringWords(lang);
  const f = words.features[column];
  if (!f) return null;
  const v = value.trim();
  if (f.words) {
    const list = opts.textWords ?? [];
    if (!list.length) return null;
    const quoted = list.map((w) => `${words.quotes[0]}${w}${words.quotes[1]}`).join(words.list_sep);
    return f.words[list.length === 1 ? 0 : 1]!.replace('{words}', quoted);
  }
  if (f.yes !== undefined) return YES.has(v.toLowerCase()) ? f.yes : (f.no ?? null);
  if (isMissing(v)) return null;
  if (f.value !== undefined) {
    let said = f.values?.[v];
    if (said === undefined && f.name) {
      const name = opts.names?.get(Number(v));
      said = name ?? (f.unnamed ?? '{value}').replace('{value}', v);
    }
    return f.value.replace('{value}', said ?? v);
  }
  const n = parseNumber(v);
  if (Number.isNaN(n)) return null;
  if (f.hours !== undefined) return f.hours.replace('{value}', hoursInWords(n, words, lang));
  if (f.amount !== undefined) return f.amount.replace('{value}', num(n, lang));
  if (f.count) {
    const said = n === 0 && f.zero ? f.zero : `${num(n, lang)} ${pluralForm(f.count, n, lang)}`;
    const body = f.say && !(n === 0 && f.zero) ? f.say.replace('{value}', said) : said;
    return f.tail ? `${body} ${f.tail}` : body;
  }
  return null;
}

/**
 * A bin of a numeric feature as a range in words, for the dashboard: "от 4 до 6 входящих звонков",
 * "менеджер отвечает в среднем за от 4 до 6 часов" reads badly, so hours say the range alone after
 * the sentence's lead-in. `lo`/`hi` are the bin's whole or decimal ends (undefined: open).
 */
export function binInWords(column: string, lo: number | undefined, hi: number | undefined, lang: Lang, words: ScoringWords = scoringWords(lang)): string | null {
  const f = words.features[column];
  if (!f) return null;
  if (f.hours !== undefined) return (f.hours_range ?? f.hours).replace('{value}', hoursRange(lo, hi, words, lang));
  if (f.amount !== undefined) return f.amount.replace('{value}', rangeWords(lo, hi, undefined, words, lang));
  if (f.count) {
    if (lo === 0 && hi === 0 && f.zero) return f.tail ? `${f.zero} ${f.tail}` : f.zero;
    const said = rangeWords(lo, hi, f.count, words, lang);
    const body = f.say ? f.say.replace('{value}', said) : said;
    return f.tail ? `${body} ${f.tail}` : body;
  }
  return null;
}

/** True for a feature that only says when the record was made (month, weekday, time of day). */
export const isCalendar = (column: string, words: ScoringWords): boolean => words.features[column]?.calendar === true;

/**
 * Reasons in words for the strongest positive effects (at most `max`): facts about this record with
 * their units, names instead of ids, the strongest words of its texts. A calendar artefact is never
 * first while a behavioural reason exists.
 */
export function reasonsInWords(contributions: Contribution[], lang: Lang, max = 2, words: ScoringWords = scoringWords(lang), names?: UserNames): string[] {
  const said: { text: string; calendar: boolean }[] = [];
  for (const c of contributions) {
    if (c.effect <= 0) break;
    const f = words.features[c.column];
    if (!f) continue;
    // "есть телефон" is said of a record that has one; a missing phone that happens to score above
    // the average is not a reason to claim the opposite.
    if (f.yes !== undefined && !YES.has(c.value.trim().toLowerCase())) continue;
    const text = featureInWords(c.column, c.value, lang, { words, names, textWords: c.words });
    if (text) said.push({ text, calendar: f.calendar === true });
    if (said.length >= max * 3) break;
  }
  const behavioural = said.filter((s) => !s.calendar);
  const calendar = said.filter((s) => s.calendar);
  return [...behavioural, ...calendar].slice(0, max).map((s) => s.text);
}
