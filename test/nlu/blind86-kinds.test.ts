/**
 * Kinds found by blind batch 86 (a Smolensk-region linen mill; a Liverpool port agency, Scouse
 * English), fixed in the twelfth session after it was scored blind, and tested here with sentences
 * of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/London';
// Tuesday 2027-03-16, 11:00 London.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 16, hour: 11, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Harriet', lastName: 'Ashworth', gender: 'F' },
    { id: 2, name: 'Niamh', lastName: 'Gallagher', gender: 'F' },
    { id: 3, name: 'Kieran', lastName: 'Doyle', gender: 'M' },
    { id: 4, name: 'Julie', lastName: 'Brennan', gender: 'F' },
    { id: 5, name: 'Colm', lastName: 'Monday', gender: 'M' },
    { id: 6, name: 'Jakub', lastName: 'Nowak', gender: 'M' },
    { id: 7, name: 'Gordon', lastName: 'Levin', gender: 'M' },
    { id: 8, name: 'Declan', lastName: 'Sheridan', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('"knock the standup on the head": a particle of several words after the item cancels it', () => {
  expect(parse("knock tomorrow's meeting on the head")).toMatchObject({ intent: 'event.cancel', slots: { event: { at: '2027-03-17' } } });
});

it('"on Friday, half two": British half-hours right after a day, a comma between or not', () => {
  expect(parse('book a call with Niamh tomorrow, half three').slots).toMatchObject({ start: '2027-03-17T15:30' });
  expect(parse('set up a meeting with Julie on Thursday half four').slots).toMatchObject({ start: '2027-03-18T16:30' });
});

it('"nah, Friday": in a correction one word that is a date too corrects the date, not a person', () => {
  expect(parse('no, Monday', 'task.create').slots).toEqual({ deadline: '2027-03-22' });
  expect(parse('no, to Colm Monday', 'task.create').slots).toEqual({ responsible: { userId: 5 } });
});

it('Scouse and British replies: "deffo", "go \'ed then"; "what are you good for" asks for help', () => {
  expect(parse('deffo').intent).toBe('confirm');
  expect(parse("go 'ed then").intent).toBe('confirm');
  expect(parse('what are you good for then').intent).toBe('help');
});

it('"get a call in with …": the particle of a verb said before the command noun is no title word', () => {
  expect(parse('get a meeting in with Julie for Thursday at ten').slots).toMatchObject({ title: 'meeting', start: '2027-03-18T10:00' });
});

it('"task for H. Ashworth": a capital initial of the user\'s given name before the surname is the name\'s', () => {
  expect(parse('task for N. Gallagher: chase the pilotage invoice').slots).toEqual({ title: 'chase the pilotage invoice', responsible: { userId: 2 } });
});

it('a surname misheard beside its user\'s exact given name: the name as the user has it sets the allowance', () => {
  expect(parse('message declan sherdon that the van is here').slots).toEqual({ recipient: { userId: 8 }, text: 'the van is here' });
});

it('Ciaran is Kieran spelt the Irish way, and a given name a letter off a user\'s given name is that user', () => {
  expect(parse('text ciaran that the berth is free').slots).toMatchObject({ recipient: { userId: 3 } });
  expect(parse('message Julia: the crew list is sent').slots).toEqual({ recipient: { userId: 4 }, text: 'the crew list is sent' });
  // (…but a given name is no surname misheard: Kevin is not Levin.)
  expect(parse('message Kevin: the crew list is sent').slots).toMatchObject({ recipient: { unresolved: 'Kevin' } });
});

it('Polish and Czech names in Cyrillic: j and a vowel as one iotated letter (Jakub → Якуб)', () => {
  expect(parse('созвон с якубом новаком завтра в десять', undefined, { ...dir, timeZone: 'Europe/Moscow' }).slots).toMatchObject({ attendees: [{ userId: 6 }] });
});
