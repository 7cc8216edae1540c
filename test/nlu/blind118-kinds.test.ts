/**
 * Kinds found by blind batches 118 (an Elista meat plant; a Chiang Mai handicrafts exporter, Thai
 * English's second batch) and 119 (an Ivanovo textile mill; a Surabaya shipyard, Indonesian
 * English's second batch), fixed in the fourteenth session after they were scored blind, and
 * tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Jakarta';
// Monday 2027-04-05, 10:00 Jakarta.
const NOW = instantOfWallTime({ year: 2027, month: 4, day: 5, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Wulan', lastName: 'Sari', gender: 'F' },
    { id: 2, name: 'Kholil', lastName: 'Anwar', gender: 'M' },
    { id: 3, name: 'Eh Paw', lastName: 'Htoo', gender: 'F' },
    { id: 4, name: 'Gift', lastName: 'Saetang', gender: 'F' },
    { id: 5, name: 'Rizki', lastName: 'Pratama', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('"Cak Kholil", "Nong Gift", "Phi Gift": East Javanese and Thai titles before a given name', () => {
  expect(parse('creat a task for cak kholil to clean up the slipway by next tuesday').slots).toEqual({ title: 'clean up the slipway', responsible: { userId: 2 }, deadline: '2027-04-13' });
  expect(parse('tell phi gift the samples are packed').slots).toEqual({ recipient: { userId: 4 }, text: 'the samples are packed' });
  expect(parse('Assign Nong Gift to update the price list, due 7/30').slots).toEqual({ title: 'update the price list', responsible: { userId: 4 }, deadline: '2027-07-30' });
});

it('"Eh Paw" is called Paw: a Karen name\'s opening word, left out', () => {
  expect(parse('Can you make a task for Paw - repair the loading ramp - by Thursday?').slots).toEqual({ title: 'repair the loading ramp', responsible: { userId: 3 }, deadline: '2027-04-08' });
});

it('"iya", "kirim message to …", "remain me", "the call with Damen"', () => {
  expect(parse('iya correct').intent).toBe('confirm');
  expect(parse('kirim message to mas rizki the generator needs new filters').slots).toEqual({ recipient: { userId: 5 }, text: 'the generator needs new filters' });
  expect(parse('remain me on march twentieth to renew the dock insurance').slots).toEqual({ title: 'renew the dock insurance', responsible: { self: true }, deadline: '2028-03-20' });
  expect(parse('move the call with damen from wednesday to friday').slots).toEqual({ event: { query: 'call with damen', at: '2027-04-07' }, start: '2027-04-09' });
});

it('"не, отмени это": a no and a perfective cancel are a cancel; "не отменяй" stays a yes', () => {
  expect(parse('не, отмени это').intent).toBe('cancel');
  expect(parse('не отменяй').intent).toBe('confirm');
});
