/**
 * Clock times said with hour/minute words or a day-half word, digits or words:
 * "в 15ч", "17ч10", "в пятнадцать часов", "в 9 часов 31 минуту вечера", "10 часов 19 минут вечера",
 * "в 3 часа дня", "в 3 часа после полудня", "в 2 ночи", "в десять утра", "в 13:30 дня",
 * "1:30 ночи", "18:30ч". chrono's RUTimeExpressionParser stops at "в 9" and drops the rest.
 * A bare "на 2 часа" is a duration (RUDurationParser, longer with its "на"), not a time.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { applyMeridiem, assignTime } from '../../common/components';
import type { RuVocabulary } from '../vocabulary';

// Alternative 1: hour + unit word, optional minutes, optional day half.
const U_HOUR = 1;
const U_MINUTE = 2;
const U_MERIDIEM = 3;
// Alternative 2: hh:mm with "ч" or a day half.
const C_HOUR = 4;
const C_MINUTE = 5;
const C_SUFFIX = 6;
const C_MERIDIEM = 7;
// Alternative 3: preposition + hour + day half ("в 2 ночи", "в десять утра"), or right after a
// date with no preposition ("девятого марта восемь утра", "завтра восемь утра").
const M_PREPOSITION = 8;
const M_HOUR = 9;
const M_MERIDIEM = 10;

export class RUHourMinuteTimeParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const h = `(\\d{1,2}|${this.v.cardinal})`;
    const mer = `(${this.v.meridiem})`;
    return [
      `${h}\\s*(?:ч\\.?|час(?:а|ов|ам)?)(?:\\s*(\\d{1,2}|${this.v.cardinal})(?:\\s*мин(?:ут[уы]?|\\.)?)?)?(?:\\s+${mer})?`,
      `(\\d{1,2})[:.](\\d{2})(\\s*ч\\.?)?(?:\\s+${mer})?`,
      `(?:(в|во|к|ко|с|со|до|на|по)\\s+)?${h}\\s+${mer}`,
    ].join('|');
  }

  protected innerExtract(context: ParsingContext, m: RegExpMatchArray): Extracted {
    let hourText: string;
    let minuteText: string | undefined;
    let merText: string | undefined;
    if (m[U_HOUR]) {
      [hourText, minuteText, merText] = [m[U_HOUR], m[U_MINUTE], m[U_MERIDIEM]];
    } else if (m[C_HOUR]) {
      if (!m[C_SUFFIX] && !m[C_MERIDIEM]) return null; // plain hh:mm is chrono's
      [hourText, minuteText, merText] = [m[C_HOUR], m[C_MINUTE], m[C_MERIDIEM]];
    } else {
      if (!m[M_PREPOSITION] && !this.v.dateEndsAt(context.text, m.index ?? 0)) return null;
      [hourText, merText] = [m[M_HOUR], m[M_MERIDIEM]];
    }
    const said = this.v.cardinalValue(hourText);
    const minute = minuteText ? this.v.cardinalValue(minuteText) : 0;
    if (said === undefined || minute === undefined || said > 24 || minute > 59) return null;
    const kind = this.v.meridiemOf(merText);
    if (kind && said > 12 && kind !== 'pm') return null; // "15 утра" is not a time
    const hour = applyMeridiem(said % 24, kind);
    return assignTime(context.createParsingComponents(), hour, minute, kind !== undefined);
  }
}
