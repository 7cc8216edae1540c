/**
 * Hours said in words, as speech recognisers write them: "two pm", "at ten am", "at five
 * o'clock", "at eleven thirty", "six thirty am", "twelve noon", "six in the morning",
 * "tonight at nine". am/pm are literal (nlu.md); without them the afternoon rule applies later.
 * A bare hour ("at five") is a time only after a time preposition and when what follows cannot be
 * counted by it ("at five hours" is not); "for five thirty" needs its minutes.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { applyMeridiem, assignDate, assignTime, referenceClock } from '../../common/components';
import { alternation, lookup } from '../../grammar';
import { TAG_FIXED_DATE } from '../../meta';
import type { EnVocabulary } from '../vocabulary';

const DAY_PART = 1;
const HOUR = 2;
const HUNDRED = 3;
const MINUTES = 4;
const O_CLOCK = 5;
const MERIDIEM = 6;
const NOON = 7;

/** "tonight at nine": the day part fixes the half of the day and the date (today). */
const DAY_PART_HALF: Record<string, 'am' | 'pm'> = { tonight: 'pm', 'this evening': 'pm', 'this afternoon': 'pm', 'this morning': 'am' };

export class ENSpokenTimeParser extends AbstractParser {
  /** The end of a range said right after ("six and nine am"): its am/pm is the start's too. */
  private readonly rangeEnd: RegExp;

  /** "sunday three till five", "thursday eleven to twelve thirty": a bare spoken range right after a
   *  day, with no "from". */
  private readonly bareRange: RegExp;
  private readonly dayBefore: RegExp;

  constructor(private readonly v: EnVocabulary) {
    super();
    const connectors = alternation(v.g.rangeConnectors);
    this.bareRange = new RegExp(`^\\s+${connectors}\\s+(${v.hour})(?:\\s+(${v.minutes}))?(?![\\p{L}\\p{N}_])`, 'iu');
    this.dayBefore = new RegExp(`(?:^|[^\\p{L}])(?:${v.weekday}|today|tomorrow)\\s+$`, 'iu');
    this.rangeEnd = new RegExp(
      `^\\s*${connectors}\\s+(${v.hour})(?:\\s+${v.minutes})?(?:\\s+${v.oClock})?\\s+(${v.meridiem})(?![\\p{L}\\p{N}_])`,
      'iu',
    );
  }

  protected innerPattern(): string {
    const v = this.v;
    return (
      `(?:(tonight|this\\s+evening|this\\s+afternoon|this\\s+morning)\\s+at\\s+)?` +
      `(${v.hour}|[1-9](?![\\d:.]))(?:\\s+(${v.hundred})(?:\\s+and)?)?(?:\\s+(${v.minutes}))?(?:\\s+(${v.oClock}))?(?:\\s+(?:(${v.meridiem})|(${v.noon})))?`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const v = this.v;
    // "by 5": a one-digit hour after a preposition, which chrono drops as a lone digit.
    const digit = /^\d$/.test(match[HOUR]!);
    if (digit && (match[HUNDRED] || match[MINUTES])) return null;
    const said = digit ? Number(match[HOUR]) : v.cardinalValue(match[HOUR]);
    const minute = match[MINUTES] ? v.cardinalValue(match[MINUTES]) ?? NaN : 0;
    if (said === undefined || said < 1 || said > 12 || !(minute >= 0 && minute < 60)) return null;
    const start = match.index ?? 0;
    const end = start + match[0].length;
    // "forty five am" is the tail of a number, not five o'clock.
    if (!match[DAY_PART] && v.numberBeforeAt(context.text, start)) return null;
    // "six hundred and forty five am": only with am/pm, else it is a count.
    if (match[HUNDRED] && !match[MERIDIEM]) return null;
    const dayPart = match[DAY_PART] ? DAY_PART_HALF[match[DAY_PART].toLowerCase().replace(/\s+/g, ' ')] : undefined;
    if (match[NOON]) {
      // "twelve noon" / "twelve midnight" only; "five noon" is not a time.
      const hour = lookup(v.g.noonWords, match[NOON]);
      if (said !== 12 || hour === undefined || match[MINUTES]) return null;
      return assignTime(context.createParsingComponents(), hour, 0, true);
    }
    let kind = v.meridiemOf(match[MERIDIEM]) ?? dayPart ?? this.rangeEndHalf(context.text, end, said);
    if (!kind && !match[O_CLOCK] && !dayPart) {
      const before = context.text.substring(Math.max(0, start - 12), start);
      const withPreposition = v.prepositionBefore(context.text, start) || (match[MINUTES] !== undefined && /(?:^|\s)for\s+$/i.test(before));
      // ("thursday nine thirty": an hour and its minutes right after a day are its time.)
      const dayTime = !withPreposition && match[MINUTES] !== undefined && this.dayBefore.test(context.text.substring(Math.max(0, start - 12), start)) && v.followerAfter(context.text, end);
      // ("cancel the four thirty call", "my nine fifteen": an hour and its minutes after an article or
      // a possessive name the meeting held then.)
      const prev = /([\p{L}']+)\s+$/u.exec(before)?.[1]?.toLowerCase();
      // (Not a count of things: "the four fifty units".)
      const counted = /^\s+\p{L}*[^s\W]s\b/iu.test(context.text.substring(end, end + 30));
      const named = !withPreposition && !counted && match[MINUTES] !== undefined && minute >= 10 && prev !== undefined && v.g.halfHourAfter.includes(prev);
      if (named) return assignTime(context.createParsingComponents(), applyMeridiem(said, kind), minute, false);
      if (!withPreposition && !dayTime) {
        const range = this.dayBefore.test(context.text.substring(Math.max(0, start - 12), start)) ? this.bareRange.exec(context.text.substring(end, end + 40)) : null;
        const until = range ? v.cardinalValue(range[1]!) : undefined;
        // ("thursday eleven to twelve thirty": the end may have its minutes.)
        const untilMinute = range?.[2] ? v.cardinalValue(range[2]) : 0;
        if (!range || until === undefined || untilMinute === undefined || untilMinute >= 60 || match[MINUTES] || !v.followerAfter(context.text, end + range[0].length)) return null;
        const result = context.createParsingResult(start, context.text.substring(start, end + range[0].length));
        assignTime(result.start, said, 0, false);
        result.end = assignTime(context.createParsingComponents(), until, untilMinute, false);
        return result;
      }
      if (!v.followerAfter(context.text, end)) return null;
    }
    const hour = applyMeridiem(said, kind);
    const c = assignTime(context.createParsingComponents(), hour, minute, kind !== undefined);
    if (dayPart) assignDate(c, referenceClock(context)).addTag(TAG_FIXED_DATE);
    return c;
  }

  private rangeEndHalf(text: string, end: number, said: number): 'am' | 'pm' | undefined {
    const m = this.rangeEnd.exec(text.substring(end, end + 60));
    if (!m) return undefined;
    const endSaid = this.v.cardinalValue(m[1]) ?? 0;
    return said % 12 <= endSaid % 12 ? this.v.meridiemOf(m[2]) : undefined;
  }
}
