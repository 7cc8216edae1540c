/**
 * The 24-hour clock as ships, the military and many countries say it: "fourteen hundred",
 * "oh seven hundred", "ten hundred hours", "oh nine thirty", "sixteen thirty", and typed "0930",
 * "1400 hrs". The hour is what is said: no afternoon rule applies (nlu.md's am/pm are literal).
 * A bare four-digit number is a time only after "at" or a day, or with "hrs"/"hours" ("order
 * 1400 units" counts).
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

  constructor(private readonly v: EnVocabulary) {
    super();
    this.numberedBefore = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(v.g.numberedNouns)})\\s*$`, 'iu');
    this.dayBefore = new RegExp(`(?:^|[^\\p{L}])(?:at|${v.weekday}|today|tomorrow|tonight|tmr|tmrw)\\s+$`, 'iu');
  }

  protected innerPattern(): string {
    const v = this.v;
    const hundred = alternation(v.g.hundred);
    const hours = '(?:\\s+(hours|hrs|hr|h))?';
    return (
      `(?:(?:(oh|zero)\\s+)?(${v.cardinal})\\s+(?:(${hundred})|(${v.minutes}))${hours.replace('(hours|hrs|hr|h)', '(?:hours|hrs|hr)')})` +
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
      return assignTime(context.createParsingComponents(), Number(match[DIGITS_H]), Number(match[DIGITS_M]), true);
    }
    const hour = v.cardinalValue(match[HOUR]!);
    if (hour === undefined || hour > 23) return null;
    // "forty five am" and other tails of numbers are not hours.
    if (v.numberBeforeAt(context.text, start)) return null;
    if (match[HUNDRED]) {
      // "two hundred" is a count: with "oh" or an hour past twelve, or "ten hundred" and more.
      if (!match[OH] && hour < 10) return null;
      return assignTime(context.createParsingComponents(), hour, 0, true);
    }
    const minute = v.cardinalValue(match[MINUTES]!);
    if (minute === undefined || minute >= 60) return null;
    // "oh nine thirty", "sixteen thirty": "oh" or an hour past twelve says the 24-hour clock.
    if (!match[OH] && hour <= 12) return null;
    return assignTime(context.createParsingComponents(), hour, minute, true);
  }
}
