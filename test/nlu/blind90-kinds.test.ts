/**
 * Kinds found by blind batch 90 (a Kaluga automotive-parts plant; a Boston biotech startup), fixed in
 * the twelfth session after it was scored blind, and tested here with sentences of our own; each
 * failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/New_York';
// Tuesday 2027-07-13, 10:00 New York.
const NOW = instantOfWallTime({ year: 2027, month: 7, day: 13, hour: 10, minute: 0 }, TZ);
const dir: Directory = { self: 1, timeZone: TZ, users: [{ id: 1, name: 'Megan', lastName: 'Doyle', gender: 'F' }] };
const ru: Directory = {
  self: 1,
  timeZone: 'Europe/Moscow',
  users: [
    { id: 1, name: 'Роман', lastName: 'Гайдамак', gender: 'M' },
    { id: 2, name: 'Станислав', lastName: 'Кравец', gender: 'M' },
    { id: 3, name: 'Ольга', lastName: 'Нестерова', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('"встала": a verb is no preposition glued to a name only misheard ("в Стаса")', () => {
  expect(parse('напиши ольге что линия покраски встала', undefined, ru).slots).toEqual({ recipient: { userId: 3 }, text: 'линия покраски встала' });
});

it('"cancel the four thirty call": an hour and its minutes after an article name the meeting held then', () => {
  expect(parse('move the nine fifteen sync to eleven').slots).toMatchObject({ event: { at: '2027-07-13T09:15', query: 'sync' }, start: '2027-07-13T11:00' });
  // (…but not a count of things.)
  expect(parse('add a task to order the four fifty tubes by friday').slots).toEqual({ title: 'order the four fifty tubes', deadline: '2027-07-16' });
});

it('an event has no deadline: the word after a title word is the title\'s', () => {
  expect(parse('add an event IRB renewal deadline on the ninth, all day').slots).toEqual({ title: 'IRB renewal deadline', start: '2027-08-09', allDay: true });
});
