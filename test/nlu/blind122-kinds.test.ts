/**
 * Kinds found by blind batches 122 (an Arkhangelsk timber port; a Busan shipbuilding-equipment
 * supplier, Korean English's second batch) and 123 (a Ufa refinery maintenance contractor; a
 * Guadalajara electronics manufacturer, Mexican English's second batch), fixed in the fourteenth
 * session after they were scored blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Mexico_City';
// Monday 2027-10-18, 11:00 Mexico City.
const NOW = instantOfWallTime({ year: 2027, month: 10, day: 18, hour: 11, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Rodrigo', lastName: 'Ortega', gender: 'M' },
    { id: 2, name: 'María Guadalupe', lastName: 'Torres', gender: 'F' },
    { id: 3, name: 'Salvador', lastName: 'Paz', gender: 'M' },
    { id: 4, name: 'María José', lastName: 'Aguilar', gender: 'F' },
    { id: 5, name: 'Min-su', lastName: 'Kang', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('Lupita, Chava, Majo: Mexican short forms; "ándale", "olvídalo", "mensaje … que …"', () => {
  expect(parse('Message Lupita: the customer is coming at 3').slots).toEqual({ recipient: { userId: 2 }, text: 'the customer is coming at 3' });
  expect(parse('new task for don chava call the guards about the gate').slots).toEqual({ title: 'call the guards about the gate', responsible: { userId: 3 } });
  expect(parse('Task for Majo: update the supplier scorecard').slots).toEqual({ title: 'update the supplier scorecard', responsible: { userId: 4 } });
  expect(parse('ándale pues').intent).toBe('confirm');
  expect(parse('olvídalo').intent).toBe('cancel');
  expect(parse('send a mensaje to salvador que mañana no hay overtime').slots).toEqual({ recipient: { userId: 3 }, text: 'mañana no hay overtime' });
});

it('"Kang bujang-nim": a Korean post after the surname', () => {
  expect(parse('New task for Kang bujang-nim: sign off the contract draft').slots).toEqual({ title: 'sign off the contract draft', responsible: { userId: 5 } });
});

it('"the call with Avnet": distributors known the world over are no persons', () => {
  expect(parse('Cancel the call with Avnet').slots).toEqual({ event: { query: 'call with Avnet' } });
});
