/**
 * Speech recognisers drop the colon: "в 13 15", "в 11 30", "в 5 30" are 13:15, 11:30, 5:30 (the
 * afternoon rule then makes the last 17:30). Needs a preposition, and must not be followed by a
 * unit or month ("в 12 30 минут", "на 12 30 декабря" are something else).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { applyMeridiem, assignTime } from '../../common/components';
import type { RuVocabulary } from '../vocabulary';

const HOUR = 1;
const MINUTE = 2;
const MERIDIEM = 3;

export class RUSpokenClockParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return (
      `(?:в|во|к|ко|до|с|со|на)\\s+(\\d{1,2})\\s+(\\d{2})` +
      `(?!\\d|\\s*(?:${this.v.month}|мин|час|ч(?!\\p{L})|числ|год|г\\.|[-.:/]\\d))` +
      `(?:\\s+(${this.v.meridiem}))?`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const said = Number(match[HOUR]);
    const minute = Number(match[MINUTE]);
    if (said > 23 || minute > 59) return null;
    const kind = this.v.meridiemOf(match[MERIDIEM]);
    return assignTime(context.createParsingComponents(), applyMeridiem(said, kind), minute, kind !== undefined);
  }
}
