/**
 * Kinds found by blind batch 76 (a Perm publishing house; a Kingston, Jamaica, freight forwarder),
 * fixed in the eleventh session after it was scored blind, and tested here with sentences and a
 * directory of our own; each failed before. (The Russian half scored 150/150 blind.)
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Jamaica';
// Thursday 2027-09-09, 10:00 Kingston.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 9, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Marcia', lastName: 'Brown', gender: 'F' },
    { id: 2, name: 'Delroy', lastName: 'Campbell', gender: 'M' },
    { id: 3, name: 'Shanique', lastName: 'Bailey', gender: 'F' },
    { id: 4, name: 'Andre', lastName: 'MacDonald', gender: 'M' },
    { id: 5, name: 'Fitzgerald', lastName: 'Reid', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('"for X to um no for Y to …": the sentence gone a word past the first person before the repair', () => {
  expect(parse('create a task for delroy to uh no for shanique to lock the bonded store on friday').slots).toEqual({ title: 'lock the bonded store', responsible: { userId: 3 }, deadline: '2027-09-10' });
});

it('a Mc/Mac surname said as two words', () => {
  expect(parse('task for andre mac donald to chase the customs broker').slots).toEqual({ title: 'chase the customs broker', responsible: { userId: 4 } });
});

it('a closing "nah" is said to the assistant, no title word', () => {
  expect(parse('make a task for shanique to file the manifest by monday nah').slots).toEqual({ title: 'file the manifest', responsible: { userId: 3 }, deadline: '2027-09-13' });
});

it('Jamaican everyday words: "nuh badda", "mek … fi", "wha yuh can do", Fitz', () => {
  expect(parse('nuh badda').intent).toBe('cancel');
  expect(parse('mek a task fi delroy check the seals tomorrow').slots).toEqual({ title: 'check the seals', responsible: { userId: 2 }, deadline: '2027-09-10' });
  expect(parse('wha yuh can do fi mi').intent).toBe('help');
  expect(parse('ping Fitz that the van is here').slots).toEqual({ recipient: { userId: 5 }, text: 'the van is here' });
});

it('"what do i have to do …" asks about the whole plan, no to-dos only', () => {
  expect(parse('what do i have to do tomorrow').slots).toEqual({ from: '2027-09-10', to: '2027-09-10' });
  expect(parse('wha mi have fi do tomorrow').slots).toEqual({ from: '2027-09-10', to: '2027-09-10' });
});
