/**
 * nlu.md: an hour from 1 to 7 said with no утра/ночи (or am) means the afternoon: "в 3" → 15:00,
 * "в 5 30" → 17:30, "с двух до четырёх" → 14:00–16:00. A day half said explicitly fixes the
 * meridiem; a typed leading zero ("05:30") is literal; relative moments (через 2 часа) are final.
 * Runs before any merge, so the text it looks at is the time's own. A range whose end is said in
 * the morning ("from 6 to 9 am") keeps its start in the morning.
 */
import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { CHRONO_RELATIVE_TIME, minutesOf } from '../../meta';
const LEADING_ZERO = /(?:^|[^\d])0[1-7](?:[:.ч]|\s*час)/i;

export class AfternoonHourRefiner implements Refiner {
  get tag(): string {
    return `refiner/${this.constructor.name}`;
  }

  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const result of results) {
      if (result.tags().has(CHRONO_RELATIVE_TIME) || LEADING_ZERO.test(result.text)) continue;
      // "from 6 to 9 am": a morning end said outright is the range's half of the day too.
      const morningEnd = !!result.end && result.end.isCertain('meridiem') && result.end.get('meridiem') === 0 && minutesOf(result.end) > minutesOf(result.start);
      const shiftedStart = morningEnd ? false : this.shift(result.start);
      // ("с 23 до 2", "from 11pm till 2": an end that would still come before an evening start is the
      // night after it, no afternoon.)
      const overnight = !!result.end && result.start.isCertain('hour') && !result.end.isCertain('meridiem') && minutesOf(result.end) + 12 * 60 < minutesOf(result.start);
      const shiftedEnd = result.end && !overnight ? this.shift(result.end) : false;
      if (shiftedStart || shiftedEnd) result.addTag(this.tag);
    }
    return results;
  }

  private shift(c: ParsingComponents): boolean {
    if (!c.isCertain('hour') || c.isCertain('meridiem')) return false;
    const hour = c.get('hour') ?? 0;
    if (hour < 1 || hour > 7) return false;
    c.assign('hour', hour + 12);
    c.assign('meridiem', 1);
    return true;
  }
}
