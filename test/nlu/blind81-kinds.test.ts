/**
 * Kinds found by blind batch 81 (a Rostov building-materials wholesaler; a São Paulo coffee
 * exporter), fixed in the eleventh session after it was scored blind, and tested here with
 * sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Sao_Paulo';
// Monday 2027-12-13, 10:00 São Paulo.
const NOW = instantOfWallTime({ year: 2027, month: 12, day: 13, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Renata', lastName: 'Lima', gender: 'F' },
    { id: 2, name: 'Francisco', lastName: 'Souza', gender: 'M' },
    { id: 3, name: 'Sebastião', lastName: 'Rocha', gender: 'M' },
    { id: 4, name: 'Eduardo', lastName: 'Pires', gender: 'M' },
    { id: 5, name: 'Maria Eduarda', lastName: 'Costa', gender: 'F' },
    { id: 6, name: 'Augusto', lastName: 'Brandão', gender: 'M' },
    { id: 7, name: 'Sebastian', lastName: 'Keller', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('Brazilian short forms: Chico, Tião, Duda (both), Guto', () => {
  expect(parse('Tell Chico the samples are on the way').slots).toEqual({ recipient: { userId: 2 }, text: 'the samples are on the way' });
  expect(parse('send to tiao that the forklift is broken').slots).toEqual({ recipient: { userId: 3 }, text: 'the forklift is broken' });
  expect(parse('Which tasks does Duda have?').slots).toEqual({ kind: 'tasks', person: { candidates: [4, 5] } });
  expect(parse('new task for Guto - renew the certificates until 12/20').slots).toEqual({ title: 'renew the certificates', responsible: { userId: 6 }, deadline: '2027-12-20' });
});

it('two spellings of one name add their short forms up (Seb for a Sebastian too)', () => {
  expect(parse('message Seb that the truck left').slots).toEqual({ recipient: { userId: 7 }, text: 'the truck left' });
});

it('"of tomorrow", "the task of the X": a Romance speaker\'s "de"', () => {
  expect(parse('remove the standup of tomorrow').slots).toEqual({ event: { query: 'standup', at: '2027-12-14' } });
  expect(parse('postpone the task of the warehouse inventory to the twenty second').slots).toEqual({ deadline: '2027-12-22', task: { query: 'warehouse inventory' } });
});

it('"anticipate" moves an item, "desmark" cancels it', () => {
  expect(parse('anticipate the call with the roasters to two pm').slots).toEqual({ start: '2027-12-13T14:00', event: { query: 'call with the roasters' } });
  expect(parse('desmark the meeting of friday')).toMatchObject({ intent: 'event.cancel', slots: { event: { at: '2027-12-17' } } });
});

it('the clock written with an "h": "at 14h", "14h-16h", "for 1h30"', () => {
  expect(parse('Create a task named Hedge review for Chico on January 10 at 14h').slots).toEqual({ title: 'Hedge review', responsible: { userId: 2 }, deadline: '2028-01-10T14:00' });
  expect(parse('Add to my calendar: Cupping session, Wednesday 14h-16h').slots).toEqual({ title: 'Cupping session', start: '2027-12-15T14:00', end: '2027-12-15T16:00' });
  expect(parse('book a meeting with the buyers next Tuesday 10am for 1h30').slots).toEqual({ title: 'meeting with the buyers', start: '2027-12-21T10:00', end: '2027-12-21T11:30' });
  // ("the 4h shift": a length, no clock time.)
  expect(parse('add the 4h shift briefing tomorrow at 9').slots.start).toBe('2027-12-14T09:00');
});

it('Portuguese yes, no and never mind', () => {
  expect(parse('Sim, pode mandar').intent).toBe('confirm');
  expect(parse('Não').intent).toBe('reject');
  expect(parse('deixa pra la').intent).toBe('cancel');
});

it('Russian: "как с тобой работать, что можно попросить" asks for help', () => {
  expect(parse('а как с тобой работать что можно попросить').intent).toBe('help');
});
