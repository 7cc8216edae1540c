/**
 * A weekday in any case with its preposition: "в пятницу", "во вторник", "на среду", "в среде"…
 * chrono's RUWeekdayParser knows fewer case forms and leaves "во" out of the text. The date is the
 * first such weekday after today (resolved later, nlu.md).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { toChronoWeekday } from '../../common/weeks';
import type { RuVocabulary } from '../vocabulary';

export class RUWeekdayParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return `(?:(?:в|во|на|по)\\s+)?(${this.v.weekday})\\.?`;
  }

  protected override rightBoundary(): boolean {
    return false;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const end = (match.index ?? 0) + match[0].length;
    if (/[\p{L}\p{N}_]/u.test(context.text.charAt(end))) return null;
    const iso = this.v.weekdayOf(match[1]);
    if (!iso) return null;
    // Abbreviations (пн, ср, сб …) collide with ordinary words; take them only with a date after
    // ("сб, 21 сен."), which the day-month parser covers, a dot, a preposition before ("в чт") or a
    // clock time after ("чт 17:00"): chat shorthand for a day, never a word there.
    if (match[1].length <= 3 && !match[0].endsWith('.') && match[0] === match[1] && !/^[\s,]+(?:в\s+)?\d{1,2}[:.]\d{2}/u.test(context.text.slice(end))) return null;
    return context.createParsingComponents({ weekday: toChronoWeekday(iso) });
  }
}
