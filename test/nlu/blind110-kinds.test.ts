/**
 * Kinds found by blind batches 110 (a Petrozavodsk log-house builder; a Seoul cosmetics exporter,
 * Korean English) and 111 (a Pskov flax mill; a Jakarta shipping agency, Indonesian English), fixed
 * in the fourteenth session after they were scored blind, and tested here with sentences of our
 * own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Jakarta';
// Tuesday 2027-02-16, 10:00 Jakarta.
const NOW = instantOfWallTime({ year: 2027, month: 2, day: 16, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Dewi', lastName: 'Lestari', gender: 'F' },
    { id: 2, name: 'Joko', lastName: 'Widodo', gender: 'M' },
    { id: 3, name: 'Sari', lastName: 'Widodo', gender: 'F' },
    { id: 4, name: 'Rizal', lastName: 'Hakim', gender: 'M' },
    { id: 5, name: 'Ji-ho', lastName: 'Lee', gender: 'M' },
    { id: 6, name: 'Min-ji', lastName: 'Lee', gender: 'F' },
    { id: 7, name: 'Eun-bi', lastName: 'Choi', gender: 'F' },
  ],
};
const RU: Directory = {
  self: 1,
  timeZone: 'Europe/Moscow',
  users: [
    { id: 1, name: 'Вадим', lastName: 'Коски', gender: 'M' },
    { id: 2, name: 'Тойво', lastName: 'Хейккинен', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);
const parseRu = kindsParser(RU, NOW, 'Europe/Moscow');

it('"pak widodo", "bu widodo", "mas rizal": Indonesian titles before a name, with its sex', () => {
  expect(parse('create task for pak widodo check the barge schedule by friday').slots).toEqual({ title: 'check the barge schedule', responsible: { userId: 2 }, deadline: '2027-02-19' });
  expect(parse('tell bu widodo that the fee already transferred').slots).toEqual({ recipient: { userId: 3 }, text: 'the fee already transferred' });
  expect(parse('schedule meeting with mas rizal at half past three').slots).toEqual({ title: 'meeting', start: '2027-02-16T15:30', attendees: [{ userId: 4 }] });
});

it('"ok sip", "tolong …": Indonesian replies and openers', () => {
  expect(parse('ok sip').intent).toBe('confirm');
  expect(parse('tolong create task for pak joko send the schedule tomorrow').slots).toEqual({ title: 'send the schedule', responsible: { userId: 2 }, deadline: '2027-02-17' });
});

it('"manager Lee", "team leader Lee", "Eun-bi-ssi", "jiho": Korean office names', () => {
  expect(parse('Message manager Lee: the container left Busan').slots).toEqual({ recipient: { candidates: [5, 6] }, text: 'the container left Busan' });
  expect(parse('create task for team leader choi review the forecast').slots).toEqual({ title: 'review the forecast', responsible: { userId: 7 } });
  expect(parse('Write Eun-bi-ssi: the buyer wants the price in USD').slots).toEqual({ recipient: { userId: 7 }, text: 'the buyer wants the price in USD' });
  expect(parse('message jiho the samples are ready').slots).toEqual({ recipient: { userId: 5 }, text: 'the samples are ready' });
});

it('"for one and a half hours": a duration said so', () => {
  expect(parse('schedule a meeting with rizal at noon on the 20th for one and a half hours').slots).toEqual({ title: 'meeting', start: '2027-02-20T12:00', end: '2027-02-20T13:30', attendees: [{ userId: 4 }] });
});

it('"score lead sportmaster": a lower-case name after the lead noun, to the end', () => {
  expect(parse('how big chance we close lead adaro indonesia').slots).toEqual({ lead: { query: 'adaro indonesia' } });
  expect(parse('what is chance of deal pt bumi resources').slots).toEqual({ lead: { query: 'pt bumi resources', entity: 'deal' } });
});

it('"на завтра в 8:30: встретить машину": a colon after a time opens the content, the time stays', () => {
  expect(parseRu('Создай задачу Тойво Хейккинену на завтра в 8:30: встретить машину с OSB-плитой').slots).toEqual({ title: 'встретить машину с OSB-плитой', responsible: { userId: 2 }, deadline: '2027-02-17T08:30' });
});
