/**
 * Kinds found by blind batch 24 (test/nlu/heldout-blind24-*.jsonl), fixed in general form and
 * tested here with sentences and a directory of our own; each failed before its fix.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Tuesday 2027-06-08, 10:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 8, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Nora', lastName: 'Quinn', gender: 'F' },
    { id: 2, name: 'Вэй', lastName: 'Чжан', gender: 'M' },
    { id: 3, name: 'Rusty', lastName: 'Cole', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('Russian', () => {
  it('"созвон с Вэй Чжаном": a name read twice (an indeclinable given name) is one attendee', () => {
    expect(parse('назначь созвон с Вэй Чжаном завтра в 10').slots.attendees).toEqual([{ userId: 2 }]);
  });
  it('"закрой вчерашнюю задачу про счёт для «Ромашки»": a quote inside the title stays inside it', () => {
    expect(parse('закрой вчерашнюю задачу про счёт для «Ромашки»')).toMatchObject({ intent: 'task.complete', slots: { task: { query: 'счёт для «Ромашки»', at: '2027-06-07' } } });
  });
  it('"закрой задачу «Сверить акты»": a quote naming the item alone is the query (guard)', () => {
    expect(parse('закрой задачу «Сверить акты»').slots.task).toEqual({ query: 'Сверить акты' });
  });
});

describe('English', () => {
  it('"create a task for pavel sokolov to collect the seals": a known given name and a Russian surname, both unknown', () => {
    expect(parse('create a task for pavel sokolov to collect the seals')).toMatchObject({ slots: { title: 'collect the seals', responsible: { unresolved: 'Pavel Sokolov' } } });
  });
  it('"a call with anna in the morning": no surname there (guard)', () => {
    expect(parse('set up a call with anna in the morning').slots.attendees).toEqual([{ unresolved: 'Anna' }]);
  });
  it('"Set up a meeting with Rusty day after tomorrow at 9:15": without "the"', () => {
    expect(parse('Set up a meeting with Rusty day after tomorrow at 9:15').slots.start).toBe('2027-06-10T09:15');
  });
  it('"move the standup to day after tomorrow"', () => {
    expect(parse('move the standup to day after tomorrow')).toMatchObject({ intent: 'event.update', slots: { start: '2027-06-10' } });
  });
  it('"my schedule for today?" is a question', () => {
    expect(parse('my schedule for today?')).toMatchObject({ intent: 'agenda.query', slots: { from: '2027-06-08', to: '2027-06-08' } });
  });
});
