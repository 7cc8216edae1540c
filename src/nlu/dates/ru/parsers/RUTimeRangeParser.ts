/**
 * A range of hours with one day half at the end, which covers both: "с 10 до 11 вечера" →
 * 22:00–23:00, "с 9 до 11 утра". Without the day half the halves are separate results joined by
 * RUMergeTimeRangeRefiner.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { applyMeridiem, assignTime } from '../../common/components';
import type { RuVocabulary } from '../vocabulary';

const FROM_HOUR = 1;
const FROM_MINUTE = 2;
const TO_HOUR = 3;
const TO_MINUTE = 4;
const MERIDIEM = 5;

export class RUTimeRangeParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const h = `(\\d{1,2}|${this.v.cardinal})(?:[:.](\\d{2}))?(?:\\s*час(?:а|ов)?)?`;
    return `(?:с|со|от)\\s+${h}\\s*(?:до|по|[-–—])\\s*${h.replace('(\\d{1,2}|', '(\\d{1,2}|').replace('(?:[:.](\\d{2}))', '(?:[:.](\\d{2}))')}\\s+(${this.v.meridiem})`;
  }

  protected innerExtract(context: ParsingContext, m: RegExpMatchArray): Extracted {
    const from = this.v.cardinalValue(m[FROM_HOUR]);
    const to = this.v.cardinalValue(m[TO_HOUR]);
    const fromMinute = Number(m[FROM_MINUTE] ?? 0);
    const toMinute = Number(m[TO_MINUTE] ?? 0);
    if (from === undefined || to === undefined || from > 12 || to > 12 || fromMinute > 59 || toMinute > 59) return null;
    const kind = this.v.meridiemOf(m[MERIDIEM]);
    const toHour = applyMeridiem(to, kind);
    // The day half belongs to both ends unless that would put the start after the end ("с 11 до 1 дня").
    let fromHour = applyMeridiem(from, kind);
    if (fromHour * 60 + fromMinute > toHour * 60 + toMinute) fromHour = from;
    const result = context.createParsingResult(m.index ?? 0, m[0]);
    assignTime(result.start, fromHour, fromMinute, true);
    result.end = assignTime(context.createParsingComponents(), toHour, toMinute, true);
    return result;
  }
}
