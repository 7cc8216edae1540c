/**
 * Applies nlu.md's time conventions and makes every date component certain, so the extractor
 * can read only said/decided values (chrono's implied 12:00 and guessed years never leak out):
 * - day + month without a year: the next twelve months, today counting as not past;
 * - a day of the month alone: this month if not past, else the next;
 * - a weekday alone: the first such weekday after today;
 * - a time with no date: today if still ahead, else tomorrow;
 * - a range's end takes what it lacks from its start (same date; the next day if the time is earlier,
 *   also when a date said once was joined to both ends: "tomorrow from 11pm to 3am");
 * - an explicit zone ("16:00 CET") is converted into the user's zone.
 * Results with neither a date nor a time (month-only, year-only, a stray day-half word) are dropped.
 */
import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import {
  addDays,
  CivilDate,
  compareCivil,
  instantAtOffset,
  isValidCivil,
  WallClock,
  wallClockAt,
} from '../../clock';
import { assignDate, referenceClock } from '../components';
import { firstWeekdayAfter, fromChronoWeekday } from '../weeks';
import { CHRONO_NOW, CHRONO_RELATIVE_TIME, DateParsingOption, hasTime, isAllDayOnly, isModifierOnly, minutesOf } from '../../meta';

export class ResolveDateRefiner implements Refiner {
  get tag(): string {
    return `refiner/${this.constructor.name}`;
  }

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const now = referenceClock(context);
    const zone = (context.option as DateParsingOption).userTimeZone;
    return results.filter((r) => this.resolve(r, now, zone));
  }

  /** Returns false when the result cannot be a date of ours. */
  private resolve(result: ParsingResult, now: WallClock, zone: string | undefined): boolean {
    if (isModifierOnly(result) && !isAllDayOnly(result)) return true; // durations wait for their time
    const s = result.start;
    const e = result.end;
    if (e) borrowFromEnd(s, e);
    let start = dateOf(s, now);
    if (!start) {
      if (hasTime(s)) start = timeIsAhead(s, now) ? now : addDays(now, 1);
      else if (isAllDayOnly(result)) start = now;
      else return false;
    }
    if (!isValidCivil(start)) return false;
    assignDate(s, start);
    if (e) {
      const end = endDateOf(e, start, s);
      if (!end || !isValidCivil(end)) {
        result.end = undefined;
      } else {
        assignDate(e, end);
      }
    }
    const computed = result.tags().has(CHRONO_RELATIVE_TIME) || result.tags().has(CHRONO_NOW);
    if (zone && s.isCertain('timezoneOffset') && hasTime(s) && !computed) {
      toZone(s, zone);
      if (e && hasTime(e) && e.isCertain('timezoneOffset')) toZone(e, zone);
    }
    result.addTag(this.tag);
    return true;
  }
}

function timeIsAhead(c: ParsingComponents, now: WallClock): boolean {
  const said = (c.get('hour') ?? 0) * 60 + (c.isCertain('minute') ? c.get('minute') ?? 0 : 0);
  return said > now.hour * 60 + now.minute;
}

/** "с 14.10. по 15.10.2018": the start takes the month and year said only at the end. */
function borrowFromEnd(s: ParsingComponents, e: ParsingComponents): void {
  if (!s.isCertain('day')) return;
  if (!s.isCertain('month') && e.isCertain('month')) s.assign('month', e.get('month') as number);
  if (s.isCertain('month') && !s.isCertain('year') && e.isCertain('year') && e.isCertain('month')) {
    const year = e.get('year') as number;
    const startAfterEnd =
      (s.get('month') as number) > (e.get('month') as number) ||
      ((s.get('month') as number) === (e.get('month') as number) && (s.get('day') as number) > (e.get('day') as number));
    s.assign('year', startAfterEnd ? year - 1 : year);
  }
}

/** The date a start says, by the conventions; null when it says none. */
function dateOf(c: ParsingComponents, today: CivilDate): CivilDate | null {
  const day = c.isCertain('day') ? (c.get('day') as number) : undefined;
  const month = c.isCertain('month') ? (c.get('month') as number) : undefined;
  const year = c.isCertain('year') ? (c.get('year') as number) : undefined;
  if (day !== undefined && month !== undefined && year !== undefined) return { year, month, day };
  if (day !== undefined && month !== undefined) return nextOccurrence(today, month, day);
  if (day !== undefined) return nextDayOfMonth(today, day);
  if (c.isCertain('weekday')) return firstWeekdayAfter(today, fromChronoWeekday(c.get('weekday') as number));
  return null;
}

/** The end of a range, filled from its start and never before it. */
function endDateOf(e: ParsingComponents, start: CivilDate, s: ParsingComponents): CivilDate | null {
  const day = e.isCertain('day') ? (e.get('day') as number) : undefined;
  const month = e.isCertain('month') ? (e.get('month') as number) : undefined;
  const year = e.isCertain('year') ? (e.get('year') as number) : undefined;
  // ("tomorrow from 11pm to 3am", "on thursday at 11 pm till 2 am": a date or weekday joined both
  // ends; an end before its start is the next day.)
  const overnight = (same: CivilDate) => (compareCivil(same, start) === 0 && hasTime(e) && hasTime(s) && minutesOf(e) < minutesOf(s) ? addDays(start, 1) : same);
  if (day !== undefined && month !== undefined && year !== undefined) return overnight({ year, month, day });
  if (day !== undefined && month !== undefined) return nextOccurrence(start, month, day);
  if (day !== undefined) return nextDayOfMonth(start, day);
  if (e.isCertain('weekday')) return overnight(firstWeekdayAfter(addDays(start, -1), fromChronoWeekday(e.get('weekday') as number)));
  if (!hasTime(e)) return null;
  return minutesOf(e) < (hasTime(s) ? minutesOf(s) : 0) ? addDays(start, 1) : start;
}


/** month/day in the twelve months from `from` (inclusive); Feb 29 waits for a leap year. */
function nextOccurrence(from: CivilDate, month: number, day: number): CivilDate | null {
  for (let year = from.year; year <= from.year + 8; year++) {
    const d = { year, month, day };
    if (isValidCivil(d) && compareCivil(d, from) >= 0) return d;
  }
  return null;
}

/** A day of the month alone: this month if not past, else the next month that has that day. */
function nextDayOfMonth(from: CivilDate, day: number): CivilDate | null {
  let { year, month } = from;
  for (let i = 0; i < 13; i++) {
    const d = { year, month, day };
    if (isValidCivil(d) && compareCivil(d, from) >= 0) return d;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return null;
}

function toZone(c: ParsingComponents, zone: string): void {
  const said: WallClock = {
    year: c.get('year') as number,
    month: c.get('month') as number,
    day: c.get('day') as number,
    hour: c.get('hour') as number,
    minute: (c.get('minute') as number) ?? 0,
  };
  const local = wallClockAt(instantAtOffset(said, c.get('timezoneOffset') as number), zone);
  assignDate(c, local);
  c.assign('hour', local.hour);
  c.assign('minute', local.minute);
  c.delete('timezoneOffset');
}
