/**
 * Kinds found by blind batch 70 (a Krasnoyarsk chain of fitness centres; a Toronto insurance
 * brokerage), fixed in the tenth session after it was scored blind, and tested here with sentences
 * and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Toronto';
// Tuesday 2027-06-08, 10:00 Toronto.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 8, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Grace', lastName: 'Liu', gender: 'F' },
    { id: 2, name: 'Imran', lastName: 'Qureshi', gender: 'M' },
    { id: 3, name: 'Геннадий', lastName: 'Штерн', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('a surname in another spelling of its sounds ("kureshi" for Qureshi)', () => {
    expect(parse('task for imran kureshi review the renewal on friday').slots).toEqual({ title: 'review the renewal', responsible: { userId: 2 }, deadline: '2027-06-11' });
  });
  it('a verb ending the utterance after the item\'s noun is the last word of its name', () => {
    expect(parse('Delete the event Warehouse move').slots).toEqual({ event: { query: 'Warehouse move' } });
  });
});

describe('Russian', () => {
  const ru = (text: string) => parse(text, undefined, { ...dir, timeZone: 'Asia/Krasnoyarsk' });
  it('"новые" away from the task noun is a word of the task ("на новые карты")', () => {
    expect(ru('задачу гене штерну заменить замки на новые шкафчики').slots).toEqual({ title: 'заменить замки на новые шкафчики', responsible: { userId: 3 } });
  });
  it('"эту задачу можно закрыть": an infinitive after "можно"/"надо" is the change', () => {
    expect(ru('всё, эту задачу можно закрыть').slots).toEqual({ task: {} });
    expect(ru('встречу с геной надо перенести на пятницу')).toEqual(expect.objectContaining({ intent: 'event.update' }));
  });
});
