/**
 * Test helpers: the nlu.md reference moment (Thursday 2026-11-26 10:00, Europe/Moscow) and a
 * span-and-value check that prints every mention found when it fails.
 */
import { createDateExtractor, DateContext } from '../../../src/nlu/dates';
import type { DateMention } from '../../../src/nlu/types';

export const extractor = createDateExtractor();
/** 2026-11-26 10:00 in Moscow (UTC+3). */
export const NOW = new Date('2026-11-26T07:00:00Z');

export function ctx(lang: 'ru' | 'en', now: Date = NOW, timeZone = 'Europe/Moscow'): DateContext {
  return { now, timeZone, lang };
}

export type Expected = Partial<Omit<DateMention, 'tags'>> & { text: string; start: string; tag?: string };

/** Exactly the expected mentions, in order: span (index, text) and values; `tag` must be among the tags. */
export function expectMentions(input: string, lang: 'ru' | 'en', expected: Expected[], c = ctx(lang)): void {
  const got = extractor.extract(input, c);
  const shown = JSON.stringify(got, null, 1);
  expect({ input, count: got.length, shown }).toEqual({ input, count: expected.length, shown });
  expected.forEach((e, i) => {
    const m = got[i];
    const { tag, ...fields } = e;
    const index = fields.index ?? input.indexOf(fields.text);
    expect({ input, ...pick(m, Object.keys(fields)), index: m.index }).toEqual({ input, ...fields, index });
    expect(m.end).toEqual(fields.end);
    expect(m.allDay).toEqual(fields.allDay);
    expect(m.deadline).toEqual(fields.deadline);
    if (tag) expect(m.tags).toContain(tag);
  });
}

function pick(m: DateMention, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (m as unknown as Record<string, unknown>)[k]]));
}

export function expectNone(input: string, lang: 'ru' | 'en'): void {
  expect({ input, mentions: extractor.extract(input, ctx(lang)) }).toEqual({ input, mentions: [] });
}
