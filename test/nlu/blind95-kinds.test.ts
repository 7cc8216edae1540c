/**
 * Kinds found by blind batch 95 (a Kursk sugar refinery, 150/150 blind; a Portland craft brewery),
 * fixed in the twelfth session after it was scored blind, and tested here with sentences of our own;
 * each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Los_Angeles';
// Monday 2027-03-29, 10:00 Los Angeles.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 29, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Jordan', lastName: 'Reyes', gender: 'M' },
    { id: 2, name: 'Chris', lastName: 'Young', gender: 'M' },
    { id: 3, name: 'Hope', lastName: 'Marsh', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('help asked twice ("help me out which commands do you support")', () => {
  expect(parse('help me out which commands do you support').intent).toBe('help');
});

it('"task 87\'s deadline": the number\'s possessive is no query word', () => {
  expect(parse("push task 412's deadline to friday").slots).toEqual({ task: { id: 412 }, deadline: '2027-04-02' });
});

it('"my open tasks", "our pending tasks": a possessive and an adjective of the kind before the plan noun ask', () => {
  expect(parse('my open tasks').slots).toEqual({ kind: 'tasks' });
});

it('"saying that", "checkoff", and a misspelt day\'s possessive ("tommorow\'s")', () => {
  expect(parse('text Chris saying that the keg order shipped').slots).toEqual({ recipient: { userId: 2 }, text: 'the keg order shipped' });
  expect(parse('checkoff the task clean the fermenters').slots).toEqual({ task: { query: 'clean the fermenters' } });
  expect(parse("cancel tommorow's meeting with Hope").slots).toEqual({ event: { at: '2027-03-30', person: { userId: 3 } } });
});
