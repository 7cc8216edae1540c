/**
 * Kinds of miss blind batch 17 showed (docs/nlu-heldout.md), with sentences and a directory of our
 * own, each failing before its fix.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Tuesday 2027-10-12, 09:15 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 10, day: 12, hour: 9, minute: 15 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Nell', lastName: 'Parry', gender: 'F' },
    { id: 2, name: 'Тимур', lastName: 'Ясин', gender: 'M' },
    { id: 3, name: 'Abel', lastName: 'Oduya', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('"mark the call list task done" completes a task (a word between the kinds)', () => {
    expect(parse('mark the call list task done')).toMatchObject({ intent: 'task.complete', slots: { task: { query: 'call list' } } });
  });
  it('"you\'ll remind me to call Abel at five, won\'t you" — the tag question asks nothing', () => {
    expect(parse("you'll remind me to call Abel at five, won't you").slots).toEqual({ title: 'call Abel', responsible: { self: true }, deadline: '2027-10-12T17:00' });
  });
  it('"what\'s in my diary for friday" asks for events', () => {
    expect(parse("what's in my diary for friday").slots).toMatchObject({ kind: 'events', from: '2027-10-15', to: '2027-10-15' });
  });
  it('"set up a call with Abel on friday after lunch" is at 14:00 (nlu.md: после обеда)', () => {
    expect(parse('set up a call with Abel on friday after lunch').slots).toMatchObject({ start: '2027-10-15T14:00' });
  });
});

describe('Russian', () => {
  it('"Пиши Тимуру: склад закрыт" — the imperfective imperative is a message too', () => {
    expect(parse('Пиши Тимуру: склад закрыт')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 2 }, text: 'склад закрыт' } });
  });
});

describe('Russian restarts and form-like events', () => {
  it('"напиши ти напиши тимуру что машина пришла": the verb said again after a cut-off name', () => {
    expect(parse('напиши ти напиши тимуру что машина пришла').slots).toEqual({ recipient: { userId: 2 }, text: 'машина пришла' });
  });
  it('"Событие: семинар по стерилизации, с 3 по 5 ноября"', () => {
    expect(parse('Событие: семинар по стерилизации, с 3 по 5 ноября')).toMatchObject({ intent: 'event.create', slots: { title: 'семинар по стерилизации', start: '2027-11-03', end: '2027-11-05' } });
  });
});

describe('a name that is also a command word is never the command', () => {
  it('"i have a meeting with Mark Webb at 3 tomorrow" invites Mark (mark is a command verb too)', () => {
    const withMark: Directory = { ...dir, users: [...dir.users, { id: 4, name: 'Mark', lastName: 'Webb', gender: 'M' }] };
    expect(parse('i have a meeting with Mark Webb at 3 tomorrow', undefined, withMark).slots).toEqual({ title: 'meeting', start: '2027-10-13T15:00', attendees: [{ userId: 4 }] });
  });
});

describe('ю after a consonant spelt u in a Latin short form', () => {
  it('"add a task for ksusha to check the invoices" is Ксения (Ксюша spelt without its y)', () => {
    const d: Directory = { ...dir, users: [...dir.users, { id: 5, name: 'Ксения', lastName: 'Рудь', gender: 'F' }] };
    expect(parse('add a task for ksusha to check the invoices', undefined, d).slots).toEqual({ title: 'check the invoices', responsible: { userId: 5 } });
  });
});
