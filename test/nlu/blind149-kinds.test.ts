/**
 * Kinds found by blind batches 149 (an Omsk bus operator; a Yerevan brandy exporter, Armenian English — a
 * new group), 150 (a Samara Bitrix24 integrator; a mixed London sales team) and 151 (a Karelian quarry; a
 * Toronto team), fixed in the seventeenth
 * session after they were scored blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Yerevan';
// Friday 2027-10-29, 10:00 Yerevan.
const NOW = instantOfWallTime({ year: 2027, month: 10, day: 29, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Narine', lastName: 'Petrosyan', gender: 'F' },
    { id: 2, name: 'Tigran', lastName: 'Avagyan', gender: 'M' },
    { id: 3, name: 'Gevorg', lastName: 'Sargsyan', gender: 'M' },
    { id: 4, name: 'Anahit', lastName: 'Babayan', gender: 'F' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);
const MSK = 'Europe/Moscow';
const ru = kindsParser({ self: 1, timeZone: MSK, users: [{ id: 1, name: 'Олег', lastName: 'Белов', gender: 'M' }, { id: 2, name: 'Валентина', lastName: 'Ершова', gender: 'F' }] }, instantOfWallTime({ year: 2027, month: 10, day: 29, hour: 10, minute: 0 }, MSK), MSK);

it('Armenian short forms and replies; otmena in Latin letters', () => {
  expect(parse('tell tiko the bottles are labelled').slots).toEqual({ recipient: { userId: 2 }, text: 'the bottles are labelled' });
  expect(parse('new task for gev book the customs broker').slots).toEqual({ title: 'book the customs broker', responsible: { userId: 3 } });
  expect(parse('write to ani the samples left').slots).toEqual({ recipient: { userId: 4 }, text: 'the samples left' });
  expect(parse('ayo').intent).toBe('confirm');
  expect(parse('lav do it').intent).toBe('confirm');
  expect(parse('voch').intent).toBe('reject');
  expect(parse('otmena').intent).toBe('cancel');
  expect(ru('поставь задачу на вальку ершову сверить кассу').slots).toEqual({ title: 'сверить кассу', responsible: { userId: 2 } });
});

it('"can you just" said to the assistant; a stranger after "invite X and"; a calendar phrase closing an item\'s name', () => {
  expect(parse('can you just add a task for gevorg: renew the bottling licence').slots).toEqual({ title: 'renew the bottling licence', responsible: { userId: 3 } });
  expect(parse('set up a call tomorrow at 11 and invite Anahit and Kevin').slots).toEqual({ title: 'call', start: '2027-10-30T11:00', attendees: [{ userId: 4 }, { unresolved: 'Kevin' }] });
  expect(parse('remove the event called tasting from my calendar').slots).toEqual({ event: { query: 'tasting' } });
});

// (151's directories: an Инга and no Инна; a Maxime and a Maksim.)
const dir151ru: Directory = { self: 1, timeZone: MSK, users: [{ id: 1, name: 'Олег', lastName: 'Белов', gender: 'M' }, { id: 2, name: 'Инга', lastName: 'Лаптева', gender: 'F' }] };
const dir151en: Directory = { self: 1, timeZone: TZ, users: [{ id: 1, name: 'Narine', lastName: 'Petrosyan', gender: 'F' }, { id: 2, name: 'Maxime', lastName: 'Lavoie', gender: 'M' }, { id: 3, name: 'Maksim', lastName: 'Orlov', gender: 'M' }] };

it('151: a known name before a surname nobody here has is a stranger\'s full name; Max for a Maxime', () => {
  expect(ru('Создай встречу с Инной Сидоренко завтра в 11', undefined, dir151ru).slots).toEqual({ title: 'встреча', start: '2027-10-30T11:00', attendees: [{ unresolved: 'Инна Сидоренко' }] });
  expect(parse('remind max to send the quote', undefined, dir151en).slots).toEqual({ title: 'send the quote', responsible: { candidates: [2, 3] } });
});
