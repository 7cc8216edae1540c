/**
 * "in thirty minutes", "in twenty five minutes", "within two hours", "in ten days": a count in
 * words from now (chrono's own English reads only one..twelve). Minutes and hours give a moment;
 * days and weeks give a date (nlu.md: через 3 дня → date only). "in a fortnight" is fourteen days.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, assignTime, referenceClock } from '../../common/components';
import { addDays, addMinutes } from '../../clock';
import { alternation, lookup } from '../../grammar';
import { CHRONO_RELATIVE_TIME, TAG_FIXED_DATE } from '../../meta';
import type { EnVocabulary } from '../vocabulary';

const COUNT = 1;
const UNIT = 2;

export class ENSpokenRelativeParser extends AbstractParser {
  constructor(private readonly v: EnVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const v = this.v;
    const units = alternation([...Object.keys(v.g.durationUnits), ...Object.keys(v.g.dayUnits)]);
    // "in a fortnight", "in a week": the article counts one.
    return `${alternation(v.g.relativeWords)}\\s+(?:the\\s+next\\s+)?(${v.cardinal}|an?)\\s+(${units})`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const v = this.v;
    const count = /^an?$/i.test(match[COUNT]!) ? 1 : v.cardinalValue(match[COUNT]);
    if (!count) return null;
    const now = referenceClock(context);
    const c = context.createParsingComponents();
    const perMinute = lookup(v.g.durationUnits, match[UNIT]);
    if (perMinute !== undefined) {
      const at = addMinutes(now, count * perMinute);
      assignDate(c, at);
      assignTime(c, at.hour, at.minute, true);
      return c.addTag(CHRONO_RELATIVE_TIME).addTag(TAG_FIXED_DATE);
    }
    const days = lookup(v.g.dayUnits, match[UNIT]);
    if (days === undefined) return null;
    return assignDate(c, addDays(now, count * days)).addTag(TAG_FIXED_DATE);
  }
}
