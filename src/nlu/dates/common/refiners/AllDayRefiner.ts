/**
 * "на весь день" / "all day" belongs to the date beside it: "на 12 декабря на весь день",
 * "послезавтра весь день", "25.12 на весь день", "on December 15 all day". Said alone, it stays
 * and the resolver gives it today's date.
 */
import type { ParsingResult } from 'chrono-node';
import { AbstractMergingRefiner, joinedText } from '../AbstractMergingRefiner';
import { hasDate, hasTime, isAllDayOnly, TAG_ALL_DAY } from '../../meta';

const GAP = /^[\s,]*$/;

export class AllDayRefiner extends AbstractMergingRefiner {
  protected shouldMerge(between: string, left: ParsingResult, right: ParsingResult): boolean {
    if (!GAP.test(between)) return false;
    const plainDate = (r: ParsingResult) => hasDate(r.start) && !hasTime(r.start) && !isAllDayOnly(r);
    return (plainDate(left) && isAllDayOnly(right)) || (isAllDayOnly(left) && plainDate(right));
  }

  protected merge(between: string, left: ParsingResult, right: ParsingResult): ParsingResult {
    const date = isAllDayOnly(left) ? right : left;
    const result = date.clone();
    result.index = left.index;
    result.text = joinedText(between, left, right);
    result.addTags(left.tags());
    result.addTags(right.tags());
    result.addTag(TAG_ALL_DAY);
    return result;
  }
}
