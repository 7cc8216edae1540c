/**
 * "Tuesday week", "a week on Tuesday" (British): the coming such weekday — the first after today,
 * as a weekday alone (nlu.md) — and seven days more.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { addDays } from '../../clock';
import { firstWeekdayAfter, toChronoWeekday } from '../../common/weeks';
import { alternation, EnGrammar, lookup } from '../../grammar';
import { TAG_FIXED_DATE } from '../../meta';

const BEFORE_DAY = 1;
const AFTER_DAY = 2;

export class ENWeekdayWeekParser extends AbstractParser {
  constructor(private readonly g: EnGrammar) {
    super();
  }

  protected innerPattern(): string {
    const days = alternation(Object.keys(this.g.weekdays));
    const g = this.g.weekdayWeek;
    const before = g.before.length ? `(?:${alternation(g.before)})\\s+(${days})` : '(?!)';
    const after = g.after.length ? `(${days})\\s+(?:${alternation(g.after)})` : '(?!)';
    return `(?:on\\s+)?(?:${before}|${after})`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const iso = lookup(this.g.weekdays, match[BEFORE_DAY] ?? match[AFTER_DAY] ?? '');
    if (!iso) return null;
    const c = assignDate(context.createParsingComponents(), addDays(firstWeekdayAfter(referenceClock(context), iso), 7));
    c.assign('weekday', toChronoWeekday(iso));
    return c.addTag(TAG_FIXED_DATE);
  }
}
