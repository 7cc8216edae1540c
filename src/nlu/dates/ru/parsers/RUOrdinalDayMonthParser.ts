/**
 * "18-е февраля", "3-его марта 2015", "31-ое октября 1974", "к двадцать четвёртому февраля",
 * "двенадцатого декабря", "Пт, 18 июля 2014", "1-е мар.": a day (digits with a case suffix, or an
 * ordinal in any case) and a month name, with an optional year. chrono's little-endian parser
 * misses the hyphenated suffixes and the dative; this one covers both and wins on length.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import type { RuVocabulary } from '../vocabulary';

const WEEKDAY_GROUP = 1;
const DAY_GROUP = 2;
const MONTH_GROUP = 3;
const YEAR_GROUP = 4;
const SHORT_YEAR_GROUP = 5;

export class RUOrdinalDayMonthParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const v = this.v;
    return (
      `(?:(${v.weekday})\\.?\\s*,?\\s+)?` +
      `(\\d{1,2}(?:-?${v.daySuffix})?|${v.ordinal})` +
      `\\s*[-/]?\\s*(${v.month})\\.?` +
      // a 4-digit year, or a 2-digit one only when "года/г." says it is a year ("14 декабря 10 часов" is not)
      `(?:\\s*[-/]?\\s*(?:(\\d{4})(?![\\d:])|(\\d{2})(?=\\s*(?:года|год|г\\.?)))(?:\\s*(?:года|год|г\\.?)(?!\\p{L}))?)?`
    );
  }

  protected override rightBoundary(): boolean {
    return false; // the pattern may end in "." (мар., г.)
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    if (/[\p{L}\p{N}_]/u.test(context.text.charAt((match.index ?? 0) + match[0].length)) && !match[0].endsWith('.')) {
      return null;
    }
    const day = this.v.dayValue(match[DAY_GROUP]);
    const month = this.v.monthOf(match[MONTH_GROUP]);
    if (!day || !month || day > 31) return null;
    const c = context.createParsingComponents({ day, month });
    if (match[WEEKDAY_GROUP]) c.assign('weekday', (this.v.weekdayOf(match[WEEKDAY_GROUP]) ?? 7) % 7);
    const year = match[YEAR_GROUP] ? Number(match[YEAR_GROUP]) : match[SHORT_YEAR_GROUP] ? 2000 + Number(match[SHORT_YEAR_GROUP]) : undefined;
    if (year !== undefined) c.assign('year', year);
    return c;
  }
}
