/**
 * The Russian word lists of grammars/dates-ru.yaml turned into regex pieces and readers, once,
 * for the parsers to share.
 */
import { alternation, lookup, RuGrammar } from '../grammar';

/** A pattern around a list of words (case-insensitive); one that matches nothing when the
 *  grammar gives no words (an empty alternation would match everywhere). */
function wordsPattern(words: readonly string[], around: (alternation: string) => string): RegExp {
  return words.length ? new RegExp(around(alternation(words)), 'iu') : /(?!)/;
}

export class RuVocabulary {
  readonly weekday: string;
  readonly month: string;
  /** One or two cardinal words: "три", "двадцать три". */
  readonly cardinal: string;
  /** One ordinal, optionally after "двадцать/тридцать": "пятого", "двадцать пятого". */
  readonly ordinal: string;
  readonly daySuffix: string;
  readonly meridiem: string;
  readonly markers: string;
  readonly nextWord: string;
  readonly thisWord: string;
  private readonly dateAtEnd: RegExp;
  private readonly meetingAtEnd: RegExp;
  /** A word said to the assistant right after a match ("… пожалуйста"): the phrase ends there. */
  readonly politeAfter: RegExp;

  constructor(readonly g: RuGrammar) {
    this.weekday = alternation(Object.keys(g.weekdays));
    this.month = alternation(Object.keys(g.months));
    const single = alternation(Object.keys(g.cardinals));
    const tens = alternation(Object.keys(g.cardinals).filter((w) => [20, 30, 40, 50].includes(g.cardinals[w])));
    const units = alternation(Object.keys(g.cardinals).filter((w) => g.cardinals[w] >= 1 && g.cardinals[w] <= 9 && w !== 'час'));
    this.cardinal = `(?:${tens}\\s+${units}|${single})`;
    const ord = `(?:${alternation(Object.keys(g.ordinalStems))}${alternation(g.ordinalEndings)})`;
    this.ordinal = `(?:(?:${alternation(Object.keys(g.ordinalTens))}\\s+)?${ord})`;
    this.daySuffix = alternation(g.daySuffixes);
    this.meridiem = alternation(Object.keys(g.meridiem));
    this.markers = alternation(Object.keys(g.markers));
    this.nextWord = alternation(g.nextWords);
    this.thisWord = alternation(g.thisWords);
    this.politeAfter = wordsPattern(g.saidToAssistant, (words) => `^\\s+${words}(?![\\p{L}])`);
    // "созвон с Рамилем на десять", "встречу с Ашотом Саркисяном на одиннадцать": the attendee
    // (up to three words after "с") may stand between the meeting and its hour.
    this.meetingAtEnd = wordsPattern(g.hourAfterMeetings, (words) => `(?:^|[^\\p{L}])${words}(?:\\s+(?:с|со)(?:\\s+\\p{L}+){1,3})?\\s+$`);
    this.dateAtEnd = new RegExp(`(?:^|[^\\p{L}])(?:${this.weekday}|${this.month}|${alternation(g.casualDates)})[\\s,]*$`, 'iu');
  }

  /** Does the text before a match end with a date word ("в понедельник", "завтра", "12 декабря")? */
  dateEndsAt(text: string, index: number): boolean {
    return this.dateAtEnd.test(text.substring(Math.max(0, index - 30), index));
  }

  /** Does the text before a match end with a meeting's noun ("встречу ", "созвон ")? */
  meetingEndsAt(text: string, index: number): boolean {
    return this.meetingAtEnd.test(text.substring(Math.max(0, index - 60), index));
  }

  weekdayOf(word: string): number | undefined {
    return lookup(this.g.weekdays, word.replace(/\.$/, ''));
  }

  monthOf(word: string): number | undefined {
    return lookup(this.g.months, word.replace(/\.$/, ''));
  }

  meridiemOf(word: string | undefined): 'am' | 'pm' | 'night' | undefined {
    return word ? lookup(this.g.meridiem, word) : undefined;
  }

  /** "двадцать три" → 23; digits pass through. */
  cardinalValue(text: string): number | undefined {
    if (/^\d+$/.test(text)) return Number(text);
    let sum = 0;
    for (const w of text.toLowerCase().split(/\s+/)) {
      const v = this.g.cardinals[w];
      if (v === undefined) return undefined;
      sum += v;
    }
    return sum;
  }

  /** "двадцать пятого" → 25, "третье" → 3. */
  ordinalValue(text: string): number | undefined {
    const words = text.toLowerCase().split(/\s+/);
    let sum = 0;
    for (const w of words) {
      if (this.g.ordinalTens[w] !== undefined) {
        sum += this.g.ordinalTens[w];
        continue;
      }
      const stem = Object.keys(this.g.ordinalStems)
        .filter((s) => w.startsWith(s))
        .sort((a, b) => b.length - a.length)[0];
      if (!stem) return undefined;
      sum += this.g.ordinalStems[stem];
    }
    return sum;
  }

  /** A day said as digits with an optional suffix ("18-е", "24го") or as an ordinal word. */
  dayValue(text: string): number | undefined {
    const digits = /^(\d{1,2})/.exec(text);
    return digits ? Number(digits[1]) : this.ordinalValue(text);
  }
}
