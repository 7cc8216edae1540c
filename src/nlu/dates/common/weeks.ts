/** Week arithmetic shared by the weekday parsers (weeks start on Monday, nlu.md). */
import { addDays, CivilDate, isoWeekday } from '../clock';

/** `iso` weekday (1 = Monday) in the week that contains `today`, shifted by `weeks`. */
export function weekdayInWeek(today: CivilDate, iso: number, weeks: number): CivilDate {
  return addDays(today, iso - isoWeekday(today) + 7 * weeks);
}

/** The first `iso` weekday strictly after `today` (nlu.md: today itself only with "сегодня"). */
export function firstWeekdayAfter(today: CivilDate, iso: number): CivilDate {
  const ahead = (iso - isoWeekday(today) + 7) % 7 || 7;
  return addDays(today, ahead);
}

/** chrono numbers weekdays 0 = Sunday … 6 = Saturday. */
export function toChronoWeekday(iso: number): number {
  return iso % 7;
}

export function fromChronoWeekday(weekday: number): number {
  return weekday === 0 ? 7 : weekday;
}
