/** "next week": Monday of next week, date only, like "на следующей неделе" (nlu.md). */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { weekdayInWeek } from '../../common/weeks';
import { alternation } from '../../grammar';
import { TAG_FIXED_DATE } from '../../meta';

export class ENNextWeekParser extends AbstractParser {
  constructor(private readonly phrases: string[]) {
    super();
  }

  protected innerPattern(): string {
    return this.phrases.length ? alternation(this.phrases) : '(?!)';
  }

  protected innerExtract(context: ParsingContext): Extracted {
    return assignDate(context.createParsingComponents(), weekdayInWeek(referenceClock(context), 1, 1)).addTag(TAG_FIXED_DATE);
  }
}
