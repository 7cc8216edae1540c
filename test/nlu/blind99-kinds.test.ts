/**
 * Kinds found by blind batch 99 (a Moscow-region dental clinic chain; a Barbados hotel group, Bajan
 * English), fixed in the twelfth session after it was scored blind, and tested here with sentences of
 * our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Barbados';
// Friday 2027-01-22, 10:00 Barbados.
const NOW = instantOfWallTime({ year: 2027, month: 1, day: 22, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Nicole', lastName: 'Trotman', gender: 'F' },
    { id: 2, name: 'Shanice', lastName: 'Skeete', gender: 'F' },
    { id: 3, name: 'Nicole', lastName: 'Bynoe', gender: 'F' },
    { id: 4, name: 'Nicholas', lastName: 'Best', gender: 'M' },
    { id: 5, name: 'Terrence', lastName: 'Boyce', gender: 'M' },
  ],
};
const ru: Directory = { self: 1, timeZone: 'Europe/Moscow', users: [{ id: 1, name: 'Вероника', lastName: 'Шадрина', gender: 'F' }, { id: 2, name: 'Антон', lastName: 'Белов', gender: 'M' }] };

const parse = kindsParser(dir, NOW, TZ);

it('"Miss Pearl": a title before a given name that is a word too', () => {
  expect(parse('make a task for miss shanice fold the towels by tonight').slots).toMatchObject({ title: 'fold the towels', responsible: { userId: 2 } });
});

it('short forms: Nicky for a Nicole or a Nicholas, Terry for a Terrence; "sure ting"', () => {
  expect(parse('create a task for nicky to restock the minibar').slots).toMatchObject({ responsible: { candidates: [3, 4] } });
  expect(parse('message terry that the shuttle is late').slots).toMatchObject({ recipient: { userId: 5 } });
  expect(parse('sure ting').intent).toBe('confirm');
});

it('"sen a message": a dropped letter in the message verb', () => {
  expect(parse('sen a message to terry saying the van is here').slots).toEqual({ recipient: { userId: 5 }, text: 'the van is here' });
});

it('"нет, напиши: …": a correction of a message\'s text after a colon', () => {
  expect(parse('нет, напиши: договор у юриста', 'message.send', ru)).toMatchObject({ intent: 'reject', slots: { text: 'договор у юриста' } });
});
