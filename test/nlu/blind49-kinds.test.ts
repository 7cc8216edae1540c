/**
 * Kinds found by blind batch 49 (test/nlu/heldout-blind49-*.jsonl: an oilfield services contractor
 * in Tyumen; an Indian pharmaceutical exporter with a Moscow office), fixed after it was scored and
 * tested here with sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Kolkata';
// Thursday 2027-07-15, 11:00 Kolkata.
const NOW = instantOfWallTime({ year: 2027, month: 7, day: 15, hour: 11, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Venkat', lastName: 'Reddy', gender: 'M' },
    { id: 2, name: 'Lakshmi', lastName: 'Naidu', gender: 'F' },
    { id: 3, name: 'Harish', lastName: 'Kulkarni', gender: 'M' },
    { id: 4, name: 'Ринат', lastName: 'Сафин', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('Indian English: "today itself", "Naidu garu", "arey", "haan", "taks"', () => {
    expect(parse('make a task for harish to send the dossier today itself').slots).toEqual({ title: 'send the dossier', responsible: { userId: 3 }, deadline: '2027-07-15' });
    expect(parse('Send a message to Naidu garu: the audit is confirmed').slots).toEqual({ recipient: { userId: 2 }, text: 'the audit is confirmed' });
    expect(parse('arey tell harish the samples reached').slots.recipient).toEqual({ userId: 3 });
    expect(parse('haan ok go ahead').intent).toBe('confirm');
    expect(parse('what are my taks for this week?').slots.kind).toBe('tasks');
  });
  it('"change the responsible of the X task to Y": the phrase is the verb, no query word', () => {
    expect(parse('change the responsible of the stability report task to harish').slots).toEqual({ responsible: { userId: 3 }, task: { query: 'stability report' } });
  });
});

describe('Russian', () => {
  it('"следующая пятница" in the nominative is next week\'s', () => {
    expect(parse('Задача для Рината: обновить график вахт. Срок — следующая пятница.').slots).toEqual({ title: 'обновить график вахт', responsible: { userId: 4 }, deadline: '2027-07-23' });
  });
});
