/** "до конца недели", "к концу недели": the shared end-of-week reading over the Russian phrases. */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { EndOfWeekParser } from '../../common/EndOfWeekParser';
import { alternation } from '../../grammar';
import { TAG_DEADLINE, TAG_FIXED_DATE } from '../../meta';
import type { RuVocabulary } from '../vocabulary';

export class RUEndOfWeekParser extends EndOfWeekParser {
  constructor(v: RuVocabulary) {
    super(v.g.endOfWeek);
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
