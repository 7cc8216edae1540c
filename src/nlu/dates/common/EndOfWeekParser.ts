/**
 * "до конца недели", "by the end of the week": Friday of this week, date only, a deadline
 * (nlu.md). Said on a weekend, when that Friday has passed, it means today. "до конца месяца",
 * "by the end of the month": the month's last day; "к концу дня", "by EOD": today.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from './AbstractParser';
import { assignDate, referenceClock } from './components';
import { addDays, compareCivil } from '../clock';
import { weekdayInWeek } from './weeks';
import { alternation } from '../grammar';
import { TAG_DEADLINE, TAG_END_OF_DAY, TAG_FIXED_DATE } from '../meta';

/** A parser of a fixed list of phrases (grammars/dates-*.yaml), each read the same way. */
abstract class PhraseParser extends AbstractParser {
  constructor(private readonly phrases: string[]) {
    super();
  }

  protected innerPattern(): string {
    return this.phrases.length ? alternation(this.phrases) : '(?!)';
  }
}

export class EndOfWeekParser extends PhraseParser {
  protected innerExtract(context: ParsingContext): Extracted {
    const today = referenceClock(context);
    const friday = weekdayInWeek(today, 5, 0);
    const date = compareCivil(friday, today) < 0 ? today : friday;
    return assignDate(context.createParsingComponents(), date).addTag(TAG_FIXED_DATE).addTag(TAG_DEADLINE);
  }
}

/** "к концу дня", "до конца рабочего дня": today, date only, a deadline. */
export class EndOfDayParser extends PhraseParser {
  protected innerExtract(context: ParsingContext): Extracted {
    return assignDate(context.createParsingComponents(), referenceClock(context)).addTag(TAG_FIXED_DATE).addTag(TAG_DEADLINE).addTag(TAG_END_OF_DAY);
  }
}

/** "до конца месяца", "by the end of the month": the last day of this month, date only, a deadline. */
export class EndOfMonthParser extends PhraseParser {
  protected innerExtract(context: ParsingContext): Extracted {
    const today = referenceClock(context);
    const last = addDays({ year: today.month === 12 ? today.year + 1 : today.year, month: today.month === 12 ? 1 : today.month + 1, day: 1 }, -1);
    return assignDate(context.createParsingComponents(), last).addTag(TAG_FIXED_DATE).addTag(TAG_DEADLINE);
  }
}
