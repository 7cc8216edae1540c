/**
 * Kinds found by blind batch 100 (a Kostroma jewellery factory; a Vancouver video-game studio), fixed
 * in the twelfth session after it was scored blind, and tested here with sentences of our own; each
 * failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Vancouver';
// Friday 2027-04-30, 10:00 Vancouver.
const NOW = instantOfWallTime({ year: 2027, month: 4, day: 30, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Samantha', lastName: 'Reyes', gender: 'F' },
    { id: 2, name: 'Natalie', lastName: 'Brooks', gender: 'F' },
    { id: 3, name: 'Nathan', lastName: 'Cho', gender: 'M' },
    { id: 4, name: 'Priya', lastName: 'Raman', gender: 'F' },
    { id: 5, name: 'Oleg', lastName: 'Baranov', gender: 'M' },
  ],
};
const ru: Directory = { self: 1, timeZone: 'Europe/Moscow', users: [{ id: 1, name: 'Ростислав', lastName: 'Кудрявцев', gender: 'M' }, { id: 2, name: 'Геннадий', lastName: 'Рыбаков', gender: 'M' }] };

const parse = kindsParser(dir, NOW, TZ);

it('a person said again at once, in full, after a false start ("for raman uh for priya raman")', () => {
  expect(parse('make a task for priya um for priya raman to fix the build').slots).toEqual({ title: 'fix the build', responsible: { userId: 4 } });
  expect(parse('поставь задачу на гену на гену рыбакова проверить пробы', undefined, ru).slots).toEqual({ title: 'проверить пробы', responsible: { userId: 2 } });
});

it('"move my task due tomorrow to Monday": the deadline said with the item is the old value', () => {
  expect(parse('push the task due monday to wednesday').slots).toEqual({ task: { at: '2027-05-03' }, deadline: '2027-05-05' });
});

it('"Assign X a task: …": the noun a colon closes is the command\'s', () => {
  expect(parse('Assign Oleg Petrovich Baranov a task: rebuild the shader cache').slots).toMatchObject({ title: 'rebuild the shader cache', responsible: { userId: 5 } });
});

it('Nat for a Natalie or a Nathan', () => {
  expect(parse('Call with Nat tomorrow 3-4pm').slots).toMatchObject({ attendees: [{ candidates: [2, 3] }] });
});
