/** "this morning" 09:00, "this afternoon" 14:00, "tonight"/"in the evening" 19:00, "at noon" 12:00 (nlu.md). */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, assignTime, referenceClock } from '../../common/components';
import { TAG_FIXED_DATE } from '../../meta';
import { alternation, lookup } from '../../grammar';

export class ENDayPartParser extends AbstractParser {
  constructor(private readonly dayParts: Record<string, number>) {
    super();
  }

  protected innerPattern(): string {
    return `(${alternation(Object.keys(this.dayParts))})`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const hour = lookup(this.dayParts, match[1]);
    if (hour === undefined) return null;
    // "the noon report", "a midday break": one word after an article, before a noun, names a thing.
    const start = match.index ?? 0;
    const said = /^\p{L}+$/u.test(match[1]!) && /(?:^|[^\p{L}])(?:the|a|an|our|my)\s+$/iu.test(context.text.substring(Math.max(0, start - 6), start));
    if (said && /^\s+\p{L}/u.test(context.text.substring(start + match[0].length))) return null;
    const c = assignTime(context.createParsingComponents(), hour, 0, true);
    // "this morning", "tonight" name today even when that hour has passed (nlu.md).
    if (/^(?:this|tonight)/i.test(match[1])) assignDate(c, referenceClock(context)).addTag(TAG_FIXED_DATE);
    return c;
  }
}
