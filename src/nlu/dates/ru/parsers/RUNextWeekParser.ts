/** "на следующей неделе": Monday of next week, date only (nlu.md). */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { weekdayInWeek } from '../../common/weeks';
import { alternation } from '../../grammar';
import { TAG_FIXED_DATE } from '../../meta';
import type { RuVocabulary } from '../vocabulary';

export class RUNextWeekParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return alternation(this.v.g.nextWeek);
  }

  protected innerExtract(context: ParsingContext): Extracted {
    return assignDate(context.createParsingComponents(), weekdayInWeek(referenceClock(context), 1, 1)).addTag(TAG_FIXED_DATE);
  }
}
