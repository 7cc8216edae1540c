/**
 * One utterance while its slots are assembled (tokens, which of them a slot has used) and the
 * steps every intent's slot reader shares: quotes, mention spans, trimming, the words left over.
 */
import type { Token } from './tokens';
import { questionAsFiller } from './intent';
import type { LangGrammar } from './parser';
import type { DateMention, Lang, PersonMention } from './types';

/** Everything known about one utterance while its slots are assembled. */
export class Utterance {
  readonly used: boolean[];
  /** Each token's normal form, made once: slot readers ask for it inside their loops. */
  readonly words: readonly string[];
  constructor(
    readonly text: string,
    readonly lang: Lang,
    readonly tokens: Token[],
    readonly g: LangGrammar,
  ) {
    this.used = tokens.map(() => false);
    this.words = tokens.map((t) => t.norm);
  }
  /** Token indices overlapping the character span [start, end). */
  tokensIn(start: number, end: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.end > start && t.start < end) out.push(i);
    }
    return out;
  }
  tokenAt(char: number): number {
    return this.tokens.findIndex((t) => t.start === char);
  }
  use(indices: Iterable<number>): void {
    for (const i of indices) this.used[i] = true;
  }
  slice(fromToken: number, toTokenExclusive: number): string {
    if (toTokenExclusive <= fromToken) return '';
    return this.text.slice(this.tokens[fromToken]!.start, this.tokens[toTokenExclusive - 1]!.end);
  }
}

/** Quoted segments of the text: «…», "…", “…”, „…“. */
// «…», "…", “…”, „…“, ‘…’ and '…' — a single quote opening after no letter and closing before
// none ('Thesis committee – Daniel Okafor'); an apostrophe inside a word stays ('Dan's review').
const QUOTES = /«([^»]*)»|"([^"]*)"|“([^”]*)”|„([^“”]*)[“”]|‘([^’]*)’|(?<![\p{L}\p{N}'])'((?:[^'\n]|(?<=\p{L})'(?=\p{L}))+)'(?![\p{L}\p{N}])/gu;

export function quotes(text: string): { start: number; end: number; inner: string }[] {
  const out: { start: number; end: number; inner: string }[] = [];
  const re = QUOTES;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '').trim();
    if (inner) out.push({ start: m.index, end: m.index + m[0].length, inner });
  }
  return out;
}

/** Mentions outside quotes: words in quotes are a title, never a date or a person. */
export function visible<T extends { index: number }>(mentions: T[], text: string): T[] {
  const q = quotes(text);
  if (!q.length) return mentions;
  return mentions.filter((m) => !q.some((s) => m.index >= s.start && m.index < s.end));
}

/** The words said before the command that only call on the assistant ("попроси Битрикс24",
 *  "мне нужно", "can you", "hey"): never a title, a text or a person. */
export function useLeadIn(u: Utterance, firstTrigger: number): void {
  let i = 0;
  // A lead-in may open with the command's own word ("нужно чтобы ты поставил задачу": "нужно").
  while (i <= firstTrigger && i < u.tokens.length) {
    if (u.tokens[i]!.kind === 'punct') {
      i++;
      continue;
    }
    // "да, напиши Милане …", "нет, напиши …": a yes or no said before the command is no word of it.
    // ("ну что, поставь задачу …": a question word said as a filler too.)
    const n = u.g.intents.leadIn.matchAt(u.words, i) || replyOpenerAt(u, i) || questionAsFiller(u.tokens, u.words, i, u.g.intents);
    if (!n) break;
    for (let k = i; k < i + n; k++) u.used[k] = true;
    i += n;
  }
}

/** A yes or no at token i (confirm and reject replies): its length, or 0. */
function replyOpenerAt(u: Utterance, i: number): number {
  for (const [intent, set] of u.g.intents.replies) if (intent === 'confirm' || intent === 'reject') {
    const n = set.matchAt(u.words, i);
    if (n) return n;
  }
  return 0;
}

/** Is token i an unknown capitalised name right after "to"/"for" (English), for "send a message to Bob"? */
export function isUnknownNameAt(u: Utterance, i: number): boolean {
  const t = u.tokens[i];
  if (!t || u.lang !== 'en' || t.kind !== 'word') return false;
  return /^\p{Lu}/u.test(t.text) && !!u.tokens[i - 1] && ['to', 'for'].includes(u.tokens[i - 1]!.norm);
}

/** The token range of a person mention, with its preposition when that stands right before it. */
export function personTokens(u: Utterance, p: PersonMention): number[] {
  const idx = u.tokensIn(p.index, p.end);
  const first = idx[0];
  if (first !== undefined && p.preposition && first > 0 && u.tokens[first - 1]!.norm === p.preposition) idx.unshift(first - 1);
  // ("на доктора Пахомова": the role word between them is the mention's too.)
  else if (first !== undefined && p.roleWord && first > 1 && u.tokens[first - 2]!.norm === p.preposition) idx.unshift(first - 2, first - 1);
  return idx;
}

export function dateTokens(u: Utterance, d: DateMention): number[] {
  const own = u.tokensIn(d.index, d.index + d.text.length);
  // (A length said apart from its time, "book 30 min with Giorgi Monday 9am", is the date's too.)
  return d.lengthAt ? [...u.tokensIn(d.lengthAt.index, d.lengthAt.index + d.lengthAt.length), ...own] : own;
}

/** Closing marks and the opening mark each answers. */
const CLOSERS: Record<string, string> = { '»': '«', '”': '“', ')': '(', '"': '"' };

