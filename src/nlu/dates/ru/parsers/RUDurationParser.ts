/**
 * "на 2 часа", "на полчаса", "на полтора часа", "на 45 минут", "на час": how long an event lasts.
 * Carries no date of its own; RUDurationEndRefiner turns it into the end of the time before it,
 * and it is dropped when there is none. "минут на десять" has no unit after the number: no match.
 * "на 17 часов", "на восемнадцать часов" name an hour of the clock, not a length: from 9 hours on
 * a count of hours said with "на" is left to RUHourMinuteTimeParser.
 */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { alternation, lookup } from '../../grammar';
import { TAG_DURATION } from '../../meta';
import type { RuVocabulary } from '../vocabulary';

const FIXED = 1;
const COUNT = 2;
const UNIT = 3;
const EXTRA_MINUTES = 4;

export class RUDurationParser extends AbstractParser {
  constructor(private readonly v: RuVocabulary) {
    super();
  }

  protected innerPattern(): string {
    const g = this.v.g;
    return (
      `(?:на|в\\s+течение)\\s+(?:(${alternation(Object.keys(g.fixedDurations))})` +
      `|(\\d{1,3}|${this.v.cardinal})\\s*(${alternation(Object.keys(g.durationUnits))})` +
      `(?:\\s+(\\d{1,2}|${this.v.cardinal})\\s*мин(?:ут[уы]?|\\.)?)?)`
    );
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    let minutes: number | undefined;
    if (match[FIXED]) {
      minutes = lookup(this.v.g.fixedDurations, match[FIXED]);
    } else {
      const count = this.v.cardinalValue(match[COUNT]);
      const unit = lookup(this.v.g.durationUnits, match[UNIT]);
      const extra = match[EXTRA_MINUTES] ? this.v.cardinalValue(match[EXTRA_MINUTES]) : 0;
      if (count === undefined || unit === undefined || extra === undefined) return null;
      minutes = count * unit + extra;
      if (unit === 60 && !extra && count >= 9 && count <= 24 && /^на\s/i.test(match[0])) return null;
    }
    if (!minutes || minutes > 7 * 24 * 60) return null;
    return context.createParsingComponents().addTag(`${TAG_DURATION}${minutes}`);
  }
}
