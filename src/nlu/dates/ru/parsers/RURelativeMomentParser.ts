/**
 * A moment counted from now with the durations people say: "через полтора часа", "через
 * полчаса", "через сорок минут", "через час двадцать", "через 2 часа 15 минут". chrono's own
 * relative parser reads digits and a few number words; this one reads the duration words of
 * grammars/dates-ru.yaml (fixedDurations, durationUnits, cardinals). Days and weeks ("через 3
 * дня") stay chrono's: they give a date, not a moment.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { assignDate, referenceClock } from '../../common/components';
import { addMinutes } from '../../clock';
import { alternation, lookup } from '../../grammar';
import { CHRONO_RELATIVE_TIME } from '../../meta';
import type { RuVocabulary } from '../vocabulary';

const FIXED = 1;
const COUNT = 2;
const UNIT = 3;
const EXTRA = 4;

export class RURelativeMomentParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const g = this.v.g;
    const n = `(?:\\d{1,3}|${this.v.cardinal})`;
    return (
      `через\\s+(?:(${alternation(Object.keys(g.fixedDurations))})` +
      `|(${n})\\s*(${alternation(Object.keys(g.durationUnits))}))` +
      `(?:\\s+(${n})(?:\\s*мин(?:ут[уы]?|\\.)?)?)?`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const g = this.v.g;
    let minutes: number | undefined;
    let unit = 60;
    if (match[FIXED]) {
      minutes = lookup(g.fixedDurations, match[FIXED]);
    } else {
      const count = this.v.cardinalValue(match[COUNT]);
      const u = lookup(g.durationUnits, match[UNIT]);
      if (count === undefined || u === undefined) return null;
      unit = u;
      minutes = count * u;
    }
    if (minutes === undefined) return null;
    // "через час двадцать" / "через 2 часа 15 минут": extra minutes only after an hour count.
    if (match[EXTRA]) {
      const extra = this.v.cardinalValue(match[EXTRA]);
      if (unit !== 60 || extra === undefined || extra > 59) return null;
      minutes += extra;
    }
    if (!minutes || minutes > 7 * 24 * 60) return null;
    const at = addMinutes(referenceClock(context), minutes);
    const result = context.createParsingResult(match.index ?? 0, match[0]);
    assignDate(result.start, at);
    result.start.assign('hour', at.hour);
    result.start.assign('minute', at.minute);
    result.addTag(CHRONO_RELATIVE_TIME);
    return result;
  }
}
