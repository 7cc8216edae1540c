/** Bad and odd input: clear errors for a bad context, no throw for any text. */
import { createDateExtractor } from '../../../src/nlu/dates';
import { ctx, extractor, NOW } from './helpers';

function randomText(seed: number, length: number): string {
  const alphabet = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcxyz0123456789 .,:-/+–—«»"\'()?!😀🚀\n\t';
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

describe('createDateExtractor robustness', () => {
  it('never throws on junk, emoji or long input, and spans stay inside the text', () => {
    const inputs = [
      '',
      '😀🚀 завтра 😀 в 15:00',
      randomText(1, 2000),
      randomText(2, 100_000),
      'в '.repeat(5000),
      '12.12.12.12.12.12',
      '99:99 32.13 31 февраля 29.02',
    ];
    for (const text of inputs) {
      for (const lang of ['ru', 'en'] as const) {
        const ms = extractor.extract(text, ctx(lang));
        for (const m of ms) expect(text.substr(m.index, m.text.length)).toBe(m.text);
      }
    }
  });

  it('keeps emoji offsets right', () => {
    const text = '😀🚀 завтра';
    const [m] = extractor.extract(text, ctx('ru'));
    expect(text.slice(m.index)).toBe('завтра');
  });

  it('rejects a bad context with a clear error', () => {
    expect(() => extractor.extract('завтра', { now: NOW, timeZone: 'Mars/Olympus', lang: 'ru' })).toThrow(/unknown time zone/);
    expect(() => extractor.extract('завтра', { now: new Date('x'), timeZone: 'UTC', lang: 'ru' })).toThrow(/valid Date/);
    expect(() => extractor.extract('завтра', { now: NOW, timeZone: 'UTC', lang: 'de' as never })).toThrow(/unsupported language/);
    expect(() => extractor.extract(42 as never, ctx('ru'))).toThrow(TypeError);
  });

  it('answers in the user zone whatever the server zone', () => {
    // 23:30 UTC on the 25th is already the 26th in Tokyo and Moscow, still the 25th in Los Angeles.
    const now = new Date('2026-11-25T23:30:00Z');
    expect(extractor.extract('завтра', { now, timeZone: 'Asia/Tokyo', lang: 'ru' })[0].start).toBe('2026-11-27');
    expect(extractor.extract('завтра', { now, timeZone: 'America/Los_Angeles', lang: 'ru' })[0].start).toBe('2026-11-26');
    expect(extractor.extract('через 2 часа', { now, timeZone: 'Europe/Moscow', lang: 'ru' })[0].start).toBe('2026-11-26T04:30');
  });

  it('loads grammars once per extractor', () => {
    expect(() => createDateExtractor()).not.toThrow();
  });
});
