/**
 * An hour said as a word after a preposition: "в три", "в девять", "с двух до четырёх", "к пяти".
 * A number word is common outside times ("в два раза", "минут на десять"), so it counts only
 * after в/с/до/к and only when the phrase ends there (end, punctuation, or a connector word).
 * Day halves and "часов" after the word are RUHourMinuteTimeParser's.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignTime } from '../../common/components';
import type { RuVocabulary } from '../vocabulary';

const HOUR_GROUP = 1;

export class RUNumberWordsTimeParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return (
      `(?:в|во|с|со|до|к|ко)\\s+(${this.v.cardinal})` +
      `(?=\\s*$|\\s*[,.;:!?)»"']|\\s+(?:до|по|и|на|в|во|с|со|к|ко)(?![\\p{L}]))`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const hour = this.v.cardinalValue(match[HOUR_GROUP]);
    if (hour === undefined || hour > 23) return null;
    return assignTime(context.createParsingComponents(), hour, 0, false);
  }
}
