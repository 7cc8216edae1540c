/**
 * Kinds found by blind batch 87 (an Astrakhan vegetable and melon grower; a Colombo garment
 * exporter, Sri Lankan English), fixed in the twelfth session after it was scored blind, and tested
 * here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Colombo';
// Friday 2027-10-08, 10:00 Colombo.
const NOW = instantOfWallTime({ year: 2027, month: 10, day: 8, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Nimali', lastName: 'Wickramasinghe', gender: 'F' },
    { id: 2, name: 'Ruwan', lastName: 'Fernando', gender: 'M' },
    { id: 3, name: 'Sachini', lastName: 'Fernando', gender: 'F' },
    { id: 4, name: 'Priya', lastName: 'Nadarajah', gender: 'F' },
    { id: 5, name: 'Lahiru', lastName: 'Bandara', gender: 'M' },
  ],
};
const ru: Directory = {
  self: 1,
  timeZone: 'Europe/Astrakhan',
  users: [{ id: 1, name: 'Вячеслав', lastName: 'Дроздов', gender: 'M' }],
};

const parse = kindsParser(dir, NOW, TZ);

it('"Rizwan sir", "Senthil anna", "Dilani akka": a title or kin word after a name is no part of the message', () => {
  expect(parse('message Ruwan sir: the trims arrived').slots).toEqual({ recipient: { userId: 2 }, text: 'the trims arrived' });
  expect(parse('tell priya akka that the buyer called').slots).toEqual({ recipient: { userId: 4 }, text: 'the buyer called' });
});

it('"ane …": a Sinhala interjection opening a command is no title word', () => {
  expect(parse('ane make a task for Lahiru to check the wash test by monday').slots).toEqual({ title: 'check the wash test', responsible: { userId: 5 }, deadline: '2027-10-11' });
});

it('Sinhala and Tamil replies: ow, hari, aama are yes; nehe, illai are no', () => {
  for (const w of ['ow', 'hari', 'ow ow go ahead', 'aama']) expect(parse(w).intent).toBe('confirm');
  for (const w of ['nehe', 'illai']) expect(parse(w).intent).toBe('reject');
});

it('"nah cancel that": a no before a cancel in its own words cancels; "нет, не надо" stays a no', () => {
  expect(parse('no, forget it').intent).toBe('cancel');
  expect(parse('нет не надо', undefined, ru).intent).toBe('reject');
});

it('"a task to remind the team about …": a reminder word that opens the task\'s content is the content', () => {
  expect(parse('add a task to remind the drivers about the new gate pass').slots).toEqual({ title: 'remind the drivers about the new gate pass' });
});

it('"to Sunil Perera": a given name nobody has before a surname users share is one stranger', () => {
  expect(parse('send a message to Kamal Fernando: the samples are packed').slots).toEqual({ recipient: { unresolved: 'Kamal Fernando' }, text: 'the samples are packed' });
});

it('"на дальнем поле": a lower-case word an adjective agrees with as a thing is no stranger', () => {
  expect(parse('создай событие покос на нижнем поле в понедельник', undefined, ru).slots).toEqual({ title: 'покос на нижнем поле', start: '2027-10-11' });
});

it('"Задачу про … закрыть": the item first, the infinitive last, changes it', () => {
  expect(parse('задачу про отгрузку на Волгоград закрыть', undefined, ru)).toMatchObject({ intent: 'task.complete', slots: { task: { query: 'отгрузку на Волгоград' } } });
});
