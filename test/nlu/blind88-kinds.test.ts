/**
 * Kinds found by blind batch 88 (a Petrozavodsk timber-frame house builder, 150/150 blind; a Port of
 * Spain oil and gas services company, Trinidadian English), fixed in the twelfth session after it
 * was scored blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Port_of_Spain';
// Friday 2027-05-21, 10:00 Port of Spain.
const NOW = instantOfWallTime({ year: 2027, month: 5, day: 21, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Samantha', lastName: 'Rampersad', gender: 'F' },
    { id: 2, name: 'Vishal', lastName: 'Maharaj', gender: 'M' },
    { id: 3, name: 'Kerry-Ann', lastName: 'Joseph', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('"anil kumar persad": a middle name in lower case between a user\'s given name and surname is the name\'s', () => {
  expect(parse('make a task for vishal prasad maharaj to renew the dock permit by monday').slots).toEqual({ title: 'renew the dock permit', responsible: { userId: 2 }, deadline: '2027-05-24' });
});

it('"how my week looking": a plan question with its verb left out', () => {
  expect(parse('how my monday looking').intent).toBe('agenda.query');
});

it('help asked in other words: "what kinda things …", "how this thing works"', () => {
  expect(parse('what kinda stuff can you do?').intent).toBe('help');
  expect(parse('how this thing works').intent).toBe('help');
});

it('"put Keisha on the PPE order task": a person put on the item is its new responsible', () => {
  expect(parse('put Vishal on the crane inspection task').slots).toEqual({ responsible: { userId: 2 }, task: { query: 'crane inspection' } });
});

it('"the event called Crew change briefing": a change verb inside the name is the name\'s', () => {
  expect(parse('cancel the meeting called Shift change handover').slots).toEqual({ event: { query: 'Shift change handover' } });
});

it('Trinidadian "doh" for "don\'t": "doh bother", "doh worry" cancel', () => {
  expect(parse('nah doh worry about it').intent).toBe('cancel');
});