/** Trim punctuation and edge words ("и", "to", "please") from both ends of a token run. */
export function trimRun(u: Utterance, from: number, to: number): [number, number] {
  const edge = (i: number) => {
    const t = u.tokens[i]!;
    if (t.kind === 'punct') return true;
    return u.g.slots.edgeWords.hasWord(t.norm);
  };
  while (from < to && edge(from)) from++;
  // A closing quote or bracket stays when its opening one is in the run: "счёт ООО «Вектор»".
  const closes = (i: number) => {
    const close = u.tokens[i]!.text;
    const open = CLOSERS[close];
    if (!open) return false;
    for (let k = from; k < i; k++) if (u.tokens[k]!.text.includes(open)) return true;
    return false;
  };
  while (to > from && edge(to - 1) && !closes(to - 1)) to--;
  // "… by end of the week or not?", "… can?": a tag said to the assistant ends the run (the
  // utterance's last words, punctuation aside).
  let last = to;
  while (last < u.tokens.length && u.tokens[last]!.kind === 'punct') last++;
  if (last === u.tokens.length && u.g.slots.tailWords.size > 0) {
    for (let k = Math.max(from, to - 3); k < to; k++) {
      if (u.tokens[k]!.kind === 'word' && u.g.slots.tailWords.matchAt(u.words, k) === to - k) {
        to = k;
        while (to > from && edge(to - 1)) to--;
        break;
      }
    }
  }
  return [from, to];
}

export function runText(u: Utterance, from: number, to: number): string | undefined {
  const [a, b] = trimRun(u, from, to);
  // Runs of spaces fold (the skill's spoken name is padded with spaces in place).
  const s = u.slice(a, b).trim().replace(/ {2,}/g, ' ');
  return s ? s : undefined;
}


/** The words nobody used, joined: a title said without a marker ("поставь задачу позвонить клиенту"). */
export function residual(u: Utterance, from = 0, contiguous = false): string | undefined {
  const runs: string[] = [];
  let i = from;
  while (i < u.tokens.length) {
    if (u.used[i]) {
      if (contiguous && runs.length) break;
      if (contiguous && i > from) break;
      i++;
      continue;
    }
    let j = i;
    while (j < u.tokens.length && !u.used[j]) j++;
    const s = runText(u, i, j);
    if (s) runs.push(s);
    if (contiguous) break;
    i = j;
  }
  const s = runs.join(' ').trim();
  return s || undefined;
}

const ALL_DAY_ONLY_TAG = /AllDay|ResolveDate/;
/** "all day" with no date of its own (the date resolver gave it today). */
function isAllDayOnly(d: DateMention): boolean {
  if (!d.allDay) return false;
  for (const t of d.tags) if (!ALL_DAY_ONLY_TAG.test(t)) return false;
  return true;
}

const DATE_TAG = /Weekday|Casual|casualReference|DayOfMonth|OrdinalDay|DotDate|SpokenDate|NextWeek|EndOfWeek|Month|relativeDate|Slash|ISO|change\/day/;

/** Was a day said in the mention (by its parsers' tags), not only a time of an implied day? */
export function dateSaid(d: DateMention): boolean {
  return d.tags.some((t) => DATE_TAG.test(t));
}

/** Combine the date mentions of a command into start / end / allDay. */
export function timeSlots(dates: DateMention[]): { start?: string; end?: string; allDay?: boolean } {
  if (!dates.length) return {};
  // "all day" said apart from its date ("an all day offsite next wednesday", "на весь день
  // событие … в пятницу"): the date is the other mention's, not today.
  if (dates.length > 1 && dates.some(isAllDayOnly) && !dates.every(isAllDayOnly)) {
    const t = timeSlots(dates.filter((d) => !isAllDayOnly(d)));
    const out: { start?: string; end?: string; allDay?: boolean } = { start: t.start!.slice(0, 10), allDay: true };
    if (t.end && t.end.slice(0, 10) !== out.start) out.end = t.end.slice(0, 10);
    return out;
  }
  const first = dates[0]!;
  let start = first.start;
  let end = first.end;
  let allDay = first.allDay;
  for (const d of dates.slice(1)) {
    if (d.allDay && !d.start) allDay = true;
    else if (d.allDay && d.start.slice(0, 10) === start.slice(0, 10)) allDay = true;
    // A date said apart from its time ("на завтра … в 15:00"): keep the date, take the time.
    else if (start.length === 10 && d.start.length > 10 && !d.tags.includes('explicit-date')) {
      start = `${start}${d.start.slice(10)}`;
      if (d.end && d.end.length > 10) end = `${start.slice(0, 10)}${d.end.slice(10)}`;
    }
    // A time said before its day ("a 3pm meeting tomorrow"): the day is the later mention's.
    else if (start.length > 10 && d.start.length === 10 && !d.end && !dateSaid(first) && dateSaid(d)) {
      if (end && end.length > 10 && end.slice(0, 10) === start.slice(0, 10)) end = `${d.start}${end.slice(10)}`;
      start = `${d.start}${start.slice(10)}`;
    }
  }
  const out: { start?: string; end?: string; allDay?: boolean } = { start };
  if (end) out.end = end;
  if (allDay) {
    out.allDay = true;
    out.start = start.slice(0, 10);
  }
  return out;
}

export function isPrepositionOf(u: Utterance, i: number, p: PersonMention): boolean {
  if (!p.preposition || u.tokens[i]!.end > p.index) return false;
  if (u.tokens[i]!.norm === p.preposition) return true;
  // (…and the role word between it and the name: "с ответственным Муратом", "на доктора Пахомова".)
  return !!p.roleWord && u.tokens[i - 1]?.norm === p.preposition && (u.tokens[i + 1]?.start ?? Infinity) >= p.index;
}
