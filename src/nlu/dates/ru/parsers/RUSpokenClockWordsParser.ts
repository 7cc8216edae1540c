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

const HOUR = 1;
const MINUTE = 2;
const MERIDIEM = 3;

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
      `(?:в|во|к|ко|до|с|со|на)\\s+(${this.v.cardinal})\\s+(${minutes})` +
      `(?!\\s*(?:${this.v.month}|мин|час|ч(?!\\p{L})|числ|год|сек|дн|недел|месяц|раз|человек|процент|рубл))` +
      `(?:\\s+(${this.v.meridiem}))?`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const said = this.v.cardinalValue(match[HOUR]);
    const minute = this.v.cardinalValue(match[MINUTE]);
    if (said === undefined || minute === undefined || said > 23 || minute > 59) return null;
    const kind = this.v.meridiemOf(match[MERIDIEM]);
    if (kind && said > 12 && kind !== 'pm') return null;
    return assignTime(context.createParsingComponents(), applyMeridiem(said, kind), minute, kind !== undefined);
  }
}
