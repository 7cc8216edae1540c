/** Turns a resolved chrono result into the DateMention the parser hands on. */
import type { ParsingComponents, ParsingResult } from 'chrono-node';
import type { DateMention, LocalDateTime } from '../types';
import { formatDate, formatDateTime } from './clock';
import { TAG_ALL_DAY, TAG_DEADLINE, TAG_LENGTH_AT } from './meta';

/** Only certain components are read; a date without a said time stays a date. */
function valueOf(c: ParsingComponents): LocalDateTime | undefined {
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return undefined;
  const date = { year: c.get('year') as number, month: c.get('month') as number, day: c.get('day') as number };
  if (!c.isCertain('hour')) return formatDate(date);
  return formatDateTime({ ...date, hour: c.get('hour') as number, minute: c.isCertain('minute') ? (c.get('minute') as number) : 0 });
}

export function toMention(result: ParsingResult): DateMention | undefined {
  const start = valueOf(result.start);
  if (!start) return undefined;
  const tags = [...result.tags()].filter((t) => !t.startsWith('b24/')).sort();
  const mention: DateMention = { index: result.index, text: result.text, start, tags };
  const end = result.end ? valueOf(result.end) : undefined;
  if (end && end !== start) mention.end = end;
  const all = result.tags();
  if (all.has(TAG_ALL_DAY)) mention.allDay = true;
  if (all.has(TAG_DEADLINE)) mention.deadline = true;
  for (const t of all) {
    if (!t.startsWith(TAG_LENGTH_AT)) continue;
    const [index, length] = t.slice(TAG_LENGTH_AT.length).split(',').map(Number);
    mention.lengthAt = { index: index!, length: length! };
  }
  return mention;
}
