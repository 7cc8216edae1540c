/** The English refiners: the shared mechanics under English names for the trace. */
import { AfternoonHourRefiner } from '../../common/refiners/AfternoonHourRefiner';
import { AllDayRefiner } from '../../common/refiners/AllDayRefiner';
import { DurationEndRefiner } from '../../common/refiners/DurationEndRefiner';
import { MergeDateTimeRefiner } from '../../common/refiners/MergeDateTimeRefiner';
import { RangeRefiner } from '../../common/refiners/RangeRefiner';
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { AbstractMergingRefiner, joinedText } from '../../common/AbstractMergingRefiner';
import { hasDate, hasTime } from '../../meta';

export class ENAfternoonHourRefiner extends AfternoonHourRefiner {}
export class ENAllDayRefiner extends AllDayRefiner {}
export class ENDurationEndRefiner extends DurationEndRefiner {}
export class ENMergeTimeRangeRefiner extends RangeRefiner {}
export class ENMergeDateRangeRefiner extends RangeRefiner {}

/** "tomorrow at 9", "on January 15 at 11am", "Friday, 9:00". */
export class ENMergeDateTimeRefiner extends MergeDateTimeRefiner {
  constructor() {
    super(/^[\s,]*(?:(?:at|on|from|T|-)[\s,]*)?$/i);
  }
}

/**
 * "Friday the 27th of August": a weekday, "the" and a date with its month are one date (chrono's
 * weekday merge wants nothing between them). The date said with its month wins.
 */
export class ENWeekdayTheDateRefiner extends AbstractMergingRefiner {
  protected shouldMerge(between: string, left: ParsingResult, right: ParsingResult): boolean {
    if (!/^\s+the\s+$/i.test(between) || left.end || right.end) return false;
    return left.start.isCertain('weekday') && !left.start.isCertain('day') && !hasTime(left.start) && right.start.isCertain('day') && right.start.isCertain('month');
  }

  protected merge(between: string, left: ParsingResult, right: ParsingResult): ParsingResult {
    const result = right.clone();
    result.index = left.index;
    result.text = joinedText(between, left, right);
    return result;
  }
}

/**
 * "from 1 June to 5 June": a bare number a month's name follows is that month's day, no hour —
 * chrono's time parser takes "from 1" as long as "1 June" is, and on that tie would keep it.
 */
export class ENNumberBeforeMonthRefiner implements Refiner {
  constructor(private readonly monthAhead: RegExp) {}

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((r) => !(/^(?:[\p{L}']+\s+)?\d{1,2}$/u.test(r.text) && hasTime(r.start) && !hasDate(r.start) && this.monthAhead.test(context.text.slice(r.index + r.text.length))));
  }
}

/**
 * "order 20 barrels", "the cables on stand 14": a bare number chrono reads as an hour is a time
 * only after a time preposition or a day ("at 5", "Friday 10"); after any other word it is a
 * count or a label. (A time said with a preposition or a day carries it in its own text.)
 */
const BARE_RANGE = /^\d{1,2}\s*(?:-|–|to|through|thru|till|until)\s*\d{1,2}$/i;
const PLURAL = /^[a-z]{3,}s$/;

export class ENBareNumberRefiner implements Refiner {
  private readonly before: Set<string>;
  /** `follows`: is what comes after a bare number a time's follower ("at 3 tomorrow", "from 3 to 5";
   *  "get quotes from 3 AV companies" counts companies)? */
  private readonly prepositions: Set<string>;
  constructor(words: Iterable<string>, prepositions: Iterable<string> = [], private readonly follows: (text: string, end: number) => boolean = () => true) {
    this.before = new Set([...words].map((w) => w.toLowerCase()));
    this.prepositions = new Set([...prepositions].map((w) => w.toLowerCase()));
  }

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((r) => {
      const end = r.index + r.text.length;
      // "from 3" (chrono takes the preposition in): a count unless a time's follower comes after.
      const said = /^([\p{L}']+)\s+\d{1,2}$/u.exec(r.text);
      if (said) return !this.prepositions.has(said[1]!.toLowerCase()) || this.follows(context.text, end);
      const prev = /([\p{L}']+)[\s,]*$/u.exec(context.text.slice(Math.max(0, r.index - 30), r.index))?.[1]?.toLowerCase();
      // "boxes 14 through 22", "pages 3 to 5": two bare numbers after a plural noun number things.
      if (BARE_RANGE.test(r.text)) return !(prev && PLURAL.test(prev) && !this.before.has(prev) && !this.before.has(prev.slice(0, -1)));
      if (!/^\d{1,2}$/.test(r.text)) return true;
      return prev === undefined || (this.before.has(prev) && (!this.prepositions.has(prev) || this.follows(context.text, end)));
    });
  }
}

/**
 * "tonight at 11 pm", "this evening at 8:30", "morning at 7": a part of the day with the clock time
 * said after it is that time, in the half of the day the part names (its date kept).
 */
export class ENDayPartAtTimeRefiner extends AbstractMergingRefiner {
  protected shouldMerge(between: string, left: ParsingResult, right: ParsingResult): boolean {
    if (!/^\s+$/.test(between) || !/^at\s/i.test(right.text) || left.end || right.end) return false;
    if (!left.tags().has('parser/ENDayPartParser') && !left.tags().has('parser/ENDayPartAfterDateParser')) return false;
    return hasTime(left.start) && hasTime(right.start) && !hasDate(right.start);
  }

  protected merge(between: string, left: ParsingResult, right: ParsingResult): ParsingResult {
    const result = left.clone();
    result.text = joinedText(between, left, right);
    let hour = right.start.get('hour') ?? 0;
    if (!right.start.isCertain('meridiem') && (left.start.get('hour') ?? 0) >= 12 && hour < 12) hour += 12;
    result.start.assign('hour', hour);
    result.start.assign('minute', right.start.get('minute') ?? 0);
    result.start.assign('meridiem', hour >= 12 ? 1 : 0);
    result.addTags(left.tags());
    result.addTags(right.tags());
    return result;
  }
}
