/**
 * "до конца недели", "by the end of the week": Friday of this week, date only, a deadline
 * (nlu.md). Said on a weekend, when that Friday has passed, it means today.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from './AbstractParser';
import { assignDate, referenceClock } from './components';
import { compareCivil } from '../clock';
import { weekdayInWeek } from './weeks';
import { alternation } from '../grammar';
import { TAG_DEADLINE, TAG_FIXED_DATE } from '../meta';

export class EndOfWeekParser extends AbstractParser {
  constructor(private readonly phrases: string[]) {
    super();
  }

  protected innerPattern(): string {
    return this.phrases.length ? alternation(this.phrases) : '(?!)';
  }

  protected innerExtract(context: ParsingContext): Extracted {
    const today = referenceClock(context);
    const friday = weekdayInWeek(today, 5, 0);
    const date = compareCivil(friday, today) < 0 ? today : friday;
    return assignDate(context.createParsingComponents(), date).addTag(TAG_FIXED_DATE).addTag(TAG_DEADLINE);
  }
}

/** "к концу дня", "до конца рабочего дня": today, date only, a deadline. */
export class EndOfDayParser extends AbstractParser {
  constructor(private readonly phrases: string[]) {
    super();
  }

  protected innerPattern(): string {
    return this.phrases.length ? alternation(this.phrases) : '(?!)';
  }

  protected innerExtract(context: ParsingContext): Extracted {
    return assignDate(context.createParsingComponents(), referenceClock(context)).addTag(TAG_FIXED_DATE).addTag(TAG_DEADLINE);
  }
}
