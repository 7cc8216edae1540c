/**
 * Base for our chrono parsers: a Unicode-aware word boundary on both sides (chrono's own base uses
 * \W, which treats every Cyrillic letter as a boundary), the pattern compiled once, and a tag
 * naming the parser on every result so a wrong parse can be traced.
 */
import { ParsingComponents, ParsingResult } from 'chrono-node';
import type { Component, Parser, ParsingContext } from 'chrono-node';

export type Extracted = ParsingComponents | ParsingResult | { [c in Component]?: number } | null;

const LEFT = '(^|[^\\p{L}\\p{N}_])';
const RIGHT = '(?=[^\\p{L}\\p{N}_]|$)';

export abstract class AbstractParser implements Parser {
  private compiled?: RegExp;

  /** The pattern without boundaries; capture groups are numbered from 1 in innerExtract's match. */
  protected abstract innerPattern(): string;
  protected abstract innerExtract(context: ParsingContext, match: RegExpMatchArray): Extracted;

  /** Whether the match must end at a word boundary (true for all but patterns ending in punctuation). */
  protected rightBoundary(): boolean {
    return true;
  }

  get tag(): string {
    return `parser/${this.constructor.name}`;
  }

  pattern(): RegExp {
    if (!this.compiled) {
      this.compiled = new RegExp(`${LEFT}(?:${this.innerPattern()})${this.rightBoundary() ? RIGHT : ''}`, 'iu');
    }
    return this.compiled;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingComponents | ParsingResult | null {
    const header = match[1] ?? '';
    const index = (match.index ?? 0) + header.length;
    const text = match[0].substring(header.length);
    const inner = [text, ...match.slice(2)] as unknown as RegExpMatchArray;
    inner.index = index;
    const out = this.innerExtract(context, inner);
    if (!out) return null;
    if (out instanceof ParsingResult) return out.addTag(this.tag);
    const result = context.createParsingResult(index, text, out instanceof ParsingComponents ? out : out);
    result.addTag(this.tag);
    return result;
  }
}

/**
 * Wrap one of chrono's own parsers so its results carry a tag with its name too. chrono's
 * boundaries let a match start inside a number ("10:00 по 15 декабря" gave a day "00"), so a
 * match that starts right after a digit, ':' or '.' is refused.
 */
export function tagged(parser: Parser, dayBeforeMonth?: RegExp): Parser {
  const tag = `parser/${parser.constructor.name}`;
  // Some of chrono's parsers build a new RegExp on every call (RUTimeUnitWithinFormatParser), which
  // defeats chrono's own cache; a pattern depends only on the options, and ours never vary.
  let compiled: RegExp | undefined;
  return {
    pattern: (context) => (compiled ??= parser.pattern(context)),
    extract: (context, match) => {
      const out = parser.extract(context, match);
      if (!out) return out;
      const index = out instanceof ParsingResult ? out.index : match.index ?? 0;
      if (index > 0 && /[\d:.]/.test(context.text.charAt(index - 1))) return null;
      if (dayBeforeMonth && out instanceof ParsingResult) dropDayOfMonthEnd(context, out, dayBeforeMonth);
      if (out instanceof ParsingResult || out instanceof ParsingComponents) return out.addTag(tag);
      return context.createParsingComponents(out).addTag(tag);
    },
  };
}

/**
 * "from 8 March 9:00 to 12 March 18:00": chrono's time parser reads "9:00 to 12" as a time range,
 * but a bare number followed by a month name is the day of the range's other end. The end is
 * dropped and the text cut before the connector, so the date parsers read "12 March 18:00" and the
 * range refiner joins the two ends.
 */
function dropDayOfMonthEnd(context: ParsingContext, result: ParsingResult, monthAhead: RegExp): void {
  if (!result.end) return;
  const cut = /^(.*?\S)[\s,]*(?:-|–|—|to|till|until|through|thru)\s*\d{1,2}$/iu.exec(result.text);
  if (!cut) return;
  if (!monthAhead.test(context.text.slice(result.index + result.text.length))) return;
  result.end = undefined;
  result.text = cut[1];
}
