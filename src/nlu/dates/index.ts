/**
 * The date and time extractor of the parser: finds every date/time expression in a Russian or
 * English command and resolves it per nlu.md's "Time conventions". Built as chrono-node
 * extensions (ru/ and en/ hold the parsers and refiners, grammars/dates-*.yaml the words).
 *
 *   const dates = createDateExtractor();                 // once: loads grammars, compiles patterns
 *   dates.extract('завтра в 9 утра', { now, timeZone: 'Europe/Moscow', lang: 'ru' });
 *   // → [{ index: 0, text: 'завтра в 9 утра', start: '2026-11-27T09:00', tags: [...] }]
 */
import { Chrono } from 'chrono-node';
import type { DateMention } from '../types';
import { checkMoment, chronoReference, wallClockAt } from './clock';
import { createENConfiguration } from './en/configuration';
import { alternation, DateGrammars, loadDateGrammars } from './grammar';
import { toMention } from './mention';
import type { DateParsingOption } from './meta';
import { enPrefilter, Prefilter, ruPrefilter } from './prefilter';
import { createRUConfiguration } from './ru/configuration';

export interface DateContext {
  now: Date;
  timeZone: string;
  lang: 'ru' | 'en';
}

export interface DateExtractor {
  extract(text: string, ctx: DateContext): DateMention[];
}

export interface DateExtractorOptions {
  /** Grammars already loaded (tests); default: grammars/dates-*.yaml of this repository. */
  grammars?: DateGrammars;
  /** Longest input read, in characters; the rest is ignored (a command is short). Default 10,000. */
  maxLength?: number;
  /** Skip chrono for text with no digit and no date word (prefilter.ts). Default true. */
  prefilter?: boolean;
}

export function createDateExtractor(options: DateExtractorOptions = {}): DateExtractor {
  const grammars = options.grammars ?? loadDateGrammars();
  const maxLength = options.maxLength ?? 10_000;
  const engines = {
    ru: new Chrono(createRUConfiguration(grammars.ru)),
    en: new Chrono(createENConfiguration(grammars.en)),
  };
  const repeats = {
    ru: recurrenceBefore(grammars.ru.recurrence),
    en: recurrenceBefore(grammars.en.recurrence),
  };
  const always: Prefilter = () => true;
  // A month name ending the text before an hour range (grammars/dates-en.yaml months).
  const monthEnd = new RegExp(`(?<!\\p{L})(?:${alternation(Object.keys(grammars.en.months))})\\.?\\s+$`, 'iu');
  // "units 4-6", "pages 10-12": the numbers of things, no hours (dates-en.yaml numberedNouns).
  const numbered = new RegExp(`(?<!\\p{L})(?:${alternation(grammars.en.numberedNouns.length ? grammars.en.numberedNouns : ['(?!)'])})\\s+$`, 'iu');
  // ("Oct-14" is a date, no code.)
  const monthWords = { ru: new Set(Object.keys(grammars.ru.months)), en: new Set(Object.keys(grammars.en.months)) };
  const filters = options.prefilter === false ? { ru: always, en: always } : { ru: ruPrefilter(grammars.ru), en: enPrefilter(grammars.en) };
  return {
    extract(text: string, ctx: DateContext): DateMention[] {
      if (typeof text !== 'string') throw new TypeError('text must be a string');
      const engine = engines[ctx.lang];
      if (!engine) throw new RangeError(`unsupported language "${String(ctx.lang)}"`);
      checkMoment(ctx.now, ctx.timeZone); // RangeError on a bad zone or now, even for text with no date
      const input = text.length > maxLength ? text.slice(0, maxLength) : text;
      if (!filters[ctx.lang](input)) return [];
      const wall = wallClockAt(ctx.now, ctx.timeZone);
      const option: DateParsingOption = { userTimeZone: ctx.timeZone };
      const coded = colonAfterTime(codeNumbers(input, monthWords[ctx.lang]));
      const results = engine.parse(ctx.lang === 'en' ? oClockHours(hourRanges(numberedThings(coded, numbered), monthEnd, numbered)) : coded, chronoReference(wall), option as object);
      const mentions: DateMention[] = [];
      for (const r of results) {
        const m = toMention(r as never);
        if (!m) continue;
        m.text = input.slice(m.index, m.index + m.text.length); // as said (hourRanges)
        const repeat = repeats[ctx.lang](input, m.index);
        if (repeat) mentions.push({ ...m, index: m.index - repeat, text: input.slice(m.index - repeat, m.index) + m.text });
        else mentions.push(m);
      }
      return mentions;
    },
  };
}

