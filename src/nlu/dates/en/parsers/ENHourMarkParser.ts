/**
 * The clock written with an "h", as Brazilian, French and many European colleagues write it in
 * English: "at 14h", "14h30", "Wednesday 14h-16h" (the range joins as any two times do). The hour is
 * the 24-hour clock's. Only after a time's preposition, a day or the dash of a range: "the 4h
 * shift" is a length, and "for 2h", "in 2h" are ENDurationParser's and chrono's.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignTime } from '../../common/components';
import type { EnVocabulary } from '../vocabulary';

const HOUR = 1;
const MINUTES = 2;

export class ENHourMarkParser extends AbstractParser {
  private readonly before: RegExp;

  constructor(v: EnVocabulary) {
    super();
    this.before = new RegExp(`(?:(?:^|[^\\p{L}])(?:at|from|to|until|till|by|before|around|${v.weekday}|today|tomorrow|tonight|tmr|tmrw)\\s+|\\d(?:st|nd|rd|th)?,?\\s+|[-–]\\s*)$`, 'iu');
  }

  protected innerPattern(): string {
    return '([01]?\\d|2[0-3])h([0-5]\\d)?';
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const start = match.index ?? 0;
    if (!this.before.test(context.text.substring(Math.max(0, start - 14), start))) return null;
    return assignTime(context.createParsingComponents(), Number(match[HOUR]), Number(match[MINUTES] ?? 0), true);
  }
}
