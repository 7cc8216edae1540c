/** "for 45 minutes", "for thirty minutes", "for half an hour", ", 45 min": becomes the end of the time before it. */
import type { ParsingContext } from 'chrono-node';
import { AbstractParser, Extracted } from '../../common/AbstractParser';
import { alternation, lookup } from '../../grammar';
import { TAG_DURATION, TAG_DURATION_AHEAD } from '../../meta';
import type { EnVocabulary } from '../vocabulary';

const FIXED = 1;
const COUNT = 2;
const UNIT = 3;
const AHEAD_COUNT = 4;
const AHEAD_UNIT = 5;
const HM_HOURS = 6;
const HM_MINUTES = 7;

export class ENDurationParser extends AbstractParser {
  constructor(private readonly v: EnVocabulary) {
    super();
  }

  private get g() {
    return this.v.g;
  }

  protected innerPattern(): string {
    // "thu 4pm, 45 min": after a comma the length is said without "for".
    // "a 30-minute call": a hyphened length is an adjective of what follows, its time said anywhere after.
    const units = alternation(Object.keys(this.g.durationUnits));
    // "a 45 min sync", "schedule 1h call": after an article or a creating verb, the same said with
    // a space or none.
    return `(?:(?:for\\s+|(?<=,\\s*))(?:(${alternation(Object.keys(this.g.fixedDurations))})|(\\d{1,3}(?:\\.\\d)?|${this.v.cardinal})\\s*(${units}))|(\\d{1,3}|${this.v.cardinal})(?:-|(?<=(?:^|\\s)(?:a|an|schedule|book|add|create|plan|arrange|set up)\\s+\\S+)\\s?)(${units})(?:-long)?(?=\\s+[a-z]))` +
      // "for 1h30": hours and minutes run together, as Brazilian and French colleagues write them.
      `|(?:for\\s+|(?<=,\\s*))(\\d{1,2})h([0-5]\\d)(?![\\p{L}\\d])`;
  }

  protected innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted {
    const ahead = match[AHEAD_COUNT] !== undefined;
    const minutes = match[HM_HOURS] !== undefined
      ? Number(match[HM_HOURS]) * 60 + Number(match[HM_MINUTES])
      : match[FIXED]
      ? lookup(this.g.fixedDurations, match[FIXED])
      : Math.round(this.count(match[ahead ? AHEAD_COUNT : COUNT]!) * (lookup(this.g.durationUnits, match[ahead ? AHEAD_UNIT : UNIT]!) ?? NaN));
    if (!minutes || !Number.isFinite(minutes) || minutes > 7 * 24 * 60) return null;
    const c = context.createParsingComponents().addTag(`${TAG_DURATION}${minutes}`);
    return ahead ? c.addTag(TAG_DURATION_AHEAD) : c;
  }

  private count(said: string): number {
    return /^\d/.test(said) ? Number(said) : this.v.cardinalValue(said) ?? NaN;
  }
}
