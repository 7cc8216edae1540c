/**
 * The 24-hour clock as ships, the military and many countries say it: "fourteen hundred",
 * "oh seven hundred", "ten hundred hours", "oh nine thirty", "sixteen thirty", and typed "0930",
 * "1400 hrs". The hour is what is said: no afternoon rule applies (nlu.md's am/pm are literal).
 * A bare four-digit number is a time only after "at" or a day, or with "hrs"/"hours" ("order
 * 1400 units" counts), and not before a capitalised name ("at 2200 Biscayne" is an address).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignTime } from '../../common/components';
import { alternation } from '../../grammar';
import type { EnVocabulary } from '../vocabulary';

const OH = 1;
const HOUR = 2;
const HUNDRED = 3;
const MINUTES = 4;
const DIGITS_H = 5;
const DIGITS_M = 6;
const HOURS_WORD = 7;

export class ENTwentyFourHourParser extends AbstractParser {
  private readonly dayBefore: RegExp;
  private readonly numberedBefore: RegExp;
  /** "sixteen hundred to seventeen hundred": a second 24-hour time after a range connector. */
  private readonly rangeAfter: RegExp;

  constructor(private readonly v: EnVocabulary) {
    super();
    this.numberedBefore = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(v.g.numberedNouns)})\\s*$`, 'iu');
    this.rangeAfter = new RegExp(
      `^\\s+${alternation(v.g.rangeConnectors)}\\s+(?:(oh|zero)\\s+)?(${v.cardinal})\\s+(?:(${alternation(v.g.hundred)})|(${v.minutes}))(?:\\s+(?:hours|hrs))?(?![\\p{L}\\p{N}_])`,
      'iu',
    );
    this.dayBefore = new RegExp(`(?:^|[^\\p{L}])(?:at|${v.weekday}|today|tomorrow|tonight|tmr|tmrw)\\s+$`, 'iu');
  }

  protected innerPattern(): string {
    const v = this.v;
    const hundred = alternation(v.g.hundred);
    return (
      `(?:(?:(oh|zero)\\s+)?(${v.cardinal})\\s+(?:(${hundred})|(${v.minutes}))(?:\\s+(?:hours|hrs|hr))?)` +
      `|(?:([01]\\d|2[0-3])([0-5]\\d)(?:\\s*(hrs|hours|hr|h)\\b)?)`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const v = this.v;
    const start = match.index ?? 0;
    if (this.numberedBefore.test(context.text.substring(Math.max(0, start - 12), start))) return null;
    if (match[DIGITS_H] !== undefined) {
      if (/\d/.test(context.text.charAt(start - 1)) || /\d/.test(context.text.charAt(start + match[0].length))) return null;
      if (!match[HOURS_WORD] && !this.dayBefore.test(context.text.substring(Math.max(0, start - 12), start))) return null;
      // "at 2200 Biscayne": a street number, its street's capitalised name right after it.
      if (!match[HOURS_WORD] && /^\s+\p{Lu}\p{Ll}/u.test(context.text.substring(start + match[0].length)) && !v.followerAfter(context.text, start + match[0].length)) return null;
      return assignTime(context.createParsingComponents(), Number(match[DIGITS_H]), Number(match[DIGITS_M]), true);
    }
    // "forty five am" and other tails of numbers are not hours.
    if (v.numberBeforeAt(context.text, start)) return null;
    const time = this.spoken(match[OH], match[HOUR]!, match[HUNDRED], match[MINUTES]);
    if (!time) return null;
    const c = assignTime(context.createParsingComponents(), time[0], time[1], true);
    const end = start + match[0].length;
    const r = this.rangeAfter.exec(context.text.substring(end, end + 60));
    const until = r ? this.spoken(r[1], r[2]!, r[3], r[4]) : null;
    if (!r || !until) return c;
    const result = context.createParsingResult(start, context.text.substring(start, end + r[0].length));
    result.start = c;
    result.end = assignTime(context.createParsingComponents(), until[0], until[1], true);
    return result;
  }

  /** [hour, minute] of a spoken 24-hour time, or null when the words are a count. */
  private spoken(oh: string | undefined, hourWord: string, hundred: string | undefined, minutesWord: string | undefined): [number, number] | null {
    const hour = this.v.cardinalValue(hourWord);
    if (hour === undefined || hour > 23) return null;
    // "two hundred" is a count: with "oh", or "ten hundred" and more.
    if (hundred) return oh || hour >= 10 ? [hour, 0] : null;
    const minute = this.v.cardinalValue(minutesWord ?? '');
    if (minute === undefined || minute >= 60) return null;
    // "oh nine thirty", "sixteen thirty": "oh" or an hour past twelve says the 24-hour clock.
    return oh || hour > 12 ? [hour, minute] : null;
  }
}
