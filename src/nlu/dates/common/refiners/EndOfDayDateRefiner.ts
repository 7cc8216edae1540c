/**
 * "by EOD Friday", "by COB tomorrow", "due Friday EOD": the end of the day said right before or after
 * a day is that day's, not today's. The day's own result wins; the span and the deadline tag cover both.
 */
import type { ParsingResult } from 'chrono-node';
import { AbstractMergingRefiner, joinedText } from '../AbstractMergingRefiner';
import { hasDate, hasTime, TAG_END_OF_DAY } from '../../meta';

const GAP = /^\s*$/;

export class EndOfDayDateRefiner extends AbstractMergingRefiner {
  protected shouldMerge(between: string, left: ParsingResult, right: ParsingResult): boolean {
    if (!GAP.test(between)) return false;
    // ("due Friday EOD": …or said right before it.)
    const [end, day] = left.tags().has(TAG_END_OF_DAY) ? [left, right] : [right, left];
    return end.tags().has(TAG_END_OF_DAY) && !day.tags().has(TAG_END_OF_DAY) && hasDate(day.start) && !hasTime(day.start) && !day.end;
  }

  protected merge(between: string, left: ParsingResult, right: ParsingResult): ParsingResult {
    const [end, day] = left.tags().has(TAG_END_OF_DAY) ? [left, right] : [right, left];
    const result = day.clone();
    result.index = left.index;
    result.text = joinedText(between, left, right);
    result.addTags(day.tags());
    result.addTags(end.tags());
    return result;
  }
}
