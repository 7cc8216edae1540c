/** Small helpers our parsers share to read the reference and fill components. */
import type { ParsingComponents, ParsingContext } from 'chrono-node';
import { CivilDate, WallClock, wallClockOfReference } from '../clock';

/** The user's wall clock at the reference moment (see clock.chronoReference). */
export function referenceClock(context: ParsingContext): WallClock {
  return wallClockOfReference(context.refDate);
}

export function assignDate(c: ParsingComponents, d: CivilDate): ParsingComponents {
  c.assign('year', d.year);
  c.assign('month', d.month);
  c.assign('day', d.day);
  return c;
}

/** Meridiem as chrono counts it: 0 = AM, 1 = PM. */
export function assignTime(c: ParsingComponents, hour: number, minute: number, meridiemKnown: boolean): ParsingComponents {
  c.assign('hour', hour);
  c.assign('minute', minute);
  if (meridiemKnown) c.assign('meridiem', hour >= 12 ? 1 : 0);
  return c;
}

/**
 * The hour before a named one ("без четверти восемь", "quarter to eight"), on a 24-hour clock — its
 * half of the day always settled here. With no утра/вечера said, the afternoon rule (1 to 7) is the
 * named hour's: "без четверти восемь" is 7:45, as "в восемь" is 8:00; "без четверти пять" is 16:45.
 */
export function hourBefore(named: number, kind: 'am' | 'pm' | 'night' | undefined): number {
  if (kind !== undefined) return applyMeridiem(named === 1 ? 12 : named - 1, kind);
  return (named >= 1 && named <= 7 ? named + 12 : named) - 1;
}

/** Apply "утра/дня/вечера/ночи" (or am/pm) to an hour said on a 12-hour clock. */
export function applyMeridiem(hour: number, kind: 'am' | 'pm' | 'night' | undefined): number {
  if (kind === 'pm' && hour < 12) return hour + 12;
  if ((kind === 'am' || kind === 'night') && hour === 12) return 0;
  return hour;
}
