/**
 * Kinds found by blind batch 63 (a Kaliningrad amber-jewellery maker; a Midwestern HVAC and plumbing
 * contractor), fixed in the tenth session after it was scored blind, and tested here with sentences
 * and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Chicago';
// Tuesday 2027-10-12, 09:00 Chicago.
const NOW = instantOfWallTime({ year: 2027, month: 10, day: 12, hour: 9, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Dana', lastName: 'Kowalski', gender: 'F' },
    { id: 2, name: 'Ahmed', lastName: 'Warsame', gender: 'M' },
    { id: 3, name: 'Richard', lastName: 'Lund', gender: 'M' },
    { id: 4, name: 'Pao', lastName: 'Xiong', gender: 'F' },
    { id: 5, name: 'Дарья', lastName: 'Кравец', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('Rich for Richard', () => {
    expect(parse('message rich the van is back').slots).toEqual({ recipient: { userId: 3 }, text: 'the van is back' });
  });
  it('a middle name (a father\'s name) between a user\'s given name and surname', () => {
    expect(parse('task for Ahmed Abdi Warsame to order filters by friday').slots).toEqual({ title: 'order filters', responsible: { userId: 2 }, deadline: '2027-10-15' });
  });
  it('an English title opens with no article', () => {
    expect(parse('put the fall open house on my calendar for saturday all day').slots).toEqual({ title: 'fall open house', start: '2027-10-16', allDay: true });
    expect(parse('assign pao xiong the furnace tune-up tomorrow').slots).toEqual({ title: 'furnace tune-up', responsible: { userId: 4 }, deadline: '2027-10-13' });
  });
  it('"7:30am to noon": a full clock time and a day part are one span', () => {
    expect(parse('new event: ride-along, Oct 14, 7:30am to noon').slots).toEqual({ title: 'ride-along', start: '2027-10-14T07:30', end: '2027-10-14T12:00' });
  });
});

describe('Russian', () => {
  const ru = (text: string) => parse(text, undefined, { ...dir, timeZone: 'Europe/Kaliningrad' });
  it('"с днём рождения" congratulates, no time of day', () => {
    expect(ru('напомни мне завтра поздравить Пао с днём рождения').slots).toEqual({ title: 'поздравить Пао с днём рождения', responsible: { self: true }, deadline: '2027-10-13' });
  });
  it('after "задача X -" every verb-like word is the task\'s ("новой" is no "новая задача")', () => {
    expect(ru('задача Кравец - подготовить витрину новой коллекции').slots).toEqual({ title: 'подготовить витрину новой коллекции', responsible: { userId: 5 } });
  });
});
