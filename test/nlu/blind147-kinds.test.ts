/**
 * Kinds found by blind batches 147 (an Arkhangelsk sawmill; a Piraeus ship manager, Greek English — a new
 * group) and 148 (a Kuban winery; a Helsinki forestry-machinery service office, Finnish English — a new
 * group), fixed in the seventeenth session after they were scored blind, and tested here with sentences
 * of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Athens';
// Monday 2027-09-20, 10:00 Athens.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 20, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Eleni', lastName: 'Markou', gender: 'F' },
    { id: 2, name: 'Panagiotis', lastName: 'Doukas', gender: 'M' },
    { id: 3, name: 'Dimitrios', lastName: 'Sarris', gender: 'M' },
    { id: 4, name: 'Vasiliki', lastName: 'Raptis', gender: 'F' },
    { id: 5, name: 'Spyridon', lastName: 'Fotiou', gender: 'M' },
    { id: 6, name: 'Johannes', lastName: 'Lahti', gender: 'M' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);

it('Greek and Finnish short forms: Takis, Mitsos, Vicky, Spyros, Jussi', () => {
  expect(parse('message takis the pilot is confirmed').slots).toEqual({ recipient: { userId: 2 }, text: 'the pilot is confirmed' });
  expect(parse('put a task on mitsos to order the paint').slots).toEqual({ title: 'order the paint', responsible: { userId: 3 } });
  expect(parse('ask vicky to send the crew list').slots).toMatchObject({ responsible: { userId: 4 } });
  expect(parse('make task for spyros renew the class certificate').slots).toEqual({ title: 'renew the class certificate', responsible: { userId: 5 } });
  expect(parse('text jussi that the harvester is ready').slots).toEqual({ recipient: { userId: 6 }, text: 'the harvester is ready' });
});

it('Greek and Finnish replies; "klo" before an hour; "createtask" run together; "for this month"; a stranger before a task\'s verb', () => {
  expect(parse('ne').intent).toBe('confirm');
  expect(parse('endaxi').intent).toBe('confirm');
  expect(parse('ochi').intent).toBe('reject');
  expect(parse('ase to').intent).toBe('cancel');
  expect(parse('joo').intent).toBe('confirm');
  expect(parse('selvä').intent).toBe('confirm');
  expect(parse('ei').intent).toBe('reject');
  expect(parse('what can i ask you about').intent).toBe('help');
  expect(parse('call with takis friday klo 14').slots).toEqual({ title: 'call', start: '2027-09-24T14:00', attendees: [{ userId: 2 }] });
  expect(parse('createtask for mitsos check the ballast pumps').slots).toEqual({ title: 'check the ballast pumps', responsible: { userId: 3 } });
  expect(parse('tasks for this month').slots).toEqual({ kind: 'tasks', from: '2027-09-01', to: '2027-09-30' });
  expect(parse('create a task for stavros renew the insurance').slots).toEqual({ title: 'renew the insurance', responsible: { unresolved: 'Stavros' } });
});
