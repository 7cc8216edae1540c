/**
 * A day of the month said alone: "двадцать пятого", "на 25-е", "к 5-му", "пятого числа", "к первому числу".
 * The resolver places it in this month if not past, else the next (nlu.md). A nominative ordinal
 * ("первое") is common outside dates ("первое сообщение"), so it counts only after на/к/до/с/по;
 * a bare genitive ("двадцать пятого") only where the phrase ends or an infinitive follows
 * ("третьего отдела" is no date; "тридцатого оплатить аренду" is).
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import type { RuVocabulary } from '../vocabulary';

const DAY_GROUP = 1;
const GENITIVE = /(?:ого|его|ьего)$/i;
// An ordinal adjective goes with a noun; before an infinitive ("тридцатого оплатить аренду") it is the day.
const PHRASE_END = /^(?:\s*$|\s*[,.;:!?)»"']|\s+(?:в|во|к|на|с|до|и|утром|вечером|днём|днем|после|без|весь|целый)(?!\p{L})|\s+\p{L}+(?:ть|ти|чь)(?:ся|сь)?(?!\p{L}))/iu;
// …or the deadline's role word: "срок двадцать девятое", "дедлайн — пятое", "срок сдачи пятое".
const PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:на|к|ко|до|с|со|по|(?:срок|сроком|дедлайн|дедлайном)(?:\s+(?:сдачи|исполнения|выполнения))?)[\s:—–-]*\s$/iu;
// A day is neuter (число): "на третье", "третьего", "к третьему". Other forms agree with another
// noun — "на втором этаже", "на третий этаж", "в пятой комнате" — and are no date.
// A counted noun's case endings after its stem ("корпус|у", "этаж|а", "мест|о"): a verb on the same
// stem ("разобрать") is no counted noun.
const NOUN_ENDINGS = 'а|я|у|ю|е|ё|о|ы|и|ь|ом|ем|ём|ой|ей|ою|ов|ев|ам|ям|ах|ях|ами|ями';
const NOT_A_DAY = /(?:ом|ем|ый|ий|ой|ая|ую|ые|ых)$/i;

export class RUDayOfMonthParser extends AbstractParser {
  /** A counted noun right after the ordinal ("к пятому корпусу"): its number, not a day. */
  private readonly countedAfter: RegExp | null;

  constructor(private readonly v: RuVocabulary) {
    super();
    const stems = v.g.countedNouns.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.countedAfter = stems.length ? new RegExp(`^\\s+(?:${stems.join('|')})(?:${NOUN_ENDINGS})?(?!\\p{L})`, 'iu') : null;
  }

  protected innerPattern(): string {
    // ("к 20 числу": digits with no ending only before число.)
    return `(\\d{1,2}-?${this.v.daySuffix}|${this.v.ordinal}|\\d{1,2}(?=\\s+числ[ауо]))(?:\\s+числ(?:а|у|о))?`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const said = match[DAY_GROUP];
    const before = context.text.substring(Math.max(0, (match.index ?? 0) - 26), match.index);
    const isWord = !/^\d/.test(said);
    if (isWord && NOT_A_DAY.test(said) && !/числ[ауо]$/i.test(match[0])) return null;
    if (this.countedAfter?.test(context.text.substring((match.index ?? 0) + match[0].length))) return null;
    // "во 2-й секции", "на 3-й линии": digits with a masculine or feminine ending agree with the
    // noun after them (a day is neuter: "2-е", "2-го"), unless the phrase ends there.
    if (!isWord && /\d-?(?:й|ей|ой)$/i.test(said) && !PHRASE_END.test(context.text.substring((match.index ?? 0) + match[0].length))) return null;
    const marked = PREPOSITION_BEFORE.test(before) || /числ[ауо]$/i.test(match[0]);
    if (isWord && !marked) {
      if (!GENITIVE.test(said)) return null;
      // "третьего отдела" is not a date: a bare ordinal must end the phrase.
      const after = context.text.substring((match.index ?? 0) + match[0].length);
      if (!PHRASE_END.test(after) && !this.v.politeAfter.test(after)) return null;
    }
    const day = this.v.dayValue(said);
    if (!day || day > 31) return null;
    return context.createParsingComponents({ day });
  }
}
