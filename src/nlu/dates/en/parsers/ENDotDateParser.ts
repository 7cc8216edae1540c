/**
 * Dates written day first with dots, as German and Russian colleagues write them in English:
 * "12.7.", "14.9. 9:00", "12.07.2027". Only with the closing dot or a four-digit year — "18.30"
 * is a time — or after a deadline's or a day's word ("due 14.02", "by 31.05", "deadline 31.05"); never
 * after "at" ("at 11.05." is five past eleven).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';

const DAY = 1;
const MONTH = 2;
const DAY_DOTTED = 3;
const MONTH_DOTTED = 4;
const YEAR = 5;

export class ENDotDateParser extends AbstractParser {
  protected innerPattern(): string {
    // (The closing dot may be left out after "due", "on", "by", "deadline": "due 14.02", "on 3.11".)
    return '(?:(?<=(?:^|[^\\p{L}])(?:due|on|by|deadline|until|till|before)\\s+)(\\d{1,2})\\.(\\d{1,2})(?![.:\\d])|(\\d{1,2})\\.(\\d{1,2})\\.(?:(\\d{4})(?!\\d))?)';
  }

  protected override rightBoundary(): boolean {
    return false;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (/[\p{L}\p{N}_]/u.test(context.text.charAt(end)) || /\d/.test(context.text.charAt(start - 1))) return null;
    const day = Number(match[DAY] ?? match[DAY_DOTTED]);
    const month = Number(match[MONTH] ?? match[MONTH_DOTTED]);
    if (day < 1 || day > 31 || month < 1 || month > 12) return null;
    if (/(?:^|[^\p{L}])at\s+$/iu.test(context.text.substring(Math.max(0, start - 4), start))) return null;
    const c = context.createParsingComponents({ day, month });
    if (match[YEAR]) c.assign('year', Number(match[YEAR]));
    return c;
  }
}
