/**
 * "a week from today", "two days from tomorrow", "3 weeks from today": a span counted from today or
 * tomorrow, date only ("… from now" is chrono's, with the time of day).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { addDays } from '../../clock';
import { TAG_FIXED_DATE } from '../../meta';
import type { EnVocabulary } from '../vocabulary';

const COUNT = 1;
const UNIT = 2;
const FROM = 3;

export class ENSpanFromDayParser extends AbstractParser {
  constructor(private readonly v: EnVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return `(a|an|one|\\d{1,2}|${this.v.cardinal})\\s+(days?|weeks?)\\s+from\\s+(today|tomorrow)`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const said = match[COUNT]!.toLowerCase();
    const count = said === 'a' || said === 'an' || said === 'one' ? 1 : /^\d/.test(said) ? Number(said) : this.v.cardinalValue(said);
    if (!count) return null;
    const days = count * (match[UNIT]!.toLowerCase().startsWith('week') ? 7 : 1) + (match[FROM]!.toLowerCase() === 'tomorrow' ? 1 : 0);
    return assignDate(context.createParsingComponents(), addDays(referenceClock(context), days)).addTag(TAG_FIXED_DATE);
  }
}
