/**
 * Parts of the day with the hour nlu.md gives them: утром 09:00, в обед 13:00, после обеда 14:00,
 * днём 13:00, вечером 19:00, в полдень 12:00, в полночь 00:00. chrono's RUCasualTimeParser only
 * implies its hours (and different ones), so it is replaced by this.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignTime } from '../../common/components';
import { alternation, lookup } from '../../grammar';
import type { RuVocabulary } from '../vocabulary';

export class RUDayPartParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return `(${alternation(Object.keys(this.v.g.dayParts))})`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const hour = lookup(this.v.g.dayParts, match[1]);
    if (hour === undefined) return null;
    // "поздравить с днём рождения": "с" and an instrumental congratulate on a day, no time ("с утра"
    // is the genitive).
    if (/(?:ом|ем|ём|ью)$/i.test(match[1]!) && /(?:^|[^\p{L}])с\s+$/iu.test(context.text.substring(Math.max(0, (match.index ?? 0) - 3), match.index))) return null;
    return assignTime(context.createParsingComponents(), hour, 0, true);
  }
}
