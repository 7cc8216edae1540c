/**
 * Thousands of hostile inputs: every one gets a valid answer and none reaches the parser's last-
 * resort catch (which would hide a bug behind `unknown`). Latency on these inputs is measured in
 * bench/parse.ts (the "hostile input" line), not asserted here.
 */
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, ParseContext } from '../../src/nlu/types';
import { rng } from '../../bench/directory-gen';

const INTENTS = new Set(['message.send', 'event.create', 'task.create', 'lead.score', 'confirm', 'reject', 'cancel', 'help', 'unknown']);
const directory: Directory = {
  self: 1,
  users: [
    { id: 1, name: 'Александр', lastName: 'Сербул', gender: 'M' },
    { id: 2, name: 'Сергей', lastName: 'Иванов', gender: 'M' },
    { id: 3, name: 'Emily', lastName: 'Clark', gender: 'F' },
  ],
};
const ctx: ParseContext = { now: new Date('2026-11-26T07:00:00Z'), timeZone: 'Europe/Moscow', directory };

const PIECES = [
  'поставь задачу', 'на Сергея', 'завтра в 15', 'с 10 до 12', 'через 2 часа', '«', '»', '"', ':', 'с текстом', 'назови её',
  'напиши', 'Emily', 'send a message to', 'лид 12', 'этот лид', '12.12', '31.02', '99:99', 'в 25 часов', '💥', '🇷🇺',
  'Ω', '\u0000', '\uD800', '\u200B', 'ё', '(', ')', '[', ']', '{', '}', '\\', 'http://x.y/z?a=1', '<script>', 'DROP TABLE',
  'на весь день', 'по', 'до', 'с', 'и', ',', '.', '?', '!!!', '123456789012345678901234567890', 'нет', 'да', 'отмена',
];

function junk(r: () => number, maxLen: number): string {
  const kind = r();
  if (kind < 0.4) {
    let s = '';
    const n = 1 + Math.floor(r() * 20);
    for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)] + (r() < 0.8 ? ' ' : '');
    return s;
  }
  if (kind < 0.7) {
    let s = '';
    const n = Math.floor(r() * maxLen);
    for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(r() * 0xffff));
    return s;
  }
  let s = '';
  const n = Math.floor(r() * maxLen);
  const alphabet = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcdefghijklmnopqrstuvwxyz0123456789 :.,-«»"\'';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});

describe('parse on hostile input', () => {
  it.each([
    ['empty', ''],
    ['white space', ' \t\n  '],
    ['100 KB of text', 'поставь задачу на завтра '.repeat(4200)],
    ['emoji only', '😀😀😀🎉'],
    ['mixed scripts', 'Поставь zadachu на Sergeя завтра в 10 am'],
    ['unbalanced quotes', 'Поставь задачу «отчёт на завтра'],
    ['binary', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)).toString('latin1')],
  ])('answers %s', (_name, text) => {
    const r = parser.parse(text, ctx);
    expect(INTENTS.has(r.intent)).toBe(true);
    expect(r.trace?.some((t) => t.startsWith('error:'))).not.toBe(true);
  });

  it('answers 3,000 random inputs without an internal error', () => {
    const r = rng(20261128);
    const errors: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const text = junk(r, i % 100 === 0 ? 10_000 : 300);
      const res = parser.parse(text, ctx);
      if (!INTENTS.has(res.intent) || typeof res.slots !== 'object') errors.push(`bad answer for ${JSON.stringify(text.slice(0, 80))}`);
      const err = res.trace?.find((t) => t.startsWith('error:'));
      if (err) errors.push(`${err} for ${JSON.stringify(text.slice(0, 80))}`);
    }
    expect(errors).toEqual([]);
  });
});
