/**
 * Kinds found by blind batches 131 (a Vladikavkaz mineral-water and brewing company; an Osaka
 * precision-tools office, Japanese English's first batch) and 132 (a Syktyvkar pulp-and-paper mill;
 * an Izmir dried-fruit exporter, Turkish English's second batch), fixed in the sixteenth session
 * after they were scored blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Tokyo';
// Monday 2027-09-06, 10:20 Tokyo.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 6, hour: 10, minute: 20 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Yuko', lastName: 'Mori', gender: 'F' },
    { id: 2, name: 'Daichi', lastName: 'Ishikawa', gender: 'M' },
    { id: 3, name: 'Haruka', lastName: 'Ishikawa', gender: 'F' },
    { id: 4, name: 'Sota', lastName: 'Fujita', gender: 'M' },
    { id: 5, name: 'Emine', lastName: 'Kaya', gender: 'F' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);
const expecting = (text: string) => parse(text, 'task.create');

const RU_TZ = 'Europe/Moscow';
const RU_NOW = instantOfWallTime({ year: 2027, month: 9, day: 6, hour: 10, minute: 20 }, RU_TZ);
const ru = kindsParser({ self: 1, timeZone: RU_TZ, users: [{ id: 1, name: 'Инна', lastName: 'Попова', gender: 'F' }] }, RU_NOW, RU_TZ);

it('Japanese replies and openers: hai, onegaishimasu, iie, chigaimasu, mou ii; "so desu ne", "etto" before a command', () => {
  expect(parse('hai').intent).toBe('confirm');
  expect(parse('hai, onegaishimasu').intent).toBe('confirm');
  expect(parse('Yes, please proceed').intent).toBe('confirm');
  expect(parse('iie').intent).toBe('reject');
  expect(parse('chigaimasu').intent).toBe('reject');
  expect(parse('mou ii').intent).toBe('cancel');
  expect(parse('etto create task for sota to order the end mills on friday').slots).toEqual({ title: 'order the end mills', responsible: { userId: 4 }, deadline: '2027-09-10' });
  expect(expecting('iie, thursday')).toEqual(expect.objectContaining({ intent: 'reject', slots: { deadline: '2027-09-09' } }));
  expect(expecting('sorry, responsible is Fujita-san')).toEqual(expect.objectContaining({ intent: 'reject', slots: { responsible: { userId: 4 } } }));
});

it('-san: its possessive, a lower-case stranger before it, the owner of a schedule said without a possessive', () => {
  expect(parse("Fujita-san's meetings on 9/8?").slots).toEqual({ kind: 'events', person: { userId: 4 }, from: '2027-09-08', to: '2027-09-08' });
  expect(parse('message nakamura san that the gauges arrived').slots).toEqual({ recipient: { unresolved: 'Nakamura' }, text: 'the gauges arrived' });
  expect(parse('Sota-san schedule tomorrow?').slots).toEqual({ person: { userId: 4 }, from: '2027-09-07', to: '2027-09-07' });
  expect(parse('schedule for Thursday please').slots).toEqual({ from: '2027-09-09', to: '2027-09-09' });
  expect(parse('Fujita-san cannot attend the meeting tomorrow').intent).toBe('unknown');
});

it('MTG and uchiawase are kinds of meeting kept as said; "new" in a title; "calendar:" opens an event; Daikin is a company', () => {
  expect(parse('set uchiawase with Ishikawa Daichi-san on Wednesday 10:00-10:30').slots).toEqual({ title: 'uchiawase', start: '2027-09-08T10:00', end: '2027-09-08T10:30', attendees: [{ userId: 2 }] });
  expect(parse('book MTG with Sota tomorrow at 3pm').slots).toEqual({ title: 'mtg', start: '2027-09-07T15:00', attendees: [{ userId: 4 }] });
  expect(parse('Calendar: review of new tooling catalogue, 9/14 at 11:00').slots).toEqual({ title: 'review of new tooling catalogue', start: '2027-09-14T11:00' });
  expect(parse('meeting with Daikin on Friday at 2pm').slots).toEqual({ title: 'meeting with Daikin', start: '2027-09-10T14:00' });
  expect(parse('Please check possibility of the Nagoya Kogyo deal').slots).toEqual({ lead: { query: 'Nagoya Kogyo', entity: 'deal' } });
});

it('Turkish English: hayır, iptal, okey, mesaj, "ee"; a title with a case ending; "open tasks of X"', () => {
  expect(parse('hayır').intent).toBe('reject');
  expect(parse('iptal').intent).toBe('cancel');
  expect(parse('okey that is correct').intent).toBe('confirm');
  expect(parse('mesaj to Emine: the figs are loaded').slots).toEqual({ recipient: { userId: 5 }, text: 'the figs are loaded' });
  expect(parse('ee remind me to call the broker at four').slots).toEqual({ title: 'call the broker', responsible: { self: true }, deadline: '2027-09-06T16:00' });
  expect(parse("tell Emine Hanım'a that the samples left").slots).toEqual({ recipient: { userId: 5 }, text: 'the samples left' });
  expect(parse('open tasks of Haruka Ishikawa').slots).toEqual({ kind: 'tasks', person: { userId: 3 } });
});

it('"без четверти восемь" is 7:45 (the named hour is the morning\'s); "пол часа"; a lower-case abbreviation after its adjective ("сыктывкарским лпк")', () => {
  expect(ru('созвон завтра без четверти восемь').slots).toEqual({ title: 'созвон', start: '2027-09-07T07:45' });
  expect(ru('созвон завтра без четверти пять').slots).toEqual({ title: 'созвон', start: '2027-09-07T16:45' });
  expect(parse('meeting tomorrow at quarter to eight').slots).toEqual({ title: 'meeting', start: '2027-09-07T07:45' });
  expect(ru('планерка завтра в десять на пол часа').slots).toEqual({ title: 'планёрка', start: '2027-09-07T10:00', end: '2027-09-07T10:30' });
  expect(ru('оцени сделку с сыктывкарским лпк').slots).toEqual({ lead: { query: 'сыктывкарский лпк', entity: 'deal' } });
});
