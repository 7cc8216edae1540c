/**
 * A month and a day said in words: "feb four", "april twenty", "march twenty first", "ten march",
 * "the twenty second of june", "fifth april", with an optional year in words or digits ("april one
 * two thousand and seventeen"). No year → the next twelve months (ResolveDateRefiner).
 * "may" and "march" are verbs too: with a cardinal day they are refused after a subject
 * ("you may two …"), before a counted noun ("march ten miles") and, day first, without a
 * preposition ("one may argue").
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import type { EnVocabulary } from '../vocabulary';

const MONTH_FIRST = 1;
const DAY_AFTER = 2;
const DAY_BEFORE = 3;
const MONTH_AFTER = 4;
const YEAR = 5;

export class ENSpokenDateParser extends AbstractParser {
  private readonly subjectBefore: RegExp;
  private readonly prepositionBefore: RegExp;

  constructor(private readonly v: EnVocabulary) {
    super();
    const subjects = v.g.subjects.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    this.subjectBefore = new RegExp(`(?:^|[^\\p{L}'])(?:${subjects})\\s+$`, 'iu');
    this.prepositionBefore = /(?:^|[^\p{L}'])(?:on|for|by|until|till|from|to|since|of)\s+$/iu;
  }

  protected innerPattern(): string {
    const v = this.v;
    const day = `${v.ordinal}|${v.cardinal}`;
    return (
      `(?:(${v.month})\\s+(?:the\\s+)?(${day})|(?:the\\s+)?(${day})(?:\\s+of)?\\s+(${v.month}))` +
      `(?:\\s*,?\\s+(?:of\\s+)?(${v.year}))?`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const v = this.v;
    const monthWord = (match[MONTH_FIRST] ?? match[MONTH_AFTER]).toLowerCase();
    const dayWord = match[DAY_AFTER] ?? match[DAY_BEFORE];
    const month = v.monthValue(monthWord);
    const ordinal = v.ordinalValue(dayWord);
    const day = ordinal ?? v.cardinalValue(dayWord);
    if (!month || !day || day > 31) return null;
    if (ordinal === undefined && v.g.verbMonths.includes(monthWord)) {
      const before = context.text.substring(Math.max(0, (match.index ?? 0) - 12), match.index ?? 0);
      if (match[MONTH_FIRST] ? this.subjectBefore.test(before) : !this.prepositionBefore.test(before)) return null;
      if (!v.followerAfter(context.text, (match.index ?? 0) + match[0].length)) return null;
    }
    const c: Record<string, number> = { month, day };
    if (match[YEAR]) {
      const year = v.yearValue(match[YEAR]);
      if (year === undefined || year < 1900 || year > 2199) return null;
      c.year = year;
    }
    return c;
  }
}
