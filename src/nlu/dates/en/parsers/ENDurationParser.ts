/** "for 45 minutes", "for thirty minutes", "for half an hour", ", 45 min": becomes the end of the time before it. */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { alternation, lookup } from '../../grammar';
import { TAG_DURATION } from '../../meta';
import type { EnVocabulary } from '../vocabulary';

const FIXED = 1;
const COUNT = 2;
const UNIT = 3;

export class ENDurationParser extends AbstractParser {
  constructor(private readonly v: EnVocabulary) {
    super();
  }

  private get g() {
    return this.v.g;
  }

  protected innerPattern(): string {
    // "thu 4pm, 45 min": after a comma the length is said without "for".
    return `(?:for\\s+|(?<=,\\s*))(?:(${alternation(Object.keys(this.g.fixedDurations))})|(\\d{1,3}(?:\\.\\d)?|${this.v.cardinal})\\s*(${alternation(Object.keys(this.g.durationUnits))}))`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const minutes = match[FIXED]
      ? lookup(this.g.fixedDurations, match[FIXED])
      : Math.round(this.count(match[COUNT]) * (lookup(this.g.durationUnits, match[UNIT]) ?? NaN));
    if (!minutes || !Number.isFinite(minutes) || minutes > 7 * 24 * 60) return null;
    return context.createParsingComponents().addTag(`${TAG_DURATION}${minutes}`);
  }

  private count(said: string): number {
    return /^\d/.test(said) ? Number(said) : this.v.cardinalValue(said) ?? NaN;
  }
}
