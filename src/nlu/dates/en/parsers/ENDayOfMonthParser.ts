/**
 * A day of the month alone, as an ordinal in words or digits ("on the 30th"): "on the fifteenth", "for the thirteenth",
 * "monday the twentieth", "on twenty first at seven", "fourteenth of this month", "the first of
 * next month". This month if not past, else the next (nlu.md). An ordinal is a day only after a
 * weekday or a date preposition, or with "the" in digits or opening a clause (first/second/third also
 * need "the"), and when no noun follows it
 * ("the second meeting" is not a date).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { addDays } from '../../clock';
import { toChronoWeekday } from '../../common/weeks';
import { lookup } from '../../grammar';
import { TAG_FIXED_DATE } from '../../meta';
import type { EnVocabulary } from '../vocabulary';

const WEEKDAY = 1;
const THE = 2;
const ORDINAL = 3;
const WHICH_MONTH = 4;

const PREPOSITION = /(?:^|[^\p{L}'])(?:on|for|by|due|deadline|is|be|until|till|til|from|to|since|and|between|before|after)\s+$/iu;

const CLAUSE_START = /(?:^|[,;:.!?]|^\s*(?:no|nope|nah))\s*$/iu;

export class ENDayOfMonthParser extends AbstractParser {
  constructor(private readonly v: EnVocabulary) {
    super();
  }

  private monthAfterRe?: RegExp;
  private monthAfter(): RegExp {
    return (this.monthAfterRe ??= new RegExp(`^\\s+(?:of\\s+)?(?:${this.v.month})(?![\\p{L}])`, 'iu'));
  }

  protected innerPattern(): string {
    const v = this.v;
    return `(?:(${v.weekday})\\s+)?(?:(the)\\s+)?(\\d{1,2}(?:st|nd|rd|th)|${v.ordinal})(?:\\s+of\\s+(this|next)\\s+month)?`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const v = this.v;
    const digits = /^\d/.test(match[ORDINAL]!);
    const day = digits ? parseInt(match[ORDINAL]!, 10) : v.ordinalValue(match[ORDINAL]);
    if (!day || day > 31) return null;
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (!match[WEEKDAY]) {
      // "the 12th" in digits is a day anywhere; "the twelfth" also opening a clause ("no, the twelfth at 3").
      const before = context.text.substring(Math.max(0, start - 10), start);
      const bare = match[THE] && (digits || CLAUSE_START.test(before));
      if (!bare && !PREPOSITION.test(before)) return null;
      if (day <= 3 && !match[THE] && !digits) return null;
    }
    // ("Friday 27th August": the month said after the day is the month parser's date, whole.)
    if (!match[WHICH_MONTH] && this.monthAfter().test(context.text.substring(end, end + 16))) return null;
    if (!match[WHICH_MONTH] && !v.followerAfter(context.text, end) && !/^\s+of\s+(?:every|each)\s/i.test(context.text.substring(end, end + 16))) return null;
    const c = context.createParsingComponents();
    if (match[WHICH_MONTH]) {
      const today = referenceClock(context);
      let { year, month } = today;
      if (match[WHICH_MONTH].toLowerCase() === 'next') ({ year, month } = addDays({ year, month, day: 28 }, 7));
      assignDate(c, { year, month, day }).addTag(TAG_FIXED_DATE);
    } else {
      c.assign('day', day);
    }
    if (match[WEEKDAY]) {
      const iso = lookup(v.g.weekdays, match[WEEKDAY]);
      if (iso) c.assign('weekday', toChronoWeekday(iso));
    }
    return c;
  }
}