/**
 * "excavator EX-14", "рейс SU-1402": a number joined to letters by a hyphen is part of a code, no
 * hour or day. Its digits are hidden from chrono (same length, so every index holds).
 */
const MERIDIEM = new Set(['am', 'pm']);

function codeNumbers(text: string, months: Set<string>): string {
  if (!text.includes('-')) return text;
  // (A code opens with a capital, "EX-14", "Ту-154"; "11am-12pm" and "Oct-14" are times and dates.)
  return text.replace(/(\p{L}+)-(\d+)(?![\d:.,]\d)/gu, (m, word: string, digits: string) =>
    !/^\p{Lu}/u.test(word) || months.has(word.toLowerCase()) || MERIDIEM.has(word.toLowerCase()) ? m : `${word}-${'x'.repeat(digits.length)}`,
  );
}

/**
 * "на завтра в 8:30: встретить машину": a colon opening the content right after a time reads to
 * chrono as seconds to come; it is hidden (a space, same length).
 */
function colonAfterTime(text: string): string {
  return text.includes(':') ? text.replace(/(?<![\d:])(\d{1,2}:\d{2}):(?=\s|$)/g, '$1 ') : text;
}

/**
 * "lab 3.14", "room 2.30", "event 904": a dotted number, or one of three or four digits, after a
 * numbered noun is that thing's number, no time — hidden from chrono, same length. Most texts have
 * no such number and are returned as they are.
 */
function numberedThings(text: string, numbered: RegExp): string {
  if (!/\d{3}|\d\.\d/.test(text)) return text;
  return text.replace(/(?<![\d/.:-])(?:\d{1,3}\.\d{1,3}|\d{3,4})(?![\d/.:-])/g, (m: string, at: number) => (numbered.test(text.slice(Math.max(0, at - 20), at)) ? m.replace(/\d/g, 'x') : m));
}

/**
 * "tomorrow 9-11": chrono reads two hours joined by a hyphen as nothing (a day range after a month,
 * "April 9-11", stays); with an en dash it reads the hour range. Same length, so every index holds.
 */
function hourRanges(text: string, monthEnd: RegExp, numbered: RegExp): string {
  if (!text.includes('-')) return text;
  return text.replace(/(?<![\d/.:-])(\d{1,2})-(\d{1,2})(?![\d/.:-])/g, (m, a: string, b: string, at: number) => {
    const before = text.slice(Math.max(0, at - 20), at);
    // ("pages 10-12" numbers things: hidden from chrono, same length.)
    if (numbered.test(before)) return m.replace(/\d/g, 'x');
    return Number(a) <= 24 && Number(b) <= 24 && !daysOfMonth(before, monthEnd) ? `${a}–${b}` : m;
  });
}

/**
 * "30th of July 14 o'clock": chrono reads a two-digit number after a month as its year. An hour
 * with "o'clock" is read as "14:00" instead (padded before, so every offset stays the text's and
 * a mention that opens earlier — "at", the date — ends where "o'clock" does).
 */
function oClockHours(text: string): string {
  if (!/o['’]?\s?clock/i.test(text)) return text;
  return text.replace(/(?<![\d:.])(\d{1,2})\s+o['’]?\s?clock(?![\p{L}])/giu, (m, h: string) => (Number(h) <= 24 ? `${h}:00`.padStart(m.length, ' ') : m));
}

/** Does a month with no day before it end `before` ("April 9-11" is days; "5 April 9-11" hours)? */
function daysOfMonth(before: string, monthEnd: RegExp): boolean {
  const month = monthEnd.exec(before);
  return !!month && !/\d(?:st|nd|rd|th)?\s+(?:of\s+)?$/i.test(before.slice(0, month.index));
}

/**
 * "каждую пятницу", "every friday": nlu.md has no recurrence, so the date stands for its first
 * occurrence and the recurrence word joins the mention (it is no title word). Returns how many
 * characters before the mention belong to it (0: none).
 */
function recurrenceBefore(words: string[]): (text: string, index: number) => number {
  if (!words.length) return () => 0;
  const re = new RegExp(`${alternation(words)}\\s+(?:(?:в|во|по|on|at)\\s+)?$`, 'iu');
  return (text, index) => {
    const before = text.substring(Math.max(0, index - 24), index);
    const m = re.exec(before);
    if (!m || (m.index > 0 && /[\p{L}\p{N}]/u.test(before[m.index - 1]!))) return 0;
    return before.length - m.index;
  };
}

export { loadDateGrammars } from './grammar';
export type { DateGrammars } from './grammar';
