/**
 * Kinds found by blind batch 83 (a Kirov toy and board-game maker; an Atlanta last-mile delivery
 * startup), fixed in the eleventh session after it was scored blind, and tested here with sentences
 * and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/New_York';
// Monday 2027-03-22, 10:00 New York.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 22, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Kayla', lastName: 'Moss', gender: 'F' },
    { id: 2, name: 'Chase', lastName: 'Ward', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('"задачу на вику найти …": a name that is a plant too, between the task\'s "на" and its infinitive', () => {
  expect(parse('создай задачу на вику найти двух упаковщиц', undefined, { ...dir, timeZone: 'Europe/Kirov' }).slots).toEqual({ title: 'найти двух упаковщиц', responsible: { unresolved: 'Вика' } });
});

it('"a task to chase the invoice": after a task\'s "to" and before an article, the verb, though a Chase works here', () => {
  expect(parse('create a task to chase the Publix invoice').slots).toEqual({ title: 'chase the Publix invoice' });
  expect(parse('create a task for chase to file the invoice').slots).toEqual({ title: 'file the invoice', responsible: { userId: 2 } });
});

it('"a message to lynn saying …": the recipient, whoever it is', () => {
  expect(parse('send a message to lynn saying the scanners are charged').slots).toEqual({ recipient: { unresolved: 'Lynn' }, text: 'the scanners are charged' });
});
