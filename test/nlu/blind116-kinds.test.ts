/**
 * Kinds found by blind batches 116 (a Tomsk oil-field services company; a Manila BPO company,
 * Philippine English and Taglish) and 117 (a Stavropol farm-machinery dealer; a Newcastle
 * offshore-cable firm, Geordie), fixed in the fourteenth session after they were scored blind, and
 * tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/London';
// Monday 2027-12-13, 10:30 London.
const NOW = instantOfWallTime({ year: 2027, month: 12, day: 13, hour: 10, minute: 30 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Craig', lastName: 'Milburn', gender: 'M' },
    { id: 2, name: 'Christine', lastName: 'Fenwick', gender: 'F' },
    { id: 3, name: 'Christopher', lastName: 'Dodds', gender: 'M' },
    { id: 4, name: 'Joanne', lastName: 'Robson', gender: 'F' },
    { id: 5, name: 'Antonio', lastName: 'Reyes', gender: 'M' },
    { id: 6, name: 'Maricel', lastName: 'Aquino', gender: 'F' },
  ],
};
const RU: Directory = {
  self: 1,
  timeZone: 'Asia/Tomsk',
  users: [
    { id: 1, name: 'Рустам', lastName: 'Галиев', gender: 'M' },
    { id: 2, name: 'Ульяна', lastName: 'Кусамина', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);
const parseRu = kindsParser(RU, NOW, 'Asia/Tomsk');

it('Geordie: the morn, howay, whey aye, gan on; Chrissie and Jo', () => {
  expect(parse("what's christine got on the morn").slots).toEqual({ person: { userId: 2 }, from: '2027-12-14', to: '2027-12-14' });
  expect(parse('howay remind us to phone the harbour master the morn').slots).toEqual({ title: 'phone the harbour master', responsible: { self: true }, deadline: '2027-12-14' });
  expect(parse('whey aye').intent).toBe('confirm');
  expect(parse('aye gan on').intent).toBe('confirm');
  expect(parse('Assign to Chrissie: prepare the toolbox talk for Monday').slots).toMatchObject({ responsible: { userId: 2 } });
  expect(parse('create a task for jo to print the site drawings').slots).toEqual({ title: 'print the site drawings', responsible: { userId: 4 } });
});

it('Taglish: "pa-create", "send message kay …", "ay cancel that", Ton for Antonio', () => {
  expect(parse('pa-create task for kuya ton fix the seating plan tomorrow').slots).toEqual({ title: 'fix the seating plan', responsible: { userId: 5 }, deadline: '2027-12-14' });
  expect(parse('ay cancel that').intent).toBe('cancel');
  expect(parse('send message kay maricel the meeting moved to thursday').slots).toEqual({ recipient: { userId: 6 }, text: 'the meeting moved to thursday' });
  expect(parse('Resched the team building event to Friday').intent).toBe('event.update');
});

it('"a meeting with Orsted": energy companies known the world over are no persons', () => {
  expect(parse('Meeting with Orsted about array cable delays Thursday 2-3pm').slots).toMatchObject({ title: 'meeting with Orsted about array cable delays' });
});

it('"на Лугинецкое месторождение": a neuter adjective is no stranger\'s surname', () => {
  expect(parseRu('добавь событие выезд на Лугинецкое месторождение во вторник на весь день').slots).toEqual({ title: 'выезд на Лугинецкое месторождение', start: '2027-12-14', allDay: true });
});

it('"задачу про журнал ГСМ Ульяне, срок — 22 января": the query ends at a comma after the new person', () => {
  expect(parseRu('Передай задачу про журнал ГСМ Ульяне Кусаминой, срок — 22 января').slots).toEqual({ responsible: { userId: 2 }, deadline: '2028-01-22', task: { query: 'журнал ГСМ' } });
});
