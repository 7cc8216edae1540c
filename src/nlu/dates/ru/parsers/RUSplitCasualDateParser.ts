/**
 * Speech recognisers split a casual date in two: "после завтра", "после после завтра" are
 * послезавтра and послепослезавтра (grammars/dates-ru.yaml splitCasualDates: phrase → days ahead).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { addDays } from '../../clock';
import { alternation, lookup } from '../../grammar';
import type { RuVocabulary } from '../vocabulary';

export class RUSplitCasualDateParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const phrases = Object.keys(this.v.g.splitCasualDates);
    return phrases.length ? `(${alternation(phrases)})` : '(?!)';
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const days = lookup(this.v.g.splitCasualDates, match[1]!);
    if (days === undefined) return null;
    return assignDate(context.createParsingComponents(), addDays(referenceClock(context), days));
  }
}
