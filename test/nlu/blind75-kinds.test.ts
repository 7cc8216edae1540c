/**
 * Kinds found by blind batch 75 (a Sochi seaside hotel and spa; an Accra cocoa and shea exporter),
 * fixed in the eleventh session after it was scored blind, and tested here with sentences and a
 * directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Africa/Accra';
// Thursday 2027-09-09, 10:00 Accra.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 9, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Роман', lastName: 'Кудрин', gender: 'M' },
    { id: 2, name: 'Олеся', lastName: 'Гайдамак', gender: 'F' },
    { id: 3, name: 'Ефим', lastName: 'Лось', gender: 'M' },
    { id: 4, name: 'Kwabena', lastName: 'Asante', gender: 'M' },
    { id: 5, name: 'Naa Korkor', lastName: 'Addo', gender: 'F' },
    { id: 6, name: 'Naa Shika', lastName: 'Tetteh', gender: 'F' },
    { id: 7, name: 'Christian', lastName: 'Badu', gender: 'M' },
    { id: 8, name: 'Christiana', lastName: 'Mensah', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);
const ru = { ...dir, timeZone: 'Europe/Moscow' };

describe('Russian', () => {
  it('"пусть X … <verb>, поставь задачу": "пусть" is the command\'s, no title word', () => {
    expect(parse('пусть олеся гайдамак до пятницы обновит меню бара поставь задачу', undefined, ru).slots).toEqual({ title: 'обновит меню бара', responsible: { userId: 2 }, deadline: '2027-09-10' });
  });

  it('"<the item> — <infinitive>" closing the utterance is the change', () => {
    expect(parse('Задачу Лося про замок в номере 12 — закрыть', undefined, ru)).toMatchObject({ intent: 'task.complete', slots: { task: { query: 'замок в номере 12', person: { userId: 3 } } } });
  });
});

describe('English', () => {
  it('an Akan day name\'s Fante form reaches the user ("kobina" for Kwabena)', () => {
    expect(parse('create a task for kobina asante to weigh the sacks by friday').slots).toEqual({ title: 'weigh the sacks', responsible: { userId: 4 }, deadline: '2027-09-10' });
  });

  it('the opening word of a given name of two, however short, reaches both who have it', () => {
    expect(parse('send Naa a message: the truck is here').slots).toEqual({ recipient: { candidates: [5, 6] }, text: 'the truck is here' });
  });

  it('Chris for a Christiana too', () => {
    expect(parse('message Chris: the samples are in').slots).toEqual({ recipient: { candidates: [7, 8] }, text: 'the samples are in' });
  });

  it('"tell auntie <name>": an honorific and a name nobody here has, after a telling verb', () => {
    // (A courtesy title of a sex is no part of the stranger's name — as blind batch 75's own writer has
    // it, "Grace"; the sixteenth session made it so for every such title, keeping posts: "Professor Hughes".)
    expect(parse('tell auntie grace the water is back').slots).toEqual({ recipient: { unresolved: 'Grace' }, text: 'the water is back' });
  });

  it('"chale", "massa" open a command as "mate", "boss" do', () => {
    expect(parse('massa what do i have tomorrow').slots).toEqual({ from: '2027-09-10', to: '2027-09-10' });
    expect(parse('chale put a task on kwabena to count the pallets').slots).toEqual({ title: 'count the pallets', responsible: { userId: 4 } });
  });
});
