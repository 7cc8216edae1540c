/**
 * Numeric dates with dots or slashes, day first: "25.12", "15.2", "10.12.", "31.10.74",
 * "10.10.2013", and their ranges "14 - 15.10.", "14.10. - 15.10.", "14 - 15.10.18".
 * "в 10.10" without a year is a time ("в" + hour.minute), left to the time parsers.
 * Two-digit years take the century nearest to now (31.10.74 → 1974, 15.10.18 → 2018).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { referenceClock } from '../../common/components';

const FROM_DAY = 1;
const FROM_MONTH = 2;
const DAY = 3;
const MONTH = 4;
const YEAR = 5;
const TRAILING_DOT = 6;

export class RUDotDateParser extends AbstractParser {
  protected innerPattern(): string {
    return (
      '(?:(?:с|со|по|на|до|к|ко)\\s+)?(?:(\\d{1,2})(?:[./](\\d{1,2}))?[./]?\\s*[-–—]\\s*)?' +
      '(\\d{1,2})[./](\\d{1,2})(?:[./](\\d{4}|\\d{2})(?!\\d))?(\\.)?(?![\\d:])'
    );
  }

  protected override rightBoundary(): boolean {
    return false;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const end = (match.index ?? 0) + match[0].length;
    if (/[\p{L}\p{N}_]/u.test(context.text.charAt(end))) return null;
    const day = Number(match[DAY]);
    const month = Number(match[MONTH]);
    if (!valid(day, month)) return null;
    // "оценка 4.5" is a number; a yearless date has a two-digit day or month ("15.2", "01.04").
    if (!match[YEAR] && match[DAY].length === 1 && match[MONTH].length === 1) return null;
    const before = context.text.substring(Math.max(0, (match.index ?? 0) - 4), match.index);
    if (!match[YEAR] && !match[TRAILING_DOT] && !match[FROM_DAY] && /(?:^|[^\p{L}])(?:в|во|к|до)\s+$/iu.test(before)) {
      return null; // "в 10.10" is ten past ten
    }
    const year = match[YEAR] ? fullYear(match[YEAR], referenceClock(context).year) : undefined;
    const result = context.createParsingResult(match.index ?? 0, match[0]);
    result.start.assign('day', day).assign('month', month);
    if (year !== undefined) result.start.assign('year', year);
    if (match[FROM_DAY]) {
      const fromDay = Number(match[FROM_DAY]);
      const fromMonth = match[FROM_MONTH] ? Number(match[FROM_MONTH]) : month;
      if (!valid(fromDay, fromMonth)) return null;
      const from = context.createParsingComponents({ day: fromDay, month: fromMonth });
      if (year !== undefined) from.assign('year', year);
      result.end = result.start;
      result.start = from;
    }
    return result;
  }
}

function valid(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

function fullYear(said: string, refYear: number): number {
  if (said.length === 4) return Number(said);
  const yy = Number(said);
  const century = Math.floor(refYear / 100) * 100;
  const candidates = [century - 100 + yy, century + yy, century + 100 + yy];
  return candidates.reduce((best, y) => (Math.abs(y - refYear) < Math.abs(best - refYear) ? y : best));
}
