/**
 * Clock times in digits: "15:15", "в 15:00", "в 12.30", "с 14", "до 15", "в 3".
 * Replaces chrono's parser of the same name, whose ranges ("10:00 по 15") swallow the day of a
 * following date ("по 15 декабря 15:00"); ranges here are built from halves by RUMergeTimeRangeRefiner.
 * A bare hour needs a preposition and must not be followed by a count noun ("в 2 раза").
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignTime } from '../../common/components';
import type { RuVocabulary } from '../vocabulary';

const COLON_HOUR = 1;
const COLON_MINUTE = 2;
const DOT_HOUR = 3;
const DOT_MINUTE = 4;
const BARE_HOUR = 5;
const NA_HOUR = 6;

const COUNT_NOUNS = 'раз|тыс|млн|процент|%|челов|штук|шт|руб|р\\.|дн|ден|недел|месяц|год|лет|мин|сек|час|ч(?!\\p{L})|числ|номер|этаж|кабинет|офис|км|м(?!\\p{L})';

export class RUTimeExpressionParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const prep = '(?:в|во|с|со|до|к|ко|от|на|по)';
    return [
      `(?:${prep}\\s+)?(\\d{1,2}):(\\d{2})(?![\\d:])`,
      `(?:в|во|с|со|до|к|ко|от)\\s+(\\d{1,2})\\.(\\d{2})(?![\\d.])`,
      `(?:в|во|с|со|до|к|ко|от)\\s+(\\d{1,2})(?![\\d:.,]\\d)(?!\\s*(?:[-–—]\\s*)?(?:${COUNT_NOUNS}|${this.v.month}|${this.v.daySuffix}(?!\\p{L})))`,
      // "на завтра на 11": only after a date (checked below); "на 2" alone is a count.
      `на\\s+(\\d{1,2})(?![\\d:.,]\\d)(?!\\s*(?:[-–—]\\s*)?(?:${COUNT_NOUNS}|${this.v.month}|${this.v.daySuffix}(?!\\p{L})))`,
    ].join('|');
  }

  protected innerExtract(context: ParsingContext, m: RegExpMatchArray): Extracted {
    if (m[NA_HOUR] && !this.v.dateEndsAt(context.text, m.index ?? 0)) return null;
    const hour = Number(m[COLON_HOUR] ?? m[DOT_HOUR] ?? m[BARE_HOUR] ?? m[NA_HOUR]);
    const minute = Number(m[COLON_MINUTE] ?? m[DOT_MINUTE] ?? 0);
    if (hour > 24 || minute > 59) return null;
    return assignTime(context.createParsingComponents(), hour % 24, minute, hour >= 13);
  }
}
