/**
 * Gives each expression the preposition or marker that belongs to it, so the caller can cut the
 * whole of "на завтра", "к понедельнику", "сроком 20 января 2025 года", "by Friday" out of a
 * title, and marks deadlines (до/к/сроком/by/due). Also trims stray leading spaces, and drops
 * leftovers that carry no date (a duration with no time before it).
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { alternation } from '../../grammar';
import { isAllDayOnly, isModifierOnly, TAG_DEADLINE } from '../../meta';

export class MarkerRefiner implements Refiner {
  private readonly before: RegExp;
  private readonly leading: RegExp;
  private readonly deadlineMarkers: Set<string>;

  constructor(markers: Record<string, boolean>) {
    const alt = alternation(Object.keys(markers));
    this.before = new RegExp(`(?:^|[^\\p{L}\\p{N}_])(${alt})\\s+$`, 'iu');
    this.leading = new RegExp(`^(${alt})(?=\\s)`, 'iu');
    this.deadlineMarkers = new Set(Object.keys(markers).filter((k) => markers[k]));
  }

  get tag(): string {
    return `refiner/${this.constructor.name}`;
  }

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const kept = results.filter((r) => !isModifierOnly(r) || isAllDayOnly(r));
    let floor = 0; // never reach back into the previous expression
    for (const r of kept) {
      const trimmed = r.text.replace(/^\s+/, '');
      r.index += r.text.length - trimmed.length;
      r.text = trimmed.replace(/[\s,]+$/, '');
      // Markers stack ("со сроком на следующий вторник"), so extend even past a leading "на".
      {
        const from = Math.max(floor, r.index - 30);
        const m = this.before.exec(context.text.substring(from, r.index));
        if (m) {
          const markerStart = r.index - m[0].length + m[0].indexOf(m[1]);
          r.text = context.text.substring(markerStart, r.index) + r.text;
          r.index = markerStart;
          r.addTag(this.tag);
        }
      }
      const lead = this.leading.exec(r.text);
      if (lead && this.deadlineMarkers.has(lead[1].toLowerCase().replace(/\s+/g, ' '))) r.addTag(TAG_DEADLINE);
      floor = r.index + r.text.length;
    }
    return kept;
  }
}
