/**
 * Kinds found by blind batches 152 (a Chelyabinsk pipe plant; a Chicago food importer) and 153 (Nizhny
 * Novgorod clinics; a Thessaloniki olive-oil exporter, Greek English's second batch), fixed in the
 * seventeenth session after they were scored blind, and tested here with sentences of our own; each
 * failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Athens';
// Thursday 2027-03-11, 10:00 Athens.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 11, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Nikos', lastName: 'Pappas', gender: 'M' },
    { id: 2, name: 'Milena', lastName: 'Ivanova', gender: 'F' },
    { id: 3, name: 'Tsvetelina', lastName: 'Koleva', gender: 'F' },
    { id: 4, name: 'Ekaterini', lastName: 'Dimou', gender: 'F' },
    { id: 5, name: 'Sofia', lastName: 'Raptou', gender: 'F' },
    { id: 6, name: 'Andrey', lastName: 'Volkov', gender: 'M' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);

it('cities and journeys are places, not people; Tsveti, Katerina; "ela" before a command', () => {
  expect(parse('close the task send the pallets to Kazan').slots).toEqual({ task: { query: 'send the pallets to Kazan' } });
  expect(parse('create event Trip to Sofia from Monday to Tuesday').slots).toEqual({ title: 'Trip to Sofia', start: '2027-03-15', end: '2027-03-16' });
  expect(parse('set up a call with Almaty tomorrow at ten').slots).toEqual({ title: 'call with Almaty', start: '2027-03-12T10:00' });
  expect(parse('ela create task for tsveti update the price list').slots).toEqual({ title: 'update the price list', responsible: { userId: 3 } });
  expect(parse('give it to katerina', 'task.create').slots).toMatchObject({ responsible: { userId: 4 } });
});

it('"a heads up" is a message; "Assign Kevin a task: …"; "the task of X about Y"', () => {
  expect(parse('Send Andrey a heads up: the truck is late').slots).toEqual({ recipient: { userId: 6 }, text: 'the truck is late' });
  expect(parse('Assign Kevin a task: count the pallets').slots).toEqual({ title: 'count the pallets', responsible: { unresolved: 'Kevin' } });
  expect(parse('close the task of milena about the invoices').slots).toEqual({ task: { person: { userId: 2 }, query: 'invoices' } });
});
