/**
 * Kinds found by blind batches 141 (a Kostroma linen mill; a Nagoya auto-parts supplier, Japanese
 * English's second batch) and 142 (a Murmansk fishing port; a Wrocław software house, Polish English's
 * second batch), fixed in the seventeenth session after they were scored blind, and tested here with
 * sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Tokyo';
// Friday 2027-06-11, 10:00 Tokyo.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 11, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Yuki', lastName: 'Mori', gender: 'F' },
    { id: 2, name: 'Daichi', lastName: 'Sakamoto', gender: 'M' },
    { id: 3, name: 'Will', lastName: 'Parker', gender: 'M' },
    { id: 4, name: 'Kasia', lastName: 'Nowak', gender: 'F' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);
const MSK = 'Europe/Moscow';
const ru = kindsParser(
  { self: 1, timeZone: MSK, users: [{ id: 1, name: 'Олег', lastName: 'Белов', gender: 'M' }, { id: 2, name: 'Нина', lastName: 'Жукова', gender: 'F' }] },
  instantOfWallTime({ year: 2027, month: 6, day: 11, hour: 10, minute: 0 }, MSK),
  MSK,
);

it('Japanese: -kun and -chan after a name, "onegaishimasu" closing a request; Polish "słuchaj" before it', () => {
  expect(parse('tell sakamoto kun the jig is calibrated').slots).toEqual({ recipient: { userId: 2 }, text: 'the jig is calibrated' });
  expect(parse('make task for Sakamoto-kun check torque wrench by monday').slots).toEqual({ title: 'check torque wrench', responsible: { userId: 2 }, deadline: '2027-06-14' });
  expect(parse('any overdue tasks of Sakamoto-kun?').slots).toEqual({ kind: 'tasks', overdue: true, person: { userId: 2 } });
  expect(parse('Create task for Daichi: order new gloves, by Friday, onegaishimasu').slots).toEqual({ title: 'order new gloves', responsible: { userId: 2 }, deadline: '2027-06-18' });
  expect(parse('sluchaj create a task for kasia update the release notes').slots).toEqual({ title: 'update the release notes', responsible: { userId: 4 } });
});

it('a lead\'s score asked "for this deal" after "lead score"; a colleague named like the verb said after it', () => {
  expect(parse('lead score for this deal').slots).toEqual({ lead: { context: true, entity: 'deal' } });
  expect(parse('complete will parker task about the gauge').slots).toEqual({ task: { person: { userId: 3 }, query: 'gauge' } });
});

it('a clock read aloud with "ноль ноль" right after a day, no preposition', () => {
  expect(ru('создай событие ярмарка с двенадцатого июня девять ноль ноль по четырнадцатое июня семнадцать ноль ноль').slots).toEqual({ title: 'ярмарка', start: '2027-06-12T09:00', end: '2027-06-14T17:00' });
  expect(ru('созвон с Ниной завтра одиннадцать ноль ноль').slots).toEqual({ title: 'созвон', start: '2027-06-12T11:00', attendees: [{ userId: 2 }] });
  // (A phone number is no clock.)
  expect(ru('напиши Нине номер завтра восемь ноль ноль пять пять пять').slots).toMatchObject({ recipient: { userId: 2 } });
  expect(ru('напиши Нине номер завтра восемь ноль ноль пять пять пять').slots.text).toContain('восемь ноль ноль пять');
});
