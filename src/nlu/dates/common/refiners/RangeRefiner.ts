/**
 * Joins the two halves of a range into one result with an end: "с 11 часов до 13 часов",
 * "с двух до четырёх", "18:30ч - 19:00ч", "с 12 декабря 10:00 по 15 декабря 15:00",
 * "с понедельника по среду", "from 10am to 12pm". The connector may stand between the halves or
 * open the second one's text ("до четырёх"); a word connector needs the opener ("с", "from")
 * before the first half, so "завтра до 15" stays a deadline.
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import { AbstractMergingRefiner, joinedText } from '../AbstractMergingRefiner';
import { alternation } from '../../grammar';
import { hasDate, hasTime, isModifierOnly, minutesOf } from '../../meta';

export interface RangeWords {
  openers: string[];
  connectors: string[];
}

export class RangeRefiner extends AbstractMergingRefiner {
  private readonly connector: RegExp;
  private readonly leadingConnector: RegExp;
  private readonly openerAtStart: RegExp;
  private readonly openerBefore: RegExp;

  /** timesOnly: the early pass, before dates are joined to times ("завтра с 14 до 15"). */
  constructor(words: RangeWords, private readonly timesOnly: boolean) {
    super();
    const conn = alternation(words.connectors);
    const open = alternation(words.openers);
    this.connector = new RegExp(`^\\s*(${conn})?\\s*$`, 'iu');
    this.leadingConnector = new RegExp(`^(${conn})\\s+`, 'iu');
    this.openerAtStart = new RegExp(`^${open}\\s`, 'iu');
    this.openerBefore = new RegExp(`(?:^|[^\\p{L}])${open}\\s+$`, 'iu');
  }

  protected shouldMerge(between: string, left: ParsingResult, right: ParsingResult, context: ParsingContext): boolean {
    if (left.end || right.end || isModifierOnly(left) || isModifierOnly(right)) return false;
    if (this.timesOnly && (hasDate(left.start) || hasDate(right.start) || !hasTime(left.start) || !hasTime(right.start))) return false;
    // A date-only half with a time-only half is a date and its time, not a range.
    if (hasDate(left.start) !== hasDate(right.start) && hasTime(left.start) !== hasTime(right.start)) return false;
    const inRight = this.leadingConnector.exec(right.text)?.[1] ?? '';
    const gap = `${between} ${inRight}`;
    const m = this.connector.exec(gap);
    if (!m || !m[1]) return false;
    if (/^[-–—]$/.test(m[1])) return true;
    // "Saturday 6am to Sunday 6pm": a day and a time at both ends need no opener to be one span.
    if (!this.timesOnly && hasDate(left.start) && hasTime(left.start) && hasDate(right.start) && hasTime(right.start)) return true;
    // "7:30am to noon": a clock time said in full (minutes or am/pm) and another time are one span.
    // ("four to five pm": so does a bare hour before one with am/pm.)
    if (this.timesOnly && (/\d[:.]\d\d|\d\s*[ap]\.?m\b/i.test(left.text) || /\b[ap]\.?m\.?$/i.test(right.text)) && /^\s*(?:to|till|until)\s*$/i.test(between)) return true;
    // "Web Summit, Nov 8 to Nov 11": a month and a day named at both ends are one span too.
    if (!this.timesOnly && [left.start, right.start].every((c) => c.isCertain('month') && c.isCertain('day') && !hasTime(c))) return true;
    // ("Wanjiru's visit, Wednesday to Friday next week": so are two weekdays, no time at either.)
    if (!this.timesOnly && [left.start, right.start].every((c) => c.isCertain('weekday') && !hasTime(c))) return true;
    const before = context.text.substring(Math.max(0, left.index - 10), left.index); // room for "between "
    return this.openerAtStart.test(left.text) || this.openerBefore.test(before);
  }

  protected merge(between: string, left: ParsingResult, right: ParsingResult): ParsingResult {
    const result = left.clone();
    result.text = joinedText(between, left, right);
    result.end = right.start.clone();
    // ("с 23 до 2": an end the afternoon rule made 14:00 that would still come before an evening
    // start is the night after it — 02:00, the next day by the date's resolution.)
    const end = result.end;
    const shifted = [...right.tags()].some((t) => t.endsWith('AfternoonHourRefiner'));
    if (shifted && hasTime(end) && hasTime(left.start) && (end.get('hour') ?? 0) >= 13 && minutesOf(end) < minutesOf(left.start)) {
      end.assign('hour', (end.get('hour') ?? 0) - 12);
      end.assign('meridiem', 0);
    }
    result.addTags(left.tags()); // clone() does not copy tags
    result.addTags(right.tags());
    return result;
  }
}
