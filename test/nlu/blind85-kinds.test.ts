/**
 * Kinds found by blind batch 85 (a Vladimir-region dairy farm; a Berlin e-scooter startup), fixed in
 * the eleventh session after it was scored blind, and tested here with sentences of our own; each
 * failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Berlin';
// Friday 2027-11-19, 10:00 Berlin.
const NOW = instantOfWallTime({ year: 2027, month: 11, day: 19, hour: 10, minute: 0 }, TZ);
const dir: Directory = { self: 1, timeZone: TZ, users: [{ id: 1, name: 'Sophie', lastName: 'Lindner', gender: 'F' }] };

const parse = kindsParser(dir, NOW, TZ);

it('"сделка с Азбукой вкуса": a noun in the genitive after the name\'s head stays as said', () => {
  expect(parse('какая вероятность закрыть сделку с Домом обуви?', undefined, { ...dir, timeZone: 'Europe/Moscow' }).slots).toEqual({ lead: { query: 'Дом обуви', entity: 'deal' } });
});

it('"remind me what the wifi password is": with no time said, a question, no reminder', () => {
  expect(parse('can you remind me what the door code is').intent).toBe('unknown');
  expect(parse('remind me what to bring tomorrow at 9').slots).toEqual({ title: 'what to bring', responsible: { self: true }, deadline: '2027-11-20T09:00' });
});
