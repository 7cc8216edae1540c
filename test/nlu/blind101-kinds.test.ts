/**
 * Kinds found by blind batch 101 (a Norilsk-area construction contractor; a Birmingham automotive
 * engineering consultancy), fixed in the twelfth session after it was scored blind, and tested here
 * with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/London';
// Friday 2027-06-25, 10:00 London.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 25, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Gareth', lastName: 'Pryce', gender: 'M' },
    { id: 2, name: 'Imogen', lastName: 'Hale', gender: 'F' },
  ],
};
const ru: Directory = { self: 1, timeZone: 'Asia/Krasnoyarsk', users: [{ id: 1, name: 'Виталий', lastName: 'Костромин', gender: 'M' }] };

const parse = kindsParser(dir, NOW, TZ);

it('"for um sorry for Chloe Walker": "sorry" after a preposition is a pause before it is said again', () => {
  expect(parse('make a task for uh sorry for imogen hale to book the test rig').slots).toEqual({ title: 'book the test rig', responsible: { userId: 2 } });
});

it('"сделка с Таймыргеологией": an -ия name no dictionary knows, said in the instrumental', () => {
  expect(parse('какие шансы у сделки с Норильскэнергией?', undefined, ru).slots).toEqual({ lead: { query: 'Норильскэнергия', entity: 'deal' } });
});
