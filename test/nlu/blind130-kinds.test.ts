/**
 * Kinds found by blind batch 130 (a Surgut pipeline contractor; a Tripoli olive-oil exporter,
 * Lebanese English's second batch), fixed in the sixteenth session after it was scored blind, and
 * tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Beirut';
// Tuesday 2027-04-13, 10:15 Beirut.
const NOW = instantOfWallTime({ year: 2027, month: 4, day: 13, hour: 10, minute: 15 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Maya', lastName: 'Haddad', gender: 'F' },
    { id: 2, name: 'Georges', lastName: 'Saliba', gender: 'M' },
    { id: 3, name: 'Nadine', lastName: 'Saliba', gender: 'F' },
    { id: 4, name: 'Antoine', lastName: 'Karam', gender: 'M' },
    { id: 5, name: 'Ramzi', lastName: 'Aoun', gender: 'M' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);

const RU_TZ = 'Asia/Yekaterinburg';
const RU_NOW = instantOfWallTime({ year: 2027, month: 4, day: 13, hour: 10, minute: 15 }, RU_TZ);
const ruDir: Directory = {
  self: 1,
  timeZone: RU_TZ,
  users: [
    { id: 1, name: 'Олег', lastName: 'Ступин', gender: 'M' },
    { id: 2, name: 'Ильдар', lastName: 'Гайнуллин', gender: 'M' },
    { id: 3, name: 'Эльвира', lastName: 'Гайнуллина', gender: 'F' },
  ],
};
const ru = kindsParser(ruDir, RU_NOW, RU_TZ);

it('Lebanese replies and openers: akid, mish hek, ma baddi, mish lazem; khalas and chou before a command', () => {
  expect(parse('eh akid').intent).toBe('confirm');
  expect(parse('no mish hek').intent).toBe('reject');
  expect(parse('ma baddi').intent).toBe('cancel');
  expect(parse('mish lazem').intent).toBe('cancel');
  expect(parse('khalas close the pallet labels task').slots).toEqual({ task: { query: 'pallet labels' } });
  expect(parse('chou do i have any calls tomorrow')).toMatchObject({ intent: 'agenda.query', slots: { from: '2027-04-14', to: '2027-04-14' } });
});

it('"bukra" is tomorrow; Madame and Monsieur before a name pick the sex; Tony is an Antoine', () => {
  expect(parse('remind me bukra to renew the export licence').slots).toEqual({ title: 'renew the export licence', responsible: { self: true }, deadline: '2027-04-14' });
  expect(parse('message madame saliba that the labels arrived').slots).toEqual({ recipient: { userId: 3 }, text: 'the labels arrived' });
  expect(parse('Give Monsieur Saliba a task to weigh the tins on Friday').slots).toEqual({ title: 'weigh the tins', responsible: { userId: 2 }, deadline: '2027-04-16' });
  expect(parse('new task for tony karam to print the invoices').slots).toEqual({ title: 'print the invoices', responsible: { userId: 4 } });
  expect(parse('make a task for abed to count the jars').slots).toEqual({ title: 'count the jars', responsible: { unresolved: 'Abed' } });
});

it('"X needs to …, make it a task": the task said first, its kind after; the modal is no title word', () => {
  expect(parse('Ramzi Aoun has to book the courier for Thursday, make it a task').slots).toEqual({ title: 'book the courier', responsible: { userId: 5 }, deadline: '2027-04-15' });
  expect(parse('Georges should chase the bank tomorrow - make that a task please').slots).toEqual({ title: 'chase the bank', responsible: { userId: 2 }, deadline: '2027-04-14' });
  expect(ru('Ильдар должен сдать отчёт к пятнице, оформи это задачей').slots).toEqual({ title: 'сдать отчёт', responsible: { userId: 2 }, deadline: '2027-04-16' });
});

it('a word cut off and said whole restarts the command; a surname said again in full after "э"', () => {
  expect(parse('create a tas create a task for ramzi to check the scales').slots).toEqual({ title: 'check the scales', responsible: { userId: 5 } });
  expect(ru('поставь задачу на гайнуллина э гайнуллину эльвиру заказать спецовки').slots).toEqual({ title: 'заказать спецовки', responsible: { userId: 3 } });
});

it('"6-го участка", "12-го куста": the number of a site or a well cluster, no date', () => {
  expect(ru('создай событие с названием Ремонт 6-го участка с 1 мая 8:00 по 20 мая 18:00').slots).toEqual({ title: 'Ремонт 6-го участка', start: '2027-05-01T08:00', end: '2027-05-20T18:00' });
  expect(ru('задача на Ильдара проверить задвижки 12-го куста завтра').slots).toEqual({ title: 'проверить задвижки 12-го куста', responsible: { userId: 2 }, deadline: '2027-04-14' });
});
