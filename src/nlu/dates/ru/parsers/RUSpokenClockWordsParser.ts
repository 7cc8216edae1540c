/**
 * A clock time said in words the way people read a clock aloud: "в пятнадцать тридцать",
 * "в девять сорок пять", "на пятнадцать ноль ноль", "к десяти тридцати", "в час пятнадцать".
 * The minutes are a teen, a ten (with an optional unit) or "ноль" + a digit word, so a lone hour
 * ("в три") stays RUNumberWordsTimeParser's. Not followed by a unit or a month ("в два тридцать
 * минут" is something else). The afternoon rule applies as for digits (в три двадцать → 15:20).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { applyMeridiem, assignTime } from '../../common/components';
import { alternation } from '../../grammar';
import type { RuVocabulary } from '../vocabulary';

const PREPOSITION = 1;
const HOUR = 2;
const MINUTE = 3;
const MERIDIEM = 4;

export class RUSpokenClockWordsParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const c = this.v.g.cardinals;
    const words = (f: (n: number) => boolean) => alternation(Object.keys(c).filter((w) => f(c[w]!) && w !== 'час'));
    const zero = words((n) => n === 0);
    const unit = words((n) => n >= 1 && n <= 9);
    const teen = words((n) => n >= 10 && n <= 19);
    const ten = words((n) => n >= 20 && n <= 50 && n % 10 === 0);
    const minutes = `(?:${zero}\\s+(?:${zero}|${unit})|${ten}(?:\\s+${unit})?|${teen})`;
    return (
      `(?:(в|во|к|ко|до|с|со|на)\\s+)?(${this.v.cardinal})\\s+(${minutes})` +
      `(?!\\s*(?:${this.v.month}|мин|час|ч(?!\\p{L})|числ|год|сек|дн|недел|месяц|раз|человек|процент|рубл))` +
      `(?:\\s+(${this.v.meridiem}))?`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const said = this.v.cardinalValue(match[HOUR]);
    const minute = this.v.cardinalValue(match[MINUTE]);
    if (said === undefined || minute === undefined || said > 23 || minute > 59) return null;
    if (!match[PREPOSITION] && !this.bareClock(context.text, match)) return null;
    const kind = this.v.meridiemOf(match[MERIDIEM]);
    if (kind && said > 12 && kind !== 'pm') return null;
    return assignTime(context.createParsingComponents(), applyMeridiem(said, kind), minute, kind !== undefined);
  }

  /** "десять ноль ноль" said with no preposition: "ноль" minutes, a day said right before, and no
   *  number word after. */
  private bareClock(text: string, match: RegExpMatchArray): boolean {
    const c = this.v.g.cardinals;
    if (c[match[MINUTE]!.split(/\s+/)[0]!.toLowerCase()] !== 0) return false;
    const start = match.index ?? 0;
    const before = /(\p{L}+)[\s,]*$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
    const after = /^[\s,]*(\p{L}+|\d)/u.exec(text.slice(start + match[0].length))?.[1]?.toLowerCase();
    if (after !== undefined && (/^\d/.test(after) || c[after] !== undefined)) return false;
    return before !== undefined && (this.dayWord ??= new RegExp(`^(?:${this.v.month}|${this.v.weekday}|${alternation(this.v.g.casualDates)})$`, 'iu')).test(before);
  }

  private dayWord?: RegExp;
}
