/**
 * "в половине третьего", "в полтретьего", "пол-третьего": half past the hour before the one named
 * (2:30; the afternoon rule makes it 14:30). "в половине первого" is 12:30.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { applyMeridiem, assignTime } from '../../common/components';
import type { RuVocabulary } from '../vocabulary';

const HOUR = 1;
const MERIDIEM = 2;

export class RUHalfPastHourParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return `(?:(?:в|к|до|с)\\s+)?(?:половин[еуы]\\s+|пол\\s*-?\\s*)(${this.v.ordinal})(?:\\s+(${this.v.meridiem}))?`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const named = this.v.ordinalValue(match[HOUR]);
    if (!named || named > 12) return null;
    const kind = this.v.meridiemOf(match[MERIDIEM]);
    const hour = applyMeridiem(named - 1 === 0 ? 12 : named - 1, kind);
    return assignTime(context.createParsingComponents(), hour, 30, kind !== undefined);
  }
}
