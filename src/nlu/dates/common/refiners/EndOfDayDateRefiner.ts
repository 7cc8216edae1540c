/**
 * "by EOD Friday", "by COB tomorrow": the end of the day said right after it is that day's, not
 * today's. The day's own result wins; the span and the deadline tag cover both.
 */
import type { ParsingResult } from 'chrono-node';
import { AbstractMergingRefiner, joinedText } from '../AbstractMergingRefiner';
import { hasDate, hasTime, TAG_END_OF_DAY } from '../../meta';

const GAP = /^\s*$/;

export class EndOfDayDateRefiner extends AbstractMergingRefiner {
  protected shouldMerge(between: string, left: ParsingResult, right: ParsingResult): boolean {
    return GAP.test(between) && left.tags().has(TAG_END_OF_DAY) && hasDate(right.start) && !hasTime(right.start) && !right.end;
  }

  protected merge(between: string, left: ParsingResult, right: ParsingResult): ParsingResult {
    const result = right.clone();
    result.index = left.index;
    result.text = joinedText(between, left, right);
    result.addTags(left.tags());
    return result;
  }
}
