/**
 * "без четверти пять", "без пятнадцати пять", "без 10 три": minutes before the named hour
 * (the afternoon rule is the named hour's: 16:45, but "без четверти восемь" 7:45). "без четверти час" is 12:45.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignTime, hourBefore } from '../../common/components';
import { alternation, lookup } from '../../grammar';
import type { RuVocabulary } from '../vocabulary';

const MINUTES_WORD = 1;
const MINUTES_DIGITS = 2;
const HOUR = 3;
const MERIDIEM = 4;

export class RUQuarterToHourParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const before = alternation(Object.keys(this.v.g.minutesBefore));
    return (
      `(?:(?:в|к|до|с)\\s+)?без\\s+(?:(${before})|(\\d{1,2})(?:\\s*мин(?:ут[ыу]?|\\.)?)?)(?:\\s+минут)?` +
      `\\s+(\\d{1,2}|${this.v.cardinal})(?:\\s+(${this.v.meridiem}))?`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const minutes = match[MINUTES_WORD] ? lookup(this.v.g.minutesBefore, match[MINUTES_WORD]) : Number(match[MINUTES_DIGITS]);
    const named = this.v.cardinalValue(match[HOUR]);
    if (!minutes || minutes >= 60 || !named || named > 12) return null;
    const kind = this.v.meridiemOf(match[MERIDIEM]);
    return assignTime(context.createParsingComponents(), hourBefore(named, kind), 60 - minutes, true);
  }
}
