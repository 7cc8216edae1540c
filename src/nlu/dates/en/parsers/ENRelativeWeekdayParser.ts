/**
 * "next Tuesday", "Tuesday next week", "next week on Tuesday": that weekday in next week (weeks start
 * on Monday); "this Friday": in the current week (nlu.md). chrono's ENWeekdayParser reads "next"
 * differently.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { toChronoWeekday, weekdayInWeek } from '../../common/weeks';
import { alternation, EnGrammar, lookup } from '../../grammar';
import { TAG_FIXED_DATE } from '../../meta';

const MODIFIER = 1;
const WEEKDAY = 2;
// ("Friday next week", "Friday of next week"; "next week on Friday": the same weekday in that week.)
const AFTER_WEEKDAY = 3;
const AFTER_MODIFIER = 4;
const WEEK_MODIFIER = 5;
const WEEK_WEEKDAY = 6;

export class ENRelativeWeekdayParser extends AbstractParser {
  constructor(private readonly g: EnGrammar) {
    super();
  }

  protected innerPattern(): string {
    const modifiers = alternation([...this.g.nextWords, ...this.g.thisWords]);
    const days = alternation(Object.keys(this.g.weekdays));
    return (
      `(?:on\\s+)?(?:(${modifiers})\\s+(${days})` +
      `|(${days})\\s+(?:of\\s+)?(${modifiers})\\s+week` +
      `|(${modifiers})\\s+week\\s+(?:on\\s+)?(${days}))`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const iso = lookup(this.g.weekdays, match[WEEKDAY] ?? match[AFTER_WEEKDAY] ?? match[WEEK_WEEKDAY] ?? '');
    if (!iso) return null;
    const modifier = match[MODIFIER] ?? match[AFTER_MODIFIER] ?? match[WEEK_MODIFIER] ?? '';
    const isNext = this.g.nextWords.includes(modifier.toLowerCase().replace(/\s+/g, ' '));
    const c = assignDate(context.createParsingComponents(), weekdayInWeek(referenceClock(context), iso, isNext ? 1 : 0));
    c.assign('weekday', toChronoWeekday(iso));
    return c.addTag(TAG_FIXED_DATE);
  }
}
