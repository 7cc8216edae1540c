/**
 * Kinds found by blind batch 69 (an Omsk agricultural-machinery service centre; a Colorado
 * outdoor-gear retailer), fixed in the tenth session after it was scored blind, and tested here
 * with sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Denver';
// Thursday 2027-10-14, 10:00 Denver.
const NOW = instantOfWallTime({ year: 2027, month: 10, day: 14, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Dana', lastName: 'Whitlock', gender: 'F' },
    { id: 2, name: 'Anand', lastName: 'Subramaniam', gender: 'M' },
    { id: 3, name: 'Kayla', lastName: 'Brooks', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('"Assign Kevin to recount …": a stranger given work before "to" and a verb', () => {
    expect(parse('Assign Trevor to restock the kayak wall by friday').slots).toEqual({ title: 'restock the kayak wall', responsible: { unresolved: 'Trevor' }, deadline: '2027-10-15' });
    // (…while "assign X to <someone>" still gives X.)
    expect(parse('Assign Holiday Windows to Kayla').slots).toEqual({ title: 'Holiday Windows', responsible: { userId: 3 } });
  });
  it('a lower-case middle initial and a surname a letter off', () => {
    expect(parse('create a task for anand r subramanian to order the tents').slots).toEqual({ title: 'order the tents', responsible: { userId: 2 } });
  });
});
