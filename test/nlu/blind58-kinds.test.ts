/**
 * Kinds found by blind batch 58 (test/nlu/heldout-blind58-*.jsonl: a Rostov-on-Don farm-machinery
 * dealer; a Philadelphia hospital system's facilities department), the session's latest, fixed after
 * it was scored (blind, after the session's review commit) and tested here with sentences and a
 * directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/New_York';
// Monday 2027-05-03, 10:00 New York.
const NOW = instantOfWallTime({ year: 2027, month: 5, day: 3, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Patricia', lastName: 'Walsh', gender: 'F' },
    { id: 2, name: 'Sumner', lastName: 'Nguyen', gender: 'M' },
    { id: 3, name: 'Anthony', lastName: 'Russo', gender: 'M' },
    { id: 4, name: 'Antonia', lastName: 'Reyes', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('a capitalised name that is a word too is that stranger, no user misheard (Summer is not Sumner)', () => {
    expect(parse('Message Summer: the chiller is fixed').slots).toEqual({ recipient: { unresolved: 'Summer' }, text: 'the chiller is fixed' });
  });
  it('"no, not that X, X Y" names the one meant, no text', () => {
    expect(parse('no not that tony tony russo', 'message.send').slots).toEqual({ recipient: { userId: 3 } });
  });
  it('who a stranger is, closed by the "to" that opens the task, is no title word', () => {
    expect(parse('task for gary from trane to check the rooftop unit').slots).toEqual({ title: 'check the rooftop unit', responsible: { unresolved: 'Gary' } });
  });
});
