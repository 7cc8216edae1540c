/**
 * "tomorrow morning", "friday afternoon", "on december 5 evening": a bare day part right after a
 * date word is that date's hour (grammars/dates-en.yaml dayPartsAfterDate); ENMergeDateTimeRefiner
 * joins the two. Alone ("the morning report") the word is no time.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignTime } from '../../common/components';
import { alternation, lookup, type EnGrammar } from '../../grammar';

export class ENDayPartAfterDateParser extends AbstractParser {
  private readonly dateBefore: RegExp;

  constructor(private readonly g: EnGrammar) {
    super();
    const dates = alternation(['today', 'tomorrow', ...Object.keys(g.weekdays), ...Object.keys(g.months)]);
    this.dateBefore = new RegExp(`(?:^|[^\\p{L}])(?:${dates}|\\d{1,2}(?:st|nd|rd|th)?|${alternation(Object.keys(g.ordinals))})[\\s,]*$`, 'iu');
  }

  protected innerPattern(): string {
    return `(${alternation(Object.keys(this.g.dayPartsAfterDate))})`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const index = match.index ?? 0;
    if (!this.dateBefore.test(context.text.substring(Math.max(0, index - 30), index))) return null;
    const hour = lookup(this.g.dayPartsAfterDate, match[1]);
    if (hour === undefined) return null;
    return assignTime(context.createParsingComponents(), hour, 0, true);
  }
}
