/**
 * Joins a date said next to a time, in either order: "завтра в 9 утра", "в понедельник утром",
 * "на сегодня вечером", "в 17 часов завтра", "1:30 ночи сб, 21 сен.", "on January 15 at 11am".
 * Unlike chrono's merge it keeps a time range's end ("завтра с 14 до 15") on the same date.
 */
import type { ParsingComponents, ParsingResult } from 'chrono-node';
import { AbstractMergingRefiner, joinedText } from '../AbstractMergingRefiner';
import { hasDate, hasTime, isModifierOnly } from '../../meta';

const DATE_KEYS = ['year', 'month', 'day', 'weekday'] as const;
const TIME_KEYS = ['hour', 'minute', 'second', 'meridiem', 'timezoneOffset'] as const;

export class MergeDateTimeRefiner extends AbstractMergingRefiner {
  constructor(private readonly connector: RegExp) {
    super();
  }

  protected shouldMerge(between: string, left: ParsingResult, right: ParsingResult): boolean {
    if (isModifierOnly(left) || isModifierOnly(right) || !this.connector.test(between)) return false;
    const dateOnly = (r: ParsingResult) => !r.end && hasDate(r.start) && !hasTime(r.start);
    const timeOnly = (r: ParsingResult) => hasTime(r.start) && !hasDate(r.start) && (!r.end || !hasDate(r.end));
    return (dateOnly(left) && timeOnly(right)) || (timeOnly(left) && dateOnly(right));
  }

  protected merge(between: string, left: ParsingResult, right: ParsingResult): ParsingResult {
    const [date, time] = hasDate(left.start) ? [left, right] : [right, left];
    const result = date.clone();
    result.index = left.index;
    result.text = joinedText(between, left, right);
    result.start = withTime(date.start, time.start);
    result.end = time.end ? withTime(date.start, time.end) : undefined;
    result.addTags(time.tags());
    result.addTags(date.tags());
    return result;
  }
}

function withTime(date: ParsingComponents, time: ParsingComponents): ParsingComponents {
  const c = date.clone();
  for (const key of TIME_KEYS) if (time.isCertain(key)) c.assign(key, time.get(key) as number);
  for (const key of DATE_KEYS) if (time.isCertain(key) && !c.isCertain(key)) c.assign(key, time.get(key) as number);
  c.addTags(time.tags());
  return c;
}
