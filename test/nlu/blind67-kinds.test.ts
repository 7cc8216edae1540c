/**
 * Kinds found by blind batch 67 (a Moscow network of medical laboratories; a New Zealand dairy
 * cooperative's regional office), fixed in the tenth session after it was scored blind, and tested
 * here with sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Pacific/Auckland';
// Monday 2027-11-08, 10:00 Auckland.
const NOW = instantOfWallTime({ year: 2027, month: 11, day: 8, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Aroha', lastName: 'Ngata', gender: 'F' },
    { id: 2, name: 'Mark', lastName: 'Brooks', gender: 'M' },
    { id: 3, name: 'Tane', lastName: 'Walker', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('"thursday nine thirty": an hour and its minutes right after a day', () => {
    expect(parse('set up a sync with tane thursday nine thirty for half an hour').slots).toEqual({ title: 'sync', start: '2027-11-11T09:30', end: '2027-11-11T10:00', attendees: [{ userId: 3 }] });
  });
  it('"Send Kevin from Fonterra a message: …"', () => {
    expect(parse('Send Kevin from Fonterra a message: can we move the call?').slots).toEqual({ recipient: { unresolved: 'Kevin' }, text: 'can we move the call?' });
  });
  it('the verb "mark" said as a user\'s given name before the surname ("Mark Brooks\'s task")', () => {
    expect(parse("Mark Brooks's tanker task as complete").slots).toEqual({ task: { person: { userId: 2 }, query: 'tanker' } });
  });
});

describe('Russian', () => {
  it('no glued "с" is split off a genitive ("в офисе сбера")', () => {
    expect(parse('создай событие выездной забор в офисе сбера в пятницу', undefined, { ...dir, timeZone: 'Europe/Moscow' }).slots).toEqual({ title: 'выездной забор в офисе сбера', start: '2027-11-12' });
  });
});
