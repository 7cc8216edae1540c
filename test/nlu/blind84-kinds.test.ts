/**
 * Kinds found by blind batch 84 (an Omsk bakery chain; a Cork medical-devices manufacturer), fixed
 * in the eleventh session after it was scored blind, and tested here with sentences and a directory
 * of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Dublin';
// Friday 2027-07-09, 10:00 Dublin.
const NOW = instantOfWallTime({ year: 2027, month: 7, day: 9, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Declan', lastName: 'Murphy', gender: 'M' },
    { id: 2, name: 'Дилноза', lastName: 'Юсупова', gender: 'F' },
    { id: 3, name: 'Siobhan', lastName: 'Kelly', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);
const ru = { ...dir, timeZone: 'Asia/Omsk' };

it('"лид Зарецкой": an adjective-shaped surname in an oblique case, in its -ая nominative', () => {
  expect(parse('Оцени лид Зарецкой', undefined, ru).slots).toEqual({ lead: { query: 'Зарецкая' } });
});

it('Диля for a Дилноза', () => {
  expect(parse('Создай задачу Диле Юсуповой «Начислить отпускные» на 14.07', undefined, ru).slots).toEqual({ title: 'Начислить отпускные', responsible: { userId: 2 }, deadline: '2027-07-14' });
});

it('the Irish "em" is a hesitation', () => {
  expect(parse('alright so em create a task for siobhan to book flights by tuesday').slots).toEqual({ title: 'book flights', responsible: { userId: 3 }, deadline: '2027-07-13' });
});

it('"for ninety minutes"', () => {
  expect(parse('schedule a meeting called ops review for the second of august at nine thirty for ninety minutes').slots).toEqual({ title: 'ops review', start: '2027-08-02T09:30', end: '2027-08-02T11:00' });
});
