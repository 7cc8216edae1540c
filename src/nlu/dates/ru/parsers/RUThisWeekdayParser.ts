/** "в эту пятницу", "этот вторник": that weekday in the current week (nlu.md), even if it has passed. */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { toChronoWeekday, weekdayInWeek } from '../../common/weeks';
import { TAG_FIXED_DATE } from '../../meta';
import type { RuVocabulary } from '../vocabulary';

export class RUThisWeekdayParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return `(?:(?:в|во|на|к|ко|до)\\s+)?${this.v.thisWord}\\s+(${this.v.weekday})`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const iso = this.v.weekdayOf(match[1]);
    if (!iso) return null;
    const c = assignDate(context.createParsingComponents(), weekdayInWeek(referenceClock(context), iso, 0));
    c.assign('weekday', toChronoWeekday(iso));
    return c.addTag(TAG_FIXED_DATE);
  }
}
