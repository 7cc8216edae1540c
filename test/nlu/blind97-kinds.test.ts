/**
 * Kinds found by blind batch 97 (an Ulyanovsk aircraft-interior supplier; a Dallas–Fort Worth freight
 * brokerage), fixed in the twelfth session after it was scored blind, and tested here with sentences
 * of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Chicago';
// Monday 2027-12-13, 10:00 Chicago.
const NOW = instantOfWallTime({ year: 2027, month: 12, day: 13, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Cody', lastName: 'Ramirez', gender: 'M' },
    { id: 2, name: 'Kimberly', lastName: 'Doyle', gender: 'F' },
  ],
};
const ru: Directory = { self: 1, timeZone: 'Europe/Ulyanovsk', users: [{ id: 1, name: 'Ильдар', lastName: 'Закиров', gender: 'M' }] };

const parse = kindsParser(dir, NOW, TZ);

it('"how\'s wednesday looking": a plan question opened by "how\'s" or "how is"', () => {
  expect(parse("how's friday looking").slots).toEqual({ from: '2027-12-17', to: '2027-12-17' });
});

it('common American given names nobody here has are strangers in lower case ("for travis to …"); Kim for a Kimberly', () => {
  expect(parse('set a task for dustin to tarp the load by friday').slots).toEqual({ title: 'tarp the load', responsible: { unresolved: 'Dustin' }, deadline: '2027-12-17' });
  expect(parse('send kim a message saying the load is booked').slots).toMatchObject({ recipient: { userId: 2 } });
});

it('a retailer known the world over is no person ("rate talks with Kroger")', () => {
  expect(parse('Schedule an event named contract review with Walgreens on Thursday at 2pm').slots).toEqual({ title: 'contract review with Walgreens', start: '2027-12-16T14:00' });
});

it('a stranger inside what the item is about is the query\'s ("the task about the carrier packet for ridgeline")', () => {
  expect(parse('close the task about the rate sheet for bluestem').slots).toEqual({ task: { query: 'rate sheet for bluestem' } });
});

it('"add something to my calendar": a title that names nothing', () => {
  expect(parse('put something on my calendar for tomorrow').slots).toEqual({ start: '2027-12-14' });
});

it('"сделку уральские авиалинии": a plural name already in the nominative stays as said', () => {
  expect(parse('оцени сделку северные верфи', undefined, ru).slots).toEqual({ lead: { query: 'северные верфи', entity: 'deal' } });
});
