/**
 * A day of the month said alone: "двадцать пятого", "на 25-е", "к 5-му", "пятого числа".
 * The resolver places it in this month if not past, else the next (nlu.md). A nominative ordinal
 * ("первое") is common outside dates ("первое сообщение"), so it counts only after на/к/до/с/по.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import type { RuVocabulary } from '../vocabulary';

const DAY_GROUP = 1;
const GENITIVE = /(?:ого|его|ьего)$/i;
const PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:на|к|ко|до|с|со|по)\s+$/iu;

export class RUDayOfMonthParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    return `(\\d{1,2}-?${this.v.daySuffix}|${this.v.ordinal})(?:\\s+числа)?`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const said = match[DAY_GROUP];
    const before = context.text.substring(Math.max(0, (match.index ?? 0) - 8), match.index);
    const isWord = !/^\d/.test(said);
    if (isWord && !GENITIVE.test(said) && !PREPOSITION_BEFORE.test(before) && !/числа$/i.test(match[0])) return null;
    const day = this.v.dayValue(said);
    if (!day || day > 31) return null;
    return context.createParsingComponents({ day });
  }
}
