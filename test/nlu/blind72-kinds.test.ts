/**
 * Kinds found by blind batch 72 (a Yaroslavl paint-and-coatings maker; a Seattle architecture
 * studio), fixed in the tenth session after it was scored blind, and tested here with sentences and
 * a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Thursday 2027-09-09, 10:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 9, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Роман', lastName: 'Кудрин', gender: 'M' },
    { id: 2, name: 'Кира', lastName: 'Ланская', gender: 'F' },
    { id: 3, name: 'Jose', lastName: 'Ortega', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('Russian', () => {
  it('a weekday said as an adjective dates the item ("пятничную планёрку")', () => {
    expect(parse('перенеси пятничную встречу с Кирой на 12:30').slots).toEqual({ start: '2027-09-10T12:30', event: { person: { userId: 2 }, at: '2027-09-10' } });
  });
});

describe('English', () => {
  it('"task for X <verb> …": a task verb after the noun and the person opens the title', () => {
    expect(parse('task for jose ortega schedule the site walk due monday', undefined, { ...dir, timeZone: 'America/Los_Angeles' }).slots).toEqual({ title: 'schedule the site walk', responsible: { userId: 3 }, deadline: '2027-09-13' });
  });
});
