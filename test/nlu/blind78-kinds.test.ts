/**
 * Kinds found by blind batch 78 (a St Petersburg veterinary clinic chain; a Hong Kong electronics
 * trader), fixed in the eleventh session after it was scored blind, and tested here with sentences
 * and a directory of our own; each failed before. (The Russian half scored 150/150 blind.)
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Hong_Kong';
// Monday 2027-04-19, 10:00 Hong Kong.
const NOW = instantOfWallTime({ year: 2027, month: 4, day: 19, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Kelvin', lastName: 'Lau', gender: 'M' },
    { id: 2, name: 'June', lastName: 'Ho', gender: 'F' },
    { id: 3, name: 'Winnie', lastName: 'Tsang', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('a company known the world over after "with" is no person', () => {
  expect(parse('Book a call with Huawei on Thursday 10:30-11:30').slots).toEqual({ title: 'call with Huawei', start: '2027-04-22T10:30', end: '2027-04-22T11:30' });
  expect(parse('schedule a meeting with siemens tomorrow at 3').slots).toEqual({ title: 'meeting with siemens', start: '2027-04-20T15:00' });
});

it('a month\'s name beside a day\'s number is the month, though a user is called June', () => {
  expect(parse('Add to my calendar: Trade Fair from 1 June to 5 June').slots).toEqual({ title: 'Trade Fair', start: '2027-06-01', end: '2027-06-05' });
  expect(parse('message June that the samples are in').slots).toEqual({ recipient: { userId: 2 }, text: 'the samples are in' });
});

it('"from 12 July": the day of a month, no hour', () => {
  expect(parse('add the stocktake from 12 July').slots).toEqual({ title: 'stocktake', start: '2027-07-12' });
});

it('Hong Kong particles: "can", "ok la go ahead", "never mind la"', () => {
  expect(parse('can').intent).toBe('confirm');
  expect(parse('ok la go ahead').intent).toBe('confirm');
  expect(parse('never mind la').intent).toBe('cancel');
});
