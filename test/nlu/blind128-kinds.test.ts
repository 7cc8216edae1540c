/**
 * Kinds found by blind batches 128 (an Izhevsk machine-parts plant; an Istanbul home-textiles buying
 * office, Turkish English's first batch) and 129 (a Tambov seed distributor; a Sheffield cutlery
 * maker, Yorkshire English's second batch), fixed in the fifteenth session after they were scored
 * blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Istanbul';
// Thursday 2027-05-13, 09:40 Istanbul.
const NOW = instantOfWallTime({ year: 2027, month: 5, day: 13, hour: 9, minute: 40 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Zeynep', lastName: 'Arslan', gender: 'F' },
    { id: 2, name: 'Gökçe', lastName: 'Yıldız', gender: 'F' },
    { id: 3, name: 'Hagop', lastName: 'Kazancıyan', gender: 'M' },
    { id: 4, name: 'Emre', lastName: 'Demir', gender: 'M' },
    { id: 5, name: 'Kevin', lastName: 'Hobson', gender: 'M' },
    { id: 6, name: 'Niamh', lastName: 'Gallagher', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('Turkish replies and openers: tamam, evet, yok, vazgeçtim, boşver; hocam, hadi, şey; abi after a name', () => {
  expect(parse('tamam abi go ahead').intent).toBe('confirm');
  expect(parse('evet').intent).toBe('confirm');
  expect(parse('yok yok, wrong one').intent).toBe('reject');
  expect(parse('vazgeçtim').intent).toBe('cancel');
  expect(parse('bosver abi').intent).toBe('cancel');
  expect(parse('hocam what do i have tomorrow')).toMatchObject({ intent: 'agenda.query', slots: { from: '2027-05-14', to: '2027-05-14' } });
  expect(parse('hadi create task for emre bey check the dye lots on friday').slots).toEqual({ title: 'check the dye lots', responsible: { userId: 4 }, deadline: '2027-05-14' });
  expect(parse('pls create a task for Hagop abi: collect the swatches today').slots).toEqual({ title: 'collect the swatches', responsible: { userId: 3 }, deadline: '2027-05-13' });
});

it('"Gökçe\'ye": a Turkish case ending after the name\'s apostrophe; Otto and Tchibo are companies', () => {
  expect(parse("msg Gökçe'ye: the invoices are in the shared folder").slots).toEqual({ recipient: { userId: 2 }, text: 'the invoices are in the shared folder' });
  expect(parse('Create task: send the price list to Tchibo, for Emre, deadline May 20').slots).toEqual({ title: 'send the price list to Tchibo', responsible: { userId: 4 }, deadline: '2027-05-20' });
});

it('Yorkshire: "our kev", "tha", "while friday", champion, nay, give over; Neve for Niamh', () => {
  expect(parse('can tha make a task for our kev to sweep the yard while friday').slots).toEqual({ title: 'sweep the yard', responsible: { userId: 5 }, deadline: '2027-05-14' });
  expect(parse('tell our kev the grinder is fixed').slots).toEqual({ recipient: { userId: 5 }, text: 'the grinder is fixed' });
  expect(parse('champion').intent).toBe('confirm');
  expect(parse('nay').intent).toBe('reject');
  expect(parse('give over').intent).toBe('cancel');
  expect(parse('what can tha do').intent).toBe('help');
  expect(parse('book a call with neve gallagher tomorrow at ten').slots).toEqual({ title: 'call', start: '2027-05-14T10:00', attendees: [{ userId: 6 }] });
});
