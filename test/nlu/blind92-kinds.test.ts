/**
 * Kinds found by blind batch 92 (a Kemerovo mining-equipment service company; a Cairo support
 * outsourcer, Egyptian English), fixed in the twelfth session after it was scored blind, and tested
 * here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Africa/Cairo';
// Monday 2027-04-19, 10:00 Cairo.
const NOW = instantOfWallTime({ year: 2027, month: 4, day: 19, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Amr', lastName: 'Khalil', gender: 'M' },
    { id: 2, name: 'Maximilian', lastName: 'Bauer', gender: 'M' },
    { id: 3, name: 'Nour', lastName: 'Adel', gender: 'F' },
    { id: 4, name: 'Adel', lastName: 'Nour', gender: 'M' },
    { id: 5, name: 'Mahmoud', lastName: 'Farag', gender: 'M' },
    { id: 6, name: 'Danyal', lastName: 'Saeed', gender: 'M' },
    { id: 7, name: 'Danielle', lastName: 'Ross', gender: 'F' },
    { id: 8, name: 'Yasmin', lastName: 'Gaber', gender: 'F' },
  ],
};
const ru: Directory = { self: 1, timeZone: 'Asia/Novokuznetsk', users: [{ id: 1, name: 'Вадим', lastName: 'Кольцов', gender: 'M' }] };

const parse = kindsParser(dir, NOW, TZ);

it('a short form that opens colleagues\' given names is theirs when nobody has it as a name: "Dan" for Danyal, Danielle', () => {
  expect(parse('send dan a message saying the queue is long').slots).toMatchObject({ recipient: { candidates: [6, 7] } });
});

it('two users whose names are swapped: the given name said first picks one', () => {
  expect(parse('Message Adel Nour that the dashboard is fixed').slots).toMatchObject({ recipient: { userId: 4 } });
  expect(parse('Message Nour Adel that the dashboard is fixed').slots).toMatchObject({ recipient: { userId: 3 } });
});

it('a name prefix that is a colleague\'s given name before a middle name and the surname: "Mohamed Ahmed Hassan"', () => {
  const more: Directory = { ...dir, users: [...dir.users, { id: 9, name: 'Mohamed', lastName: 'Farid', gender: 'M' }, { id: 10, name: 'Ali', lastName: 'Hamdy', gender: 'M' }] };
  expect(parse('Create a task for Mohamed Ali Farid to renew the SLA', undefined, more).slots).toMatchObject({ responsible: { userId: 9 } });
});

it('Egyptian replies: "aywa", "tamam" yes; "la2" (Arabic in Latin letters) no, also as a correction', () => {
  expect(parse('aywa').intent).toBe('confirm');
  expect(parse('tamam').intent).toBe('confirm');
  expect(parse('la2 thursday', 'task.create')).toMatchObject({ intent: 'reject', slots: { deadline: '2027-04-22' } });
});

it('"after tomorrow" said for the day after tomorrow (not "after tomorrow\'s …")', () => {
  expect(parse('remind me to call the vendor after tomorrow').slots).toMatchObject({ deadline: '2027-04-21' });
});

it('an overnight range: an end before its start is the night after (a weekday or a date joined to both ends)', () => {
  expect(parse('make an event go-live support on friday from 10 pm till 3 am').slots).toMatchObject({ start: '2027-04-23T22:00', end: '2027-04-24T03:00' });
  expect(parse('создай событие ночная смена в пятницу с 22 до 4', undefined, ru).slots).toMatchObject({ start: '2027-04-23T22:00', end: '2027-04-24T04:00' });
});

it('"whats on salmas plate": a possessive said without its apostrophe before "plate" or "diary"', () => {
  expect(parse('whats on yasmins plate tomorrow').slots).toMatchObject({ person: { userId: 8 } });
});

it('"put in my calendar an event training …": the bare event word before the kind names nothing', () => {
  expect(parse('put in my calendar an event workshop for team leads on thursday').slots).toMatchObject({ title: 'workshop for team leads' });
});

it('"сделка с распадской": an unknown -ской name said in lower case is an -ская name', () => {
  expect(parse('какая вероятность закрыть сделку с южнокузбасской', undefined, ru).slots).toEqual({ lead: { query: 'Южнокузбасская', entity: 'deal' } });
});
