/**
 * Kinds found by blind batches 106 (a Makhachkala fish cannery; a Leeds woollen mill, Yorkshire
 * English) and 107 (a Belgorod agricultural holding; a Ho Chi Minh City coffee exporter, Vietnamese
 * English), fixed in the fourteenth session after they were scored blind, and tested here with
 * sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/London';
// Tuesday 2027-10-12, 09:30 London.
const NOW = instantOfWallTime({ year: 2027, month: 10, day: 12, hour: 9, minute: 30 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Brian', lastName: 'Sutcliffe', gender: 'M' },
    { id: 2, name: 'Huong', lastName: 'Le', gender: 'F' },
    { id: 3, name: 'Tuan', lastName: 'Pham', gender: 'M' },
    { id: 4, name: 'Edward', lastName: 'Pike', gender: 'M' },
    { id: 5, name: 'Kathleen', lastName: 'Briggs', gender: 'F' },
    { id: 6, name: 'Grace', lastName: 'Wood', gender: 'F' },
    { id: 7, name: 'Harry', lastName: 'Wood', gender: 'M' },
    { id: 8, name: 'Sam', lastName: 'Lister', gender: 'M' },
    { id: 9, name: 'Ralph', lastName: 'Forbes', gender: 'M' },
    { id: 10, name: 'Mark', lastName: 'Dunn', gender: 'M' },
    { id: 11, name: 'Mark', lastName: 'Holt', gender: 'M' },
  ],
};
const RU: Directory = {
  self: 1,
  timeZone: 'Europe/Moscow',
  users: [
    { id: 1, name: 'Руслан', lastName: 'Гаджиев', gender: 'M' },
    { id: 2, name: 'Mark', lastName: 'Frost', gender: 'M' },
    { id: 3, name: 'Amber', lastName: 'Price', gender: 'F' },
    { id: 4, name: 'Патимат', lastName: 'Алиева', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);
const parseRu = kindsParser(RU, NOW, 'Europe/Moscow');

it('"Ms Huong", "mister tuan": any title before a given name where nobody has it as a surname (Vietnamese usage)', () => {
  expect(parse('Send msg to Ms Huong: the invoice is paid').slots).toEqual({ recipient: { userId: 2 }, text: 'the invoice is paid' });
  expect(parse('create task for mister tuan check the roaster by friday').slots).toEqual({ title: 'check the roaster', responsible: { userId: 3 }, deadline: '2027-10-15' });
  // (A surname said after the title still wins, and the title's sex still picks: "mrs wood" is Grace.)
  expect(parse('tell mrs wood the van is here').slots).toEqual({ recipient: { userId: 6 }, text: 'the van is here' });
});

it('"Pham Van Tuan": a Vietnamese full name, surname, middle name, given name, is the user of that surname and given name', () => {
  expect(parse('Add a task for Pham Van Tuan - follow up the payment, due next Friday').slots).toEqual({ title: 'follow up the payment', responsible: { userId: 3 }, deadline: '2027-10-22' });
});

it('"a tesk": a letter changed in the command noun after its verb, in a word no lexicon has', () => {
  expect(parse('create a tesk for tuan to call the roastery').slots).toEqual({ title: 'call the roastery', responsible: { userId: 3 } });
  // (A real word stays what it is: "a desk" is no task.)
  expect(parse('create a desk for tuan').intent).not.toBe('task.create');
});

it('"put a job on for X", "slap a reminder on for me": Northern verbs, nouns and particles of a task', () => {
  expect(parse('put a job on for sam to get three quotes by friday').slots).toEqual({ title: 'get three quotes', responsible: { userId: 8 }, deadline: '2027-10-15' });
  expect(parse('slap a reminder on for me to order the hampers on the 2nd').slots).toEqual({ title: 'order the hampers', responsible: { self: true }, deadline: '2027-11-02' });
  expect(parse('ey up remind us to ring the bank at three').slots).toEqual({ title: 'ring the bank', responsible: { self: true }, deadline: '2027-10-12T15:00' });
});

it("Yorkshire wi', t', reyt and a surname with lass or lad", () => {
  expect(parse("put a meeting in wi' ralph forbes at half two").slots).toEqual({ title: 'meeting', start: '2027-10-12T14:30', attendees: [{ userId: 9 }] });
  expect(parse('schedule a call wi ralph thursday morning').slots).toEqual({ title: 'call', start: '2027-10-14T09:00', attendees: [{ userId: 9 }] });
  expect(parse("yep that's reyt").intent).toBe('confirm');
  expect(parse('tell the Wood lass the van is here').slots).toEqual({ recipient: { userId: 6 }, text: 'the van is here' });
});

it('Ted for Edward, Kath for Kathleen', () => {
  expect(parse('create a task for ted pike to clean the carding engine').slots).toEqual({ title: 'clean the carding engine', responsible: { userId: 4 } });
  expect(parse('message kath briggs the dye is in').slots).toEqual({ recipient: { userId: 5 }, text: 'the dye is in' });
});

it('"stop, dont create anything": a negated command after a cancel is the same cancel', () => {
  expect(parse('stop, dont create anything').intent).toBe('cancel');
  expect(parse('cancel, don\'t add the task').intent).toBe('cancel');
});

it('"give the new lad a task to …": "a task" after whoever is named is a new task, no reassignment', () => {
  expect(parse('give the new lad a task to sort the swatch books').intent).toBe('task.create');
});

it('"в 17:00": a time\'s colon is no colon before a text in another language — the Russian command stays Russian', () => {
  expect(parseRu('поставь созвон с mark frost и amber price в чт в 17:00 на полчаса').slots).toEqual({ title: 'созвон', attendees: [{ userId: 2 }, { userId: 3 }], start: '2027-10-14T17:00', end: '2027-10-14T17:30' });
});

it('"што" marks a message text as "что" does', () => {
  expect(parseRu('напиши алиевой патимат што завтра планерка в восемь').slots).toEqual({ recipient: { userId: 4 }, text: 'завтра планерка в восемь' });
});
