/**
 * "next Tuesday": that weekday in next week (weeks start on Monday); "this Friday": in the current
 * week (nlu.md). chrono's ENWeekdayParser reads "next" differently.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { toChronoWeekday, weekdayInWeek } from '../../common/weeks';
import { alternation, EnGrammar, lookup } from '../../grammar';
import { TAG_FIXED_DATE } from '../../meta';

const MODIFIER = 1;
const WEEKDAY = 2;

export class ENRelativeWeekdayParser extends AbstractParser {
  constructor(private readonly g: EnGrammar) {
    super();
  }

  protected innerPattern(): string {
    return `(?:on\\s+)?(${alternation([...this.g.nextWords, ...this.g.thisWords])})\\s+(${alternation(Object.keys(this.g.weekdays))})`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const iso = lookup(this.g.weekdays, match[WEEKDAY]);
    if (!iso) return null;
    const isNext = this.g.nextWords.includes(match[MODIFIER].toLowerCase().replace(/\s+/g, ' '));
    const c = assignDate(context.createParsingComponents(), weekdayInWeek(referenceClock(context), iso, isNext ? 1 : 0));
    c.assign('weekday', toChronoWeekday(iso));
    return c.addTag(TAG_FIXED_DATE);
  }
}
