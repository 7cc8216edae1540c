/**
 * What moved a record's score between two points of its history (issue 17, the seed's "Повлиявшие
 * события"): each point keeps its per-column parts (`ScoreFactor`: the record's value and its effect
 * on the log-odds); against the previous point, the columns whose value changed and whose effect
 * moved the score the way it went, strongest first, are said in words from
 * grammars/scoring-<lang>.yaml ("+12 %: ещё 1 входящий звонок"). Pure: no clock, no store.
 */
import type { Lang } from '../nlu/types';
import { isMissing, parseNumber } from './dataset';
import { featureInWords, pluralForm, scoringWords, type Contribution, type ScoringWords, type UserNames } from './explain';

/** One column's part in a stored score (the store's `ScoreFactor`, same shape). */
export interface PointFactor {
  column: string;
  value: string;
  effect: number;
  words?: string[];
}

export interface HistoryPoint {
  at: number;
  probability: number;
  modelVersion: number;
  factors?: readonly PointFactor[];
}

/** A column that changed between two points and moved the score the way it went. */
export interface FactorChange {
  column: string;
  before?: string;
  after: string;
  /** Change of this column's effect on the log-odds. */
  effect: number;
  words?: string[];
}

export interface PointChange {
  /** Whole percentage points since the previous point, as the card rounds them (0 for the first point). */
  delta: number;
  first: boolean;
  /** The model's version when it differs from the previous point's (effects of two models do not compare). */
  model?: number;
  factors: FactorChange[];
}

/** How history points are said (grammars/scoring-<lang>.yaml, `history`). */
export interface HistoryWords {
  first: string;
  same: string;
  /** "{sign}{n} %": the change in whole percentage points. */
  delta: string;
  up: string;
  down: string;
  /** "{delta}: {what}". */
  moved: string;
  model: string;
  /** A count that grew ("ещё {n} {noun}") or fell ("на {n} {noun} меньше"), the noun in the form for n. */
  more: string;
  fewer: string;
  list_sep: string;
}

/** Smaller changes of a column's effect (log-odds) are not said: they do not move a rounded percent. */
const MIN_EFFECT = 0.02;
/** Longest value kept per factor: enough to tell a change, not a copy of a record's texts. */
const MAX_VALUE = 200;

/**
 * A score's explanation as a history point keeps it: every column's value and effect, rounded; a
 * text column keeps its strongest words instead of the text itself (records' texts stay in the CRM).
 */
export function pointFactors(contributions: readonly Contribution[]): PointFactor[] {
  return contributions.map((c) => {
    const f: PointFactor = { column: c.column, value: c.kind === 'text' ? '' : c.value.slice(0, MAX_VALUE), effect: Math.round(c.effect * 1e4) / 1e4 };
    if (c.words?.length) f.words = c.words.slice(0, 5);
    return f;
  });
}

const sameWords = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join('\u0000') === (b ?? []).join('\u0000');

/**
 * What changed from `prev` to `cur`: the rounded change, whether the model changed, and up to `max`
 * columns whose value changed and whose effect went the way the score went, largest first. Columns
 * are compared only within one model version; points saved without factors explain nothing.
 */
export function pointChange(prev: HistoryPoint | undefined, cur: HistoryPoint, max = 2): PointChange {
  if (!prev) return { delta: 0, first: true, factors: [] };
  const delta = Math.round(cur.probability * 100) - Math.round(prev.probability * 100);
  if (prev.modelVersion !== cur.modelVersion) return { delta, first: false, model: cur.modelVersion, factors: [] };
  if (delta === 0 || !prev.factors || !cur.factors) return { delta, first: false, factors: [] };
  const before = new Map(prev.factors.map((f) => [f.column, f]));
  const moved: FactorChange[] = [];
  for (const f of cur.factors) {
    const p = before.get(f.column);
    if (p && p.value === f.value && sameWords(p.words, f.words)) continue;
    const effect = f.effect - (p?.effect ?? 0);
    if (Math.sign(effect) !== Math.sign(delta) || Math.abs(effect) < MIN_EFFECT) continue;
    moved.push({ column: f.column, ...(p ? { before: p.value } : {}), after: f.value, effect, ...(f.words?.length ? { words: f.words } : {}) });
  }
  moved.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || a.column.localeCompare(b.column));
  return { delta, first: false, factors: moved.slice(0, max) };
}

const num = (n: number, lang: Lang): string => new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 }).format(n);

/**
 * One changed column in words: a count that grew or fell by how much ("ещё 1 входящий звонок",
 * "на 2 дела меньше за последнюю неделю"), anything else by its new state ("последнее дело было
 * 10 дней назад", "клиент ещё не отвечал", "ответственный — Иван Сергеев"). Null when the grammar has
 * no words for it.
 */
export function factorChangeInWords(c: FactorChange, lang: Lang, h: HistoryWords, words: ScoringWords, names?: UserNames): string | null {
  const f = words.features[c.column];
  if (!f) return null;
  if (f.count && !f.say && c.before !== undefined && !isMissing(c.before) && !isMissing(c.after)) {
    const diff = parseNumber(c.after) - parseNumber(c.before);
    if (Number.isFinite(diff) && diff !== 0) {
      const n = Math.abs(diff);
      const said = (diff > 0 ? h.more : h.fewer).replace('{n}', num(n, lang)).replace('{noun}', pluralForm(f.count, n, lang));
      return f.tail ? `${said} ${f.tail}` : said;
    }
  }
  if (isMissing(c.after) && f.missing && !f.words && f.yes === undefined) return f.missing;
  return featureInWords(c.column, c.after, lang, { words, names, textWords: c.words });
}

/** The words of history points in `lang`. */
export function historyWords(lang: Lang, words: ScoringWords = scoringWords(lang)): HistoryWords {
  const h = (words as ScoringWords & { history?: HistoryWords }).history;
  if (!h) throw new Error(`grammars/scoring-${lang}.yaml has no "history" section`);
  return h;
}

/**
 * A point's change in words: "первая оценка", "без изменений", "+12 %: ещё 1 входящий звонок",
 * "−3 %: модель обновлена до версии 2", or the change alone when nothing that changed can be said.
 */
export function pointChangeInWords(change: PointChange, lang: Lang, opts: { words?: ScoringWords; names?: UserNames } = {}): string {
  const words = opts.words ?? scoringWords(lang);
  const h = historyWords(lang, words);
  if (change.first) return h.first;
  const delta = h.delta.replace('{sign}', change.delta > 0 ? h.up : change.delta < 0 ? h.down : '').replace('{n}', String(Math.abs(change.delta)));
  if (change.model !== undefined) {
    const model = h.model.replace('{version}', String(change.model));
    return change.delta === 0 ? model : h.moved.replace('{delta}', delta).replace('{what}', model);
  }
  if (change.delta === 0) return h.same;
  const said = change.factors.map((c) => factorChangeInWords(c, lang, h, words, opts.names)).filter((s): s is string => !!s);
  return said.length ? h.moved.replace('{delta}', delta).replace('{what}', said.join(h.list_sep)) : delta;
}

/** Every point of a history with what moved it, in order (the card's list). */
export function historyInWords(points: readonly HistoryPoint[], lang: Lang, opts: { words?: ScoringWords; names?: UserNames; max?: number } = {}): { at: number; probability: number; text: string }[] {
  return points.map((p, i) => ({ at: p.at, probability: p.probability, text: pointChangeInWords(pointChange(points[i - 1], p, opts.max), lang, opts) }));
}
