/**
 * Kinds found by blind batches 126 (a Tver glass-container factory; a Penang electronics
 * manufacturer, Malaysian English's second batch) and 127 (a Yakutsk diamond-cutting company; a
 * Cebu furniture exporter, Philippine English's second batch), fixed in the fifteenth session after
 * they were scored blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Kuala_Lumpur';
// Monday 2027-03-15, 10:20 Kuala Lumpur.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 15, hour: 10, minute: 20 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Jason', lastName: 'Teoh', gender: 'M' },
    { id: 2, name: 'Mei Ling', lastName: 'Ong', gender: 'F' },
    { id: 3, name: 'Wei Jie', lastName: 'Khoo', gender: 'M' },
    { id: 4, name: 'Nurul Izzah', lastName: 'Rahman', gender: 'F' },
    { id: 5, name: 'Ganesan', lastName: 'Perumal', gender: 'M' },
    { id: 6, name: 'Rahim', lastName: 'Yusof', gender: 'M' },
    { id: 7, name: 'Gerardo', lastName: 'Villanueva', gender: 'M' },
    { id: 8, name: 'Reynaldo', lastName: 'Bautista', gender: 'M' },
    { id: 9, name: 'Christopher', lastName: 'Go', gender: 'M' },
    { id: 10, name: 'Cristina', lastName: 'Ramos', gender: 'F' },
    { id: 11, name: 'Joy', lastName: 'Cabahug', gender: 'F' },
    { id: 12, name: 'Teresa', lastName: 'Lim', gender: 'F' },
  ],
};
const ru: Directory = {
  self: 1,
  timeZone: 'Asia/Yakutsk',
  users: [
    { id: 1, name: 'Сардаана', lastName: 'Иванова', gender: 'F' },
    { id: 2, name: 'Инна', lastName: 'Цой', gender: 'F' },
    { id: 3, name: 'Ньургун', lastName: 'Попов', gender: 'M' },
    { id: 4, name: 'Эдуард', lastName: 'Ли', gender: 'M' },
    { id: 5, name: 'Семён', lastName: 'Сорока', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('"для Инны Цой": a woman\'s surname that does not end in -а/-я does not decline', () => {
  expect(parse('Поставь задачу для Инны Цой — сверить остатки по складу', undefined, ru).slots).toEqual({ title: 'сверить остатки по складу', responsible: { userId: 2 } });
});

it('"нюргуну" for Ньургун: a soft sign before у is the ю Russian spelling writes', () => {
  expect(parse('напиши нюргуну что машина прогрета', undefined, ru).slots).toEqual({ recipient: { userId: 3 }, text: 'машина прогрета' });
});

it('"дай список задач Ли на завтра", "дай мои задачи": asking for the list is a plan question', () => {
  expect(parse('дай список задач Ли на завтра', undefined, ru)).toMatchObject({ intent: 'agenda.query', slots: { kind: 'tasks', person: { userId: 4 }, from: '2027-03-16', to: '2027-03-16' } });
  expect(parse('дайте мои задачи на завтра', undefined, ru)).toMatchObject({ intent: 'agenda.query', slots: { kind: 'tasks', from: '2027-03-16', to: '2027-03-16' } });
});

it('"сорокину" with a Сорока here: a real surname two letters off is somebody else', () => {
  expect(parse('напиши сорокину что пресс встал', undefined, ru).slots).toEqual({ recipient: { unresolved: 'Сорокин' }, text: 'пресс встал' });
});

it('"put a task under Mei Ling lah …", "Put under Jason: …": work put under its owner', () => {
  expect(parse('put a task under mei ling lah check the solder stencils').slots).toEqual({ title: 'check the solder stencils', responsible: { userId: 2 } });
  expect(parse('Put under Wei Jie: renew the ISO certificate, by Friday').slots).toEqual({ title: 'renew the ISO certificate', responsible: { userId: 3 }, deadline: '2027-03-19' });
});

it('"Ganesan a/l Perumal", "Dato\' Rahim": a Tamil name\'s a/l, a title with its apostrophe', () => {
  expect(parse('task for Ganesan a/l Perumal: calibrate the torque drivers').slots).toEqual({ title: 'calibrate the torque drivers', responsible: { userId: 5 } });
  expect(parse("message Dato' Rahim that the audit passed").slots).toEqual({ recipient: { userId: 6 }, text: 'the audit passed' });
});

it('"izzah", "ah jie": the second part of a given name of two, as colleagues call them', () => {
  expect(parse('tell izzah the trolleys are back').slots).toEqual({ recipient: { userId: 4 }, text: 'the trolleys are back' });
  expect(parse('create task for ah jie replace the ionizer fans').slots).toEqual({ title: 'replace the ionizer fans', responsible: { userId: 3 } });
});

it('"esok", "ugma": tomorrow in Malay and Cebuano; "whole day" is all day', () => {
  expect(parse('remind me esok to chase the freight agent').slots).toEqual({ title: 'chase the freight agent', responsible: { self: true }, deadline: '2027-03-16' });
  expect(parse('remind me ugma to pay the forwarder').slots).toEqual({ title: 'pay the forwarder', responsible: { self: true }, deadline: '2027-03-16' });
  expect(parse('block friday whole day for the customer audit').slots).toMatchObject({ start: '2027-03-19', allDay: true });
});

it('"…, deadline Friday" in a reassignment is the new deadline; "push the sync half an hour"', () => {
  expect(parse('Hand task 4410 over to Wei Jie, deadline Friday').slots).toEqual({ task: { id: 4410 }, responsible: { userId: 3 }, deadline: '2027-03-19' });
  expect(parse('push the sync half an hour').slots).toEqual({ event: { query: 'sync' } });
  expect(parse('extend the stencil task by a couple of days').slots).toEqual({ task: { query: 'stencil' } });
});

it('Malay and Cebuano replies: boleh, tak payah, dili, ayaw na lang, unsaon; "… this thing one"', () => {
  expect(parse('boleh, go ahead').intent).toBe('confirm');
  expect(parse('tak payah lah').intent).toBe('cancel');
  expect(parse('dili').intent).toBe('reject');
  expect(parse('ayaw na lang').intent).toBe('cancel');
  expect(parse('unsaon pag gamit').intent).toBe('help');
  expect(parse('how to use this bot one').intent).toBe('help');
});

it('Visayan Inday before a name; Rey, Gerry; Chris for a Cristina too', () => {
  expect(parse('remind inday joy to send the packing list').slots).toEqual({ title: 'send the packing list', responsible: { userId: 11 } });
  expect(parse('task for rey fix the sanding machine').slots).toEqual({ title: 'fix the sanding machine', responsible: { userId: 8 } });
  expect(parse('task for gerry varnish the chairs').slots).toEqual({ title: 'varnish the chairs', responsible: { userId: 7 } });
  expect(parse('message chris that the container left').slots).toEqual({ recipient: { candidates: [9, 10] }, text: 'the container left' });
});

it('"pm Tess …", "pa-create ng task", "tapos na, check off task 77"', () => {
  expect(parse('pm Teresa the costing is ready')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 12 }, text: 'the costing is ready' } });
  expect(parse('pa-create ng task for Jason: update the catalog').slots).toEqual({ title: 'update the catalog', responsible: { self: true } });
  expect(parse('tapos na, check off task 77')).toMatchObject({ intent: 'task.complete', slots: { task: { id: 77 } } });
});
