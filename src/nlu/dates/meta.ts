/**
 * What we attach to chrono results beyond date components. chrono results carry only components
 * and tags, so our flags travel as tags (they survive chrono's merges, which union the tags).
 */
import type { ParsingResult, ParsingComponents } from 'chrono-node';

/** Said as a deadline: до пятницы, к понедельнику, сроком …, by Friday, due …. */
export const TAG_DEADLINE = 'b24/deadline';
/** "на весь день", "all day". */
export const TAG_ALL_DAY = 'b24/allDay';
/** A duration said after a time ("на 2 часа"); the minutes follow the '='. */
export const TAG_DURATION = 'b24/duration=';
/** A length said as an adjective before what it measures ("a 30-minute call"): its time may come later. */
export const TAG_DURATION_AHEAD = 'b24/durationAhead';
/** Where a length said apart from its time stands ("book 30 min with Giorgi Monday 9am"):
 *  `b24/lengthAt=<index>,<characters>`; its words are the date's though the mention's text is the time's. */
export const TAG_LENGTH_AT = 'b24/lengthAt=';
/** "by EOD", "до конца дня": the end of today, unless a day is said right after it ("by EOD Friday"). */
export const TAG_END_OF_DAY = 'b24/endOfDay';
/** A parser already placed the date (next/this weekday, end of week): do not move it forward. */
export const TAG_FIXED_DATE = 'b24/fixedDate';
/** A relative moment computed from now (через 2 часа): every component is already final. */
export const CHRONO_RELATIVE_TIME = 'result/relativeDateAndTime';
/** "now": chrono stamps it with the reference's own offset (the server's), which is no zone the user said. */
export const CHRONO_NOW = 'casualReference/now';

export function durationMinutes(result: ParsingResult): number | undefined {
  for (const tag of result.tags()) {
    if (tag.startsWith(TAG_DURATION)) return Number(tag.slice(TAG_DURATION.length));
  }
  return undefined;
}

export function isAllDayOnly(result: ParsingResult): boolean {
  return result.tags().has(TAG_ALL_DAY) && result.start.getCertainComponents().length === 0;
}

/** A result that carries no date or time of its own (a duration or "весь день" waiting to merge). */
export function isModifierOnly(result: ParsingResult): boolean {
  return durationMinutes(result) !== undefined || isAllDayOnly(result);
}

export function hasDate(c: ParsingComponents): boolean {
  return c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month') || c.isCertain('year');
}

export function hasTime(c: ParsingComponents): boolean {
  return c.isCertain('hour');
}

/** The time of day in minutes (0 where no hour or minute is set). */
export function minutesOf(c: ParsingComponents): number {
  return (c.get('hour') ?? 0) * 60 + (c.get('minute') ?? 0);
}

/** Our own options riding on chrono's ParsingOption. */
export interface DateParsingOption {
  /** The user's IANA zone, so an explicit "16:00 CET" can be converted into it. */
  userTimeZone?: string;
}
