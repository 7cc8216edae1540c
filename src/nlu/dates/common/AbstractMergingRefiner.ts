/** Base for refiners that join neighbouring results (date + time, range halves, time + duration). */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

export abstract class AbstractMergingRefiner implements Refiner {
  protected abstract shouldMerge(between: string, left: ParsingResult, right: ParsingResult, context: ParsingContext): boolean;
  protected abstract merge(between: string, left: ParsingResult, right: ParsingResult, context: ParsingContext): ParsingResult;

  get tag(): string {
    return `refiner/${this.constructor.name}`;
  }

  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    if (results.length < 2) return results;
    const out: ParsingResult[] = [];
    let current = results[0];
    for (let i = 1; i < results.length; i++) {
      const next = results[i];
      const between = context.text.substring(current.index + current.text.length, next.index);
      if (next.index >= current.index + current.text.length && this.shouldMerge(between, current, next, context)) {
        current = this.merge(between, current, next, context);
        current.addTag(this.tag);
      } else {
        out.push(current);
        current = next;
      }
    }
    out.push(current);
    return out;
  }
}

/** Text of the joined span, left to right. */
export function joinedText(between: string, left: ParsingResult, right: ParsingResult): string {
  return left.text + between + right.text;
}
