/**
 * Drops a weekday that is part of a day's name: "к чёрной пятнице", "до Страстной пятницы",
 * "the Black Friday banners", "Cyber Monday sale". Such a name is no date of this week; what was
 * said stays in the title. The words come from grammars/dates-*.yaml (namedDays); one ending in
 * "-" is a stem that takes one of the given endings (Russian adjectives decline: чёрная, чёрной,
 * чёрную — but "Черных" is a surname).
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { alternation } from '../../grammar';

export class NamedDayRefiner implements Refiner {
  private readonly before: RegExp | null;

  constructor(words: readonly string[], endings: readonly string[] = []) {
    const exact = words.filter((w) => !w.endsWith('-'));
    const stems = words.filter((w) => w.endsWith('-')).map((w) => w.slice(0, -1));
    const alts = [exact.length ? `(?:${alternation(exact)})` : '', stems.length && endings.length ? `(?:${alternation(stems)})${alternation(endings)}` : ''].filter(Boolean);
    this.before = alts.length ? new RegExp(`(?:^|[^\\p{L}\\p{N}_])(?:${alts.join('|')})\\s+$`, 'iu') : null;
  }

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    if (!this.before) return results;
    return results.filter((r) => {
      if (!r.start.isOnlyWeekdayComponent() || r.end) return true;
      return !this.before!.test(context.text.substring(Math.max(0, r.index - 30), r.index));
    });
  }
}
