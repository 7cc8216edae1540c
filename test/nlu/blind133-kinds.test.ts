/**
 * Kinds found by blind batches 133 (a Blagoveshchensk soybean processor; a Gdansk ship-supplies
 * company, Polish English's first batch) and 134 (a Lipetsk steel-rolling plant; an Addis Ababa coffee
 * exporter, Ethiopian English's first batch), fixed in the sixteenth session after they were scored
 * blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Warsaw';
// Tuesday 2027-03-09, 09:10 Warsaw.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 9, hour: 9, minute: 10 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Anna', lastName: 'Wiśniewska', gender: 'F' },
    { id: 2, name: 'Jarosław', lastName: 'Wróbel', gender: 'M' },
    { id: 3, name: 'Elżbieta', lastName: 'Dąbrowska-Lis', gender: 'F' },
    { id: 4, name: 'Tadeusz', lastName: 'Nowicki', gender: 'M' },
    { id: 5, name: 'Ermias', lastName: 'Bekele', gender: 'M' },
    { id: 6, name: 'Bekele', lastName: 'Tadesse', gender: 'M' },
    { id: 7, name: 'Selamawit', lastName: 'Haile', gender: 'F' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);

const ruTZ = 'Europe/Moscow';
const ruNOW = instantOfWallTime({ year: 2027, month: 3, day: 9, hour: 9, minute: 10 }, ruTZ);
const ru = kindsParser(
  {
    self: 1,
    timeZone: ruTZ,
    users: [
      { id: 1, name: 'Олег', lastName: 'Ларин', gender: 'M' },
      { id: 2, name: 'Степан', lastName: 'Горячий', gender: 'M' },
      { id: 3, name: 'Ольга', lastName: 'Горячая', gender: 'F' },
      { id: 4, name: 'Евдокия', lastName: 'Рябова', gender: 'F' },
    ],
  },
  ruNOW,
  ruTZ,
);

it('Polish: Pan/Pani before a given name or surname, Jarek and Ela, a part of a double surname folded, replies, napisz', () => {
  expect(parse('task for pan jarek: order the anchor chain by friday').slots).toEqual({ title: 'order the anchor chain', responsible: { userId: 2 }, deadline: '2027-03-12' });
  expect(parse('tell pani ela the paint samples came').slots).toEqual({ recipient: { userId: 3 }, text: 'the paint samples came' });
  expect(parse('task for dabrowska check the hull coating order').slots).toEqual({ title: 'check the hull coating order', responsible: { userId: 3 } });
  expect(parse('make task for pan zbigniew check the winch').slots).toEqual({ title: 'check the winch', responsible: { unresolved: 'Zbigniew' } });
  expect(parse('spoko').intent).toBe('confirm');
  expect(parse('no dobra, rób').intent).toBe('confirm');
  expect(parse('nie').intent).toBe('reject');
  expect(parse('nie, better for tadeusz', 'task.create')).toEqual(expect.objectContaining({ intent: 'reject', slots: { responsible: { userId: 4 } } }));
  expect(parse('napisz... sorry, message Tadeusz: the pilot is at six').slots).toEqual({ recipient: { userId: 4 }, text: 'the pilot is at six' });
  expect(parse('meeting with Tadeusz on friday 11:00, one and half hour').slots).toEqual({ title: 'meeting', start: '2027-03-12T11:00', end: '2027-03-12T12:30', attendees: [{ userId: 4 }] });
  expect(parse('set deadline of the hull task to friday').slots).toEqual({ task: { query: 'hull' }, deadline: '2027-03-12' });
  expect(parse('what are chances on deal with baltic tug').slots).toEqual({ lead: { query: 'baltic tug', entity: 'deal' } });
  expect(parse('how to use you, what commands you have?').intent).toBe('help');
});

it('Ethiopian: Ato/Weizero before a given name (never the surname another colleague has), Ermi, Selam, Amharic replies, a grandfather\'s name', () => {
  expect(parse('task for ato bekele: weigh the green coffee by thursday').slots).toEqual({ title: 'weigh the green coffee', responsible: { userId: 6 }, deadline: '2027-03-11' });
  expect(parse('message weizero selam the lab results are in').slots).toEqual({ recipient: { userId: 7 }, text: 'the lab results are in' });
  expect(parse('create a task for Ermi to book the cupping room').slots).toEqual({ title: 'book the cupping room', responsible: { userId: 5 } });
  expect(parse('awo').intent).toBe('confirm');
  expect(parse('ishi go ahead').intent).toBe('confirm');
  expect(parse('aydelem').intent).toBe('reject');
  expect(parse('tew, not needed').intent).toBe('cancel');
  expect(parse('create task for Ermias Bekele Woldemariam: renew the export licence').slots).toEqual({ title: 'renew the export licence', responsible: { userId: 5 } });
  expect(parse('send a message to mister gebremedhin that the trucks left').slots).toEqual({ recipient: { unresolved: 'Gebremedhin' }, text: 'the trucks left' });
});

it('Russian: "нужно, чтобы X сделал", an adjective\'s surname (Горячему, Горячей), Дуся, "в чат"', () => {
  expect(ru('Нужно, чтобы Степан до пятницы проверил весы').slots).toEqual({ title: 'проверил весы', responsible: { userId: 2 }, deadline: '2027-03-12' });
  expect(ru('напиши Степану Горячему что весы готовы').slots).toEqual({ recipient: { userId: 2 }, text: 'весы готовы' });
  expect(ru('поставь задачу Горячей проверить накладные').slots).toEqual({ title: 'проверить накладные', responsible: { userId: 3 } });
  expect(ru('напиши дусе что ключи у охраны').slots).toEqual({ recipient: { userId: 4 }, text: 'ключи у охраны' });
  expect(ru('Скинь Ольге в чат, что весы готовы').slots).toEqual({ recipient: { userId: 3 }, text: 'весы готовы' });
});
