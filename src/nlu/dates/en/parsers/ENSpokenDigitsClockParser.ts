/**
 * Speech recognisers drop the colon in English too: "at 9 30 am", "at 11 45", "from 2 15 pm".
 * Needs a time preposition and must not be followed by a unit ("at 9 30 minutes" is something
 * else); the afternoon rule applies as for "at 3".
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { applyMeridiem, assignTime } from '../../common/components';
import type { EnVocabulary } from '../vocabulary';

const HOUR = 1;
const MINUTE = 2;
const MERIDIEM = 3;

export class ENSpokenDigitsClockParser extends AbstractParser {
  constructor(private readonly v: EnVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return (
      `(?:at|by|from|to|until|till)\\s+(\\d{1,2})\\s+(\\d{2})` +
      `(?!\\d|\\s*(?:min|hour|hr|sec|day|week|month|year|[-.:/]\\d))` +
      `(?:\\s*(${this.v.meridiem}))?`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const said = Number(match[HOUR]);
    const minute = Number(match[MINUTE]);
    if (said > 23 || minute > 59) return null;
    const kind = this.v.meridiemOf(match[MERIDIEM]);
    if (kind && said > 12) return null;
    return assignTime(context.createParsingComponents(), applyMeridiem(said, kind), minute, kind !== undefined || said >= 13);
  }
}
