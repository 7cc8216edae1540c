/**
 * "до конца недели", "к концу недели": Friday of this week, date only, a deadline (nlu.md).
 * Said on a weekend, when that Friday has passed, it means today.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { compareCivil } from '../../clock';
import { weekdayInWeek } from '../../common/weeks';
import { alternation } from '../../grammar';
import { TAG_DEADLINE, TAG_FIXED_DATE } from '../../meta';
import type { RuVocabulary } from '../vocabulary';

export class RUEndOfWeekParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return alternation(this.v.g.endOfWeek);
  }

  protected innerExtract(context: ParsingContext): Extracted {
    const today = referenceClock(context);
    const friday = weekdayInWeek(today, 5, 0);
    const date = compareCivil(friday, today) < 0 ? today : friday;
    return assignDate(context.createParsingComponents(), date).addTag(TAG_FIXED_DATE).addTag(TAG_DEADLINE);
  }
}

/** "к концу дня", "до конца рабочего дня": today, date only, a deadline. */
export class RUEndOfDayParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return alternation(this.v.g.endOfDay);
  }

  protected innerExtract(context: ParsingContext): Extracted {
    return assignDate(context.createParsingComponents(), referenceClock(context)).addTag(TAG_FIXED_DATE).addTag(TAG_DEADLINE);
  }
}
