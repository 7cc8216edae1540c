/**
 * Minutes before or after a spoken hour: "half past three", "quarter past five", "ten past six",
 * "a quarter to five", "quarter of five", "twenty minutes to six". The hour may be digits
 * ("half past 3"). Before the hour only "quarter" or a count with "minutes" is read, so the
 * range "from five to seven" stays a range. British "at half eleven" is half past eleven.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { applyMeridiem, assignTime, hourBefore } from '../../common/components';
import { alternation, lookup } from '../../grammar';
import type { EnVocabulary } from '../vocabulary';

const WORD = 1;
const COUNT = 2;
const MINUTES_NOUN = 3;
const DIRECTION = 4;
const HOUR = 5;
const MERIDIEM = 6;

export class ENPastToHourParser extends AbstractParser {
  constructor(private readonly v: EnVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const v = this.v;
    const directions = alternation([...v.g.pastWords, ...v.g.toWords]);
    return (
      `(?:(${alternation(Object.keys(v.g.minuteWords))})|(${v.cardinal}|\\d{1,2})(\\s+minutes?)?)` +
      `\\s+(?:(${directions})\\s+)?(${v.hour}|\\d{1,2})(?:\\s+${v.oClock})?(?:\\s+(${v.meridiem}))?`
    );
  }

  /** Is the word before `index` a time preposition — one that opens no range ("at", not "from"),
   *  unless `ranges` (British "half eleven" is no range's end: "from ten till half eleven")? */
  private afterTimePreposition(text: string, index: number, ranges = false): boolean {
    const before = text.slice(Math.max(0, index - 20), index);
    const prev = /([\p{L}']+)\s+$/u.exec(before)?.[1]?.toLowerCase();
    if (ranges) {
      if (prev && this.v.g.halfHourAfter.includes(prev)) return true;
      // ("on Friday, half two", "tomorrow half three": right after a day, a comma between or not.)
      const day = /([\p{L}']+),?\s+$/u.exec(before)?.[1]?.toLowerCase();
      if (day && (this.v.g.halfHourAfterDays.includes(day) || this.v.g.weekdays[day] !== undefined)) return true;
    }
    if (!prev || !this.v.g.timePrepositions.includes(prev)) return false;
    return ranges || (!this.v.g.rangeOpeners.includes(prev) && !this.v.g.rangeConnectors.includes(prev));
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const v = this.v;
    // British "at half eleven" is 11:30: "half" with no direction, after a time preposition.
    if (!match[DIRECTION] && !(match[WORD] && lookup(v.g.minuteWords, match[WORD]) === 30 && this.afterTimePreposition(context.text, match.index ?? 0, true))) return null;
    const direction = (match[DIRECTION] ?? v.g.pastWords[0]!).toLowerCase();
    const past = v.g.pastWords.includes(direction);
    let minutes: number | undefined;
    if (match[WORD]) {
      minutes = lookup(v.g.minuteWords, match[WORD]);
      if (!past && minutes === 30) return null; // "half to five" is not said
    } else {
      minutes = /^\d/.test(match[COUNT]) ? Number(match[COUNT]) : v.cardinalValue(match[COUNT]);
      // "from five to seven" is a range; "at twenty to five" is 4:40 (a clock's five-minute step
      // after a time preposition that opens no range).
      if (!past && !match[MINUTES_NOUN] && !(minutes !== undefined && minutes % 5 === 0 && minutes < 30 && this.afterTimePreposition(context.text, match.index ?? 0))) return null;
    }
    const named = /^\d/.test(match[HOUR]) ? Number(match[HOUR]) : v.cardinalValue(match[HOUR]);
    if (!minutes || minutes >= 60 || !named || named > 12) return null;
    const kind = v.meridiemOf(match[MERIDIEM]);
    if (past) return assignTime(context.createParsingComponents(), applyMeridiem(named, kind), minutes, kind !== undefined);
    return assignTime(context.createParsingComponents(), hourBefore(named, kind), 60 - minutes, true);
  }
}
