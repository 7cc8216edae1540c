/**
 * Kinds found by blind batch 65 (a Kazan auto-parts distributor; a Manila customer-support company,
 * Filipino English with Tagalog words), fixed in the tenth session after it was scored blind, and
 * tested here with sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Manila';
// Monday 2027-03-15, 10:00 Manila.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 15, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Carmela', lastName: 'Santos', gender: 'F' },
    { id: 2, name: 'Maria Theresa', lastName: 'Lim', gender: 'F' },
    { id: 3, name: 'John Paul', lastName: 'Villanueva', gender: 'M' },
    { id: 4, name: 'Teodoro', lastName: 'Bautista', gender: 'M' },
    { id: 5, name: 'Ramon', lastName: 'Garcia', gender: 'M' },
    { id: 6, name: 'Ринат', lastName: 'Сафин', gender: 'M' },
    { id: 7, name: 'Ринат', lastName: 'Закиров', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('a double given name: the second part\'s short form, and the initials', () => {
    expect(parse('tell tess the schedule is posted').slots).toEqual({ recipient: { userId: 2 }, text: 'the schedule is posted' });
    expect(parse('task for JP - audit the call logs, in 2 days').slots).toEqual({ title: 'audit the call logs', responsible: { userId: 3 }, deadline: '2027-03-17' });
    expect(parse('message teddy the laptops are ready').slots).toEqual({ recipient: { userId: 4 }, text: 'the laptops are ready' });
  });
  it('Tagalog honorifics before a name and Tagalog replies', () => {
    expect(parse('create a task for kuya Ramon: renew the badges').slots).toEqual({ title: 'renew the badges', responsible: { userId: 5 } });
    expect(parse('hindi po', 'task.create').intent).toBe('reject');
    expect(parse('wag na', 'task.create').intent).toBe('cancel');
    expect(parse('sige go ahead', 'task.create').intent).toBe('confirm');
  });
  it('"na" opens a message\'s text; a description of the recipient before "that"', () => {
    expect(parse('text carmela na male-late ako').slots).toEqual({ recipient: { self: true }, text: 'male-late ako' });
    expect(parse('send a message to Dave from HR that the forms are in').slots).toEqual({ recipient: { unresolved: 'Dave' }, text: 'the forms are in' });
  });
  it('a reply whose longest phrase would leave a word ("yes please do it")', () => {
    expect(parse('yes please do it', 'task.create').intent).toBe('confirm');
  });
  it('"no at four not three": "not" may follow a bare hour', () => {
    expect(parse('no at four not three', 'event.create')).toEqual(expect.objectContaining({ intent: 'reject', slots: { start: '2027-03-15T16:00' } }));
  });
  it('"four to five pm", "tonight at 11 pm"', () => {
    expect(parse('set a meeting with ramon tomorrow four to five pm').slots).toEqual({ title: 'meeting', start: '2027-03-16T16:00', end: '2027-03-16T17:00', attendees: [{ userId: 5 }] });
    expect(parse('add an event titled night shift huddle tonight at 11 pm').slots).toEqual({ title: 'night shift huddle', start: '2027-03-15T23:00' });
  });
  it('a capitalised word with a number after it is a numbered thing ("for Batch 14")', () => {
    expect(parse('create task: prepare kits for Batch 14').slots).toEqual({ title: 'prepare kits for Batch 14' });
  });
  it('"will the X lead convert"', () => {
    expect(parse('will the Megaworld lead convert?').slots).toEqual({ lead: { query: 'Megaworld' } });
  });
  it('a verb-name after "to" in a reassignment ("to mark")', () => {
    const d: Directory = { ...dir, users: [...dir.users, { id: 8, name: 'Mark', lastName: 'Dizon', gender: 'M' }] };
    expect(parse('pass the qa logs task from ramon to mark dizon', undefined, d).slots).toEqual({ responsible: { userId: 8 }, task: { person: { userId: 5 }, query: 'qa logs' } });
  });
  it('"i need you to remind X …": the lead-in\'s "need" is no verb of a meeting', () => {
    expect(parse('i need you to remind ramon to send the call recordings tomorrow').slots).toEqual({ title: 'send the call recordings', responsible: { userId: 5 }, deadline: '2027-03-16' });
  });
  it('an event\'s number of three digits is its id, no time', () => {
    expect(parse('move event 904 to 3:30').slots).toEqual({ start: '2027-03-15T15:30', event: { id: 904 } });
  });
});

describe('Russian', () => {
  it('the surname after a patronymic picks among users sharing the given name', () => {
    expect(parse('поставь задачу Ринату Маратовичу Закирову проверить склад', undefined, { ...dir, timeZone: 'Europe/Moscow' }).slots).toEqual({ title: 'проверить склад', responsible: { userId: 7 } });
  });
});
