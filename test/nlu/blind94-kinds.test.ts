/**
 * Kinds found by blind batch 94 (a Nizhny Tagil wagon plant's HR department; a Harare mining-supplies
 * distributor, Zimbabwean English), fixed in the twelfth session after it was scored blind, and
 * tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Africa/Harare';
// Thursday 2027-09-16, 10:00 Harare.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 16, hour: 10, minute: 0 }, TZ);
const dir: Directory = { self: 1, timeZone: TZ, users: [{ id: 1, name: 'Farai', lastName: 'Mutasa', gender: 'M' }] };
const ru: Directory = {
  self: 1,
  timeZone: 'Asia/Yekaterinburg',
  users: [
    { id: 1, name: 'Лариса', lastName: 'Кондратьева', gender: 'F' },
    { id: 2, name: 'Зарема', lastName: 'Алиева', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('Shona and Ndebele replies: "ehe", "yebo" yes; "kwete" no ("aiwa", yes in Egypt and no in Zimbabwe, stays unread)', () => {
  expect(parse('ehe').intent).toBe('confirm');
  expect(parse('yebo yebo').intent).toBe('confirm');
  expect(parse('kwete').intent).toBe('reject');
  expect(parse('aiwa').intent).toBe('unknown');
});

it('"на Игната Сомова": a capitalised -ов surname the dictionary reads as another word, after a stranger\'s given name, is his', () => {
  expect(parse('Поставь задачу на Тихона Бобрикова проверить журнал', undefined, ru).slots).toEqual({ title: 'проверить журнал', responsible: { unresolved: 'Тихон Бобриков' } });
});

it('"о том, что": the marker of a message\'s text, said in full', () => {
  expect(parse('напиши зареме о том, что справка готова', undefined, ru).slots).toEqual({ recipient: { userId: 2 }, text: 'справка готова' });
});
