/**
 * English numbers said as words, compiled once from grammars/dates-en.yaml: the patterns the
 * spoken-date parsers share ("twenty first", "forty five", "two thousand and seventeen") and
 * the functions that read a matched phrase back into a number.
 */
import { alternation, EnGrammar, lookup } from '../grammar';

const words = (phrase: string) => phrase.toLowerCase().split(/[\s-]+/).filter(Boolean);

export class EnVocabulary {
  /** A cardinal 1..59 ("five", "seventeen", "twenty", "forty five", "twenty-one"). */
  readonly cardinal: string;
  /** An hour on a 12-hour clock: one word, one..twelve. */
  readonly hour: string;
  /** Minutes after a spoken hour: "thirty", "forty five", "oh five", "fifteen". */
  readonly minutes: string;
  /** An ordinal day 1..31: "fifth", "twentieth", "twenty first". */
  readonly ordinal: string;
  /** A year: "two thousand and seventeen", "twenty seventeen", "2017". */
  readonly year: string;
  readonly month: string;
  readonly weekday: string;
  readonly meridiem: string;
  readonly oClock: string;
  readonly noon: string;
  readonly hundred: string;
  /** A number word right before a position: "forty five am" is not "five am". */
  private readonly numberBefore: RegExp;
  /** Words that may stand right before a bare spoken hour ("at five", "by seven"). */
  readonly preposition: RegExp;
  /** What may follow a bare spoken hour: the end, punctuation, a date word or a listed word. */
  readonly follower: RegExp;

  constructor(readonly g: EnGrammar) {
    const units = Object.keys(g.cardinals).filter((w) => g.cardinals[w]! >= 1 && g.cardinals[w]! <= 9);
    const teens = Object.keys(g.cardinals).filter((w) => g.cardinals[w]! >= 1);
    const tens = alternation(Object.keys(g.tens));
    const ordinalUnits = Object.keys(g.ordinals).filter((w) => g.ordinals[w]! <= 9);
    const zero = Object.keys(g.cardinals).filter((w) => g.cardinals[w] === 0);
    this.cardinal = `(?:${tens}(?:[\\s-]+${alternation(units)})?|${alternation(teens)})`;
    this.hour = alternation(teens.filter((w) => g.cardinals[w]! <= 12));
    this.minutes = `(?:${tens}(?:[\\s-]+${alternation(units)})?|${alternation(teens.filter((w) => g.cardinals[w]! >= 10))}${
      zero.length ? `|${alternation(zero)}\\s+${alternation(units)}` : ''
    })`;
    this.ordinal = `(?:${tens}[\\s-]+${alternation(ordinalUnits)}|${alternation(Object.keys(g.ordinals))})`;
    const thousand = alternation(g.thousand);
    const centuries = alternation(Object.keys(g.cardinals).filter((w) => g.cardinals[w] === 19).concat(Object.keys(g.tens).filter((w) => g.tens[w] === 20)));
    this.year = `(?:\\d{4}|${alternation(units)}\\s+${thousand}(?:\\s+(?:and\\s+)?${this.cardinal})?|${centuries}\\s+(?:${tens}(?:[\\s-]+${alternation(units)})?|${alternation(teens.filter((w) => g.cardinals[w]! >= 10))}))`;
    this.month = alternation(Object.keys(g.months));
    this.weekday = alternation(Object.keys(g.weekdays));
    this.meridiem = alternation(Object.keys(g.meridiem));
    this.oClock = alternation(g.oClock);
    this.noon = alternation(Object.keys(g.noonWords));
    this.hundred = alternation(g.hundred);
    const numberWords = [...Object.keys(g.cardinals), ...Object.keys(g.tens), ...g.hundred, ...g.thousand];
    const large = alternation([...g.hundred, ...g.thousand]);
    this.numberBefore = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(numberWords)}|\\d+|${large}\\s+and)\\s+$`, 'iu');
    this.preposition = new RegExp(`(?:^|[^\\p{L}\\p{N}_'])${alternation(g.timePrepositions)}\\s+$`, 'iu');
    const dateWords = [...g.bareHourFollowers, ...Object.keys(g.weekdays), ...Object.keys(g.months), ...g.oClock];
    this.follower = new RegExp(`^(?:\\s*$|\\s*[^\\p{L}\\p{N}\\s']|\\s+${alternation(dateWords)}(?![\\p{L}\\p{N}_]))`, 'iu');
  }

  /** The value of a cardinal phrase ("forty five" → 45), or undefined. */
  cardinalValue(phrase: string): number | undefined {
    let total = 0;
    for (const w of words(phrase)) {
      const v = this.g.tens[w] ?? this.g.cardinals[w];
      if (v === undefined) return undefined;
      total += v;
    }
    return total;
  }

  /** The value of an ordinal phrase ("twenty first" → 21), or undefined. */
  ordinalValue(phrase: string): number | undefined {
    let total = 0;
    for (const w of words(phrase)) {
      const v = this.g.tens[w] ?? this.g.ordinals[w];
      if (v === undefined) return undefined;
      total += v;
    }
    return total;
  }

  /** "two thousand and seventeen" → 2017, "twenty seventeen" → 2017, "2017" → 2017. */
  yearValue(phrase: string): number | undefined {
    if (/^\d{4}$/.test(phrase)) return Number(phrase);
    const list = words(phrase).filter((w) => w !== 'and');
    const k = list.findIndex((w) => this.g.thousand.includes(w));
    if (k >= 0) {
      const head = this.cardinalValue(list.slice(0, k).join(' '));
      const tail = k + 1 < list.length ? this.cardinalValue(list.slice(k + 1).join(' ')) : 0;
      return head === undefined || tail === undefined ? undefined : head * 1000 + tail;
    }
    const century = this.cardinalValue(list[0] ?? '');
    const rest = this.cardinalValue(list.slice(1).join(' '));
    return century === undefined || rest === undefined ? undefined : century * 100 + rest;
  }

  monthValue(word: string): number | undefined {
    return lookup(this.g.months, word);
  }

  meridiemOf(phrase: string | undefined): 'am' | 'pm' | undefined {
    return phrase ? lookup(this.g.meridiem, phrase) : undefined;
  }

  /** Is the text before `index` a time preposition ("at ", "by ")? */
  prepositionBefore(text: string, index: number): boolean {
    return this.preposition.test(text.substring(Math.max(0, index - 12), index));
  }

  /** Does a number (word or digits) end right before `index`? */
  numberBeforeAt(text: string, index: number): boolean {
    return this.numberBefore.test(text.substring(Math.max(0, index - 16), index));
  }

  /** May a bare hour that ends at `end` be a time, judging by what follows it? */
  followerAfter(text: string, end: number): boolean {
    return this.follower.test(text.substring(end, end + 24));
  }
}
