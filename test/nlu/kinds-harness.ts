/**
 * The set-up every "kinds" test file shares: one parser for the file, and a parse function bound
 * to the file's directory, clock and zone (a correction's `expecting`, or another directory, per
 * call).
 */
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, IntentName, ParseResult } from '../../src/nlu/types';

export type Parsed = ParseResult & { slots: Record<string, unknown> };

export function kindsParser(directory: Directory, now: Date, timeZone: string): (text: string, expecting?: IntentName, other?: Directory) => Parsed {
  let parser: Parser;
  beforeAll(async () => {
    parser = await createParser();
  });
  return (text, expecting, other) =>
    parser.parse(text, { now, timeZone, directory: other ?? directory, ...(expecting ? { expecting } : {}) } as Parameters<Parser['parse']>[1]) as Parsed;
}
