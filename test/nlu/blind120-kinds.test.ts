/**
 * Kinds found by blind batches 120 (a Magadan gold-mining contractor; a Denver outdoor-gear shop,
 * plain American English) and 121 (a Cheboksary electrical plant; a Beirut pharmaceutical
 * distributor, Lebanese English), fixed in the fourteenth session after they were scored blind, and
 * tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Beirut';
// Monday 2027-12-20, 10:30 Beirut.
const NOW = instantOfWallTime({ year: 2027, month: 12, day: 20, hour: 10, minute: 30 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Rami', lastName: 'Haddad', gender: 'M' },
    { id: 2, name: 'Giorgi', lastName: 'Beridze', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('"ok ktir": a Lebanese yes; Gio for Giorgi', () => {
  expect(parse('ok ktir, do it').intent).toBe('confirm');
  expect(parse('create a task for Gio Beridze — verify the customs paperwork').slots).toEqual({ title: 'verify the customs paperwork', responsible: { userId: 2 } });
});
