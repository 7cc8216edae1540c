/**
 * "в следующий вторник", "на следующую среду", "в след среду", "вторник на следующей неделе",
 * "на следующей неделе во вторник":
 * that weekday in next week (weeks start on Monday), so on a Thursday "в следующую пятницу" is
 * eight days away, not tomorrow (nlu.md).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { toChronoWeekday, weekdayInWeek } from '../../common/weeks';
import { TAG_FIXED_DATE } from '../../meta';
import { alternation } from '../../grammar';
import type { RuVocabulary } from '../vocabulary';

const WEEKDAY_AFTER_NEXT = 1;
const WEEKDAY_BEFORE_NEXT_WEEK = 2;
const WEEKDAY_AFTER_NEXT_WEEK = 3;

export class RUNextWeekdayParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const prep = '(?:(?:в|во|на|к|ко|до)\\s+)?';
    const nextWeek = alternation(this.v.g.nextWeek);
    return (
      `${prep}${this.v.nextWord}\\s*(${this.v.weekday})|${prep}(${this.v.weekday})\\s+на\\s+следующей\\s+неделе` +
      `|${nextWeek}[\\s,]+${prep}(${this.v.weekday})`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const iso = this.v.weekdayOf(match[WEEKDAY_AFTER_NEXT] ?? match[WEEKDAY_BEFORE_NEXT_WEEK] ?? match[WEEKDAY_AFTER_NEXT_WEEK]);
    if (!iso) return null;
    const date = weekdayInWeek(referenceClock(context), iso, 1);
    const c = assignDate(context.createParsingComponents(), date);
    c.assign('weekday', toChronoWeekday(iso));
    return c.addTag(TAG_FIXED_DATE);
  }
}
