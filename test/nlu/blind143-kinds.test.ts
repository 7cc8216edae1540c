/**
 * Kinds found by blind batches 143 (a Kurgan dairy cooperative; an Addis Ababa coffee exporter,
 * Ethiopian English's second batch) and 144 (an Irkutsk Baikal tour operator; a Guangzhou electronics
 * trader, Chinese English's second batch), fixed in the seventeenth session after they were scored
 * blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Africa/Addis_Ababa';
// Monday 2027-08-02, 10:00 Addis Ababa.
const NOW = instantOfWallTime({ year: 2027, month: 8, day: 2, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Hirut', lastName: 'Bekele', gender: 'F' },
    { id: 2, name: 'Dagmawi', lastName: 'Haile', gender: 'M' },
    { id: 3, name: 'Mahlet', lastName: 'Girma', gender: 'F' },
    { id: 4, name: 'Betelhem', lastName: 'Kassa', gender: 'F' },
    { id: 5, name: 'Bethlehem', lastName: 'Ayele', gender: 'F' },
    { id: 6, name: 'Li', lastName: 'Na', gender: 'F' },
    { id: 7, name: 'Tamar', lastName: 'Gelashvili', gender: 'F' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);
const MSK = 'Europe/Moscow';
const ru = kindsParser(
  {
    self: 1,
    timeZone: MSK,
    users: [
      { id: 1, name: 'Олег', lastName: 'Белов', gender: 'M' },
      { id: 2, name: 'Артём', lastName: 'Кузьмин', gender: 'M' },
      { id: 3, name: 'Аюр', lastName: 'Бадмаев', gender: 'M' },
      { id: 4, name: 'Туяна', lastName: 'Гомбоева', gender: 'F' },
      { id: 5, name: 'Ренат', lastName: 'Сабиров', gender: 'M' },
    ],
  },
  instantOfWallTime({ year: 2027, month: 8, day: 2, hour: 10, minute: 0 }, MSK),
  MSK,
);

it('Ethiopian short forms (Dagi, Mahi, Betty for both); Mandarin replies and openers (hao, xing, nei ge, en)', () => {
  expect(parse('ping dagi the trucks left the warehouse').slots).toEqual({ recipient: { userId: 2 }, text: 'the trucks left the warehouse' });
  expect(parse('task for mahi: book the cupping room').slots).toEqual({ title: 'book the cupping room', responsible: { userId: 3 } });
  expect(parse("what's on betty's calendar tomorrow").slots).toEqual({ kind: 'events', person: { candidates: [4, 5] }, from: '2027-08-03', to: '2027-08-03' });
  expect(parse('hao').intent).toBe('confirm');
  expect(parse('xing go ahead').intent).toBe('confirm');
  expect(parse('nei ge remind me to renew the export permit').slots).toEqual({ title: 'renew the export permit', responsible: { self: true } });
  expect(parse('en my overdue tasks').slots).toEqual({ kind: 'tasks', overdue: true });
});

it('"check schedule of" asks the plan; a bare spoken range after a day with the end\'s minutes; "write" a stranger "that …"', () => {
  expect(parse('check the schedule of tamar gelashvili for friday').slots).toEqual({ person: { userId: 7 }, from: '2027-08-06', to: '2027-08-06' });
  expect(parse('set up a meeting with tamar friday ten to eleven fifteen').slots).toEqual({ title: 'meeting', start: '2027-08-06T10:00', end: '2027-08-06T11:15', attendees: [{ userId: 7 }] });
  expect(parse('write yonatan that the samples are ready').slots).toEqual({ recipient: { unresolved: 'Yonatan' }, text: 'the samples are ready' });
  // (A common word after "write" is no stranger: "write down that …" asks nothing of anybody.)
  expect(parse('write down that the samples are ready').intent).not.toBe('message.send');
});

it('a short given name that is a marker\'s word, a patronymic beside a surname a letter off, thinking words before "что"', () => {
  expect(ru('поставь задачу на Тёму Кузьмина: пересчитать паллеты').slots).toEqual({ title: 'пересчитать паллеты', responsible: { userId: 2 } });
  expect(ru('поручи аюру гомбоевичу встретить группу').slots).toEqual({ title: 'встретить группу', responsible: { userId: 3 } });
  expect(ru('напиши ренату ну короче что автобус задерживается').slots).toEqual({ recipient: { userId: 5 }, text: 'автобус задерживается' });
});
