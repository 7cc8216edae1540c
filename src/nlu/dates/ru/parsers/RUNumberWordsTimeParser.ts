/**
 * An hour said as a word after a preposition: "в три", "в девять", "с двух до четырёх", "к пяти".
 * A number word is common outside times ("в два раза", "минут на десять"), so it counts only
 * after в/с/до/к and only when the phrase ends there (end, punctuation, or a connector word).
 * Right after a date ("в понедельник в десять подписать акт", "завтра в три созвон") the phrase
 * may go on: a number after a date is its hour. After a date "на" also introduces the hour
 * ("на завтра на девять").
 * Day halves and "часов" after the word are RUHourMinuteTimeParser's.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignTime } from '../../common/components';
import type { RuVocabulary } from '../vocabulary';

const PREPOSITION = 1;
const HOUR_GROUP = 2;
// …or a self-repair starts ("в десять ой нет в одиннадцать"), or an infinitive, the task itself
// ("напомни в шесть позвонить в банк"), or a day ("с десяти до двенадцати завтра") or a word said
// to the assistant ("… до двенадцати пожалуйста").
const PHRASE_END = /^(?:\s*$|\s*[,.;:!?)»"']|\s+(?:до|по|и|на|в|во|с|со|к|ко|ой|нет|точнее|вернее|то есть|или|лучше|хотя|подожди|погоди|завтра|сегодня|послезавтра)(?![\p{L}])|\s+\p{L}+(?:ть|ти|чь)(?:ся|сь)?(?![\p{L}]))/u;

export class RUNumberWordsTimeParser extends AbstractParser {
  /** "с десяти " right before: "до двенадцати" ends that range, whatever is said after it. */
  private readonly rangeStartBefore: RegExp;

  constructor(private readonly v: RuVocabulary) {
    super();
    this.rangeStartBefore = new RegExp(`(?:^|[^\\p{L}])(?:с|со)\\s+(?:${v.cardinal})\\s+$`, 'iu');
  }

  protected innerPattern(): string {
    return (
      `(в|во|с|со|до|к|ко|на)\\s+(${this.v.cardinal})`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const index = match.index ?? 0;
    const after = context.text.substring(index + match[0].length);
    const afterDate = this.v.dateEndsAt(context.text, index);
    // "на" + a number is a time only after a date ("на завтра на девять") or a meeting ("встречу на
    // двенадцать"), where the phrase ends: "на два" is a count.
    const na = match[PREPOSITION]!.toLowerCase() === 'на';
    const ends =
      PHRASE_END.test(after) ||
      this.v.politeAfter.test(after) ||
      (match[PREPOSITION]!.toLowerCase() === 'до' && this.rangeStartBefore.test(context.text.substring(Math.max(0, index - 40), index)));
    if (na ? !afterDate && !(this.v.meetingEndsAt(context.text, index) && ends) : !ends && !afterDate) return null;
    const hour = this.v.cardinalValue(match[HOUR_GROUP]);
    if (hour === undefined || hour > 23) return null;
    return assignTime(context.createParsingComponents(), hour, 0, false);
  }
}
