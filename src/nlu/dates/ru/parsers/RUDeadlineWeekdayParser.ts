/**
 * "до пятницы", "к понедельнику", "ко вторнику": a weekday said as a deadline. chrono's weekday
 * dictionary lacks the dative; the date is the first such weekday after today (the resolver).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { toChronoWeekday } from '../../common/weeks';
import { TAG_DEADLINE } from '../../meta';
import { alternation } from '../../grammar';
import type { RuVocabulary } from '../vocabulary';

export class RUDeadlineWeekdayParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    // ("дедлайн пт", "срок пятница": a deadline noun before the bare weekday says the same.)
    const nouns = this.v.g.deadlineNouns.length ? `|${alternation(this.v.g.deadlineNouns)}` : '';
    return `(?:до|к|ко${nouns})\\s+(${this.v.weekday})`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const iso = this.v.weekdayOf(match[1]);
    if (!iso) return null;
    return context.createParsingComponents({ weekday: toChronoWeekday(iso) }).addTag(TAG_DEADLINE);
  }
}
