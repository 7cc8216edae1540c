/**
 * Kinds found by blind batches 108 (an Ulan-Ude aircraft-parts plant; a Bangkok auto-parts
 * distributor, Thai English) and 109 (a Krasnodar sunflower-oil plant, southern Russian; a Glasgow
 * ship-repair yard, Glasgow Scots), fixed in the fourteenth session after they were scored blind,
 * and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Bangkok';
// Monday 2027-06-21, 09:00 Bangkok.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 21, hour: 9, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Nok', lastName: 'Srisawat', gender: 'F' },
    { id: 2, name: 'Ploy', lastName: 'Chaiyaporn', gender: 'F' },
    { id: 3, name: 'June', lastName: 'Kittisak', gender: 'F' },
    { id: 4, name: 'Golf', lastName: 'Boonyarit', gender: 'M' },
    { id: 5, name: 'James', lastName: 'Lennox', gender: 'M' },
    { id: 6, name: 'Thomas', lastName: 'Kerr', gender: 'M' },
  ],
};
const RU: Directory = {
  self: 1,
  timeZone: 'Europe/Moscow',
  users: [{ id: 1, name: 'Виктор', lastName: 'Ткаченко', gender: 'M' }],
};

const parse = kindsParser(dir, NOW, TZ);
const parseRu = kindsParser(RU, NOW, 'Europe/Moscow');

it('"Khun Ploy": the Thai title before anyone\'s name or nickname, a month\'s name too ("khun june")', () => {
  expect(parse('Create task for Khun Ploy: check stock of brake pads by Friday').slots).toEqual({ title: 'check stock of brake pads', responsible: { userId: 2 }, deadline: '2027-06-25' });
  expect(parse('send message to khun golf the truck is late').slots).toEqual({ recipient: { userId: 4 }, text: 'the truck is late' });
  expect(parse('cancel tomorrow meeting with khun june').slots).toEqual({ event: { person: { userId: 3 }, at: '2027-06-22' } });
});

it('"yes ka", "never mind krub": Thai polite particles after a reply', () => {
  expect(parse('yes ka').intent).toBe('confirm');
  expect(parse('never mind krub').intent).toBe('cancel');
  expect(parse('no ka').intent).toBe('reject');
});

it('"the meeting with Denso": makers of car parts known the world over are no persons', () => {
  expect(parse('move the meeting with Bridgestone to Tuesday 10am').slots).toEqual({ event: { query: 'meeting with Bridgestone' }, start: '2027-06-22T10:00' });
});

it('Glasgow Scots: the morra, tae, ye, whit, wrang, dae, gonnae; Jamie and Tam', () => {
  expect(parse('remind me the morra at eight tae phone the surveyor').slots).toEqual({ title: 'phone the surveyor', responsible: { self: true }, deadline: '2027-06-22T08:00' });
  expect(parse("whit's on the calendar the morra").slots).toEqual({ kind: 'events', from: '2027-06-22', to: '2027-06-22' });
  expect(parse("naw that's wrang").intent).toBe('reject');
  expect(parse('what can ye dae').intent).toBe('help');
  expect(parse('gonnae make a task for jamie to sweep the shed').slots).toEqual({ title: 'sweep the shed', responsible: { userId: 5 } });
  expect(parse('message tam the crane is fixed').slots).toEqual({ recipient: { userId: 6 }, text: 'the crane is fixed' });
});

it('"what have i got on at the weekend": the British weekend preposition', () => {
  expect(parse('what have i got on at the weekend').slots).toEqual({ from: '2027-06-26', to: '2027-06-27' });
});

it('"та да все верно", "та ну его": southern "та" opening a reply', () => {
  expect(parseRu('та да все верно').intent).toBe('confirm');
  expect(parseRu('та ну его не надо').intent).toBe('cancel');
});
