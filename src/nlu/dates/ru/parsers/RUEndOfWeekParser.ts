/** "до конца недели", "к концу недели": the shared end-of-week reading over the Russian phrases. */
import { EndOfDayParser, EndOfMonthParser, EndOfWeekParser } from '../../common/EndOfWeekParser';
import type { RuVocabulary } from '../vocabulary';

export class RUEndOfWeekParser extends EndOfWeekParser {
  constructor(v: RuVocabulary) {
    super(v.g.endOfWeek);
  }
}

/** "к концу дня", "до конца рабочего дня": today, date only, a deadline. */
export class RUEndOfDayParser extends EndOfDayParser {
  constructor(v: RuVocabulary) {
    super(v.g.endOfDay);
  }
}

/** "до конца месяца", "к концу месяца": the month's last day, date only, a deadline. */
export class RUEndOfMonthParser extends EndOfMonthParser {
  constructor(v: RuVocabulary) {
    super(v.g.endOfMonth);
  }
}
