/**
 * Kinds found by blind batches 33 (Russian: a Moscow law and accounting firm) and 34 (English: a
 * Singapore ship-management company — Singlish, Malay and Chinese names, the 24-hour clock said
 * from the bridge), fixed after they were scored and tested here with sentences and a directory of
 * our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Singapore';
// Thursday 2027-04-15, 15:00 Singapore.
const NOW = instantOfWallTime({ year: 2027, month: 4, day: 15, hour: 15, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Kelvin', lastName: 'Ho', gender: 'M' },
    { id: 2, name: 'Nur Farah', lastName: 'binte Salleh', gender: 'F' },
    { id: 3, name: 'Muhammad Irfan', lastName: 'bin Ali', gender: 'M' },
    { id: 4, name: 'Boon', lastName: 'Tan', gender: 'M' },
    { id: 5, name: 'Priya', lastName: 'Menon', gender: 'F' },
    { id: 6, name: 'Pavel', lastName: 'Bondar', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('the 24-hour clock said aloud', () => {
  it.each([
    ['remind me to call the agent at fourteen hundred', '2027-04-16T14:00'],
    ['remind me to call the agent tomorrow at oh seven hundred', '2027-04-16T07:00'],
    ['remind me to call the agent next tuesday at oh nine thirty', '2027-04-20T09:30'],
    ['remind me to call the agent tomorrow 0930', '2027-04-16T09:30'],
  ])('"%s"', (text, deadline) => {
    expect(parse(text).slots).toEqual({ title: 'call the agent', responsible: { self: true }, deadline });
  });
  it('"at sixteen thirty for an hour": an hour past twelve with minutes, and a length', () => {
    expect(parse('set up a meeting with the charterers at sixteen thirty for an hour').slots).toMatchObject({ start: '2027-04-15T16:30', end: '2027-04-15T17:30' });
  });
  it('"sixteen hundred to seventeen hundred": a range of two such times, with no "from"', () => {
    expect(parse('book the bridge simulator sixteen hundred to seventeen hundred').slots).toMatchObject({ start: '2027-04-15T16:00', end: '2027-04-15T17:00' });
  });
  it('"дедлайн пт", "срок пятница": a weekday right after a deadline noun', () => {
    expect(parse('Создай задачу себе: подать уведомление, дедлайн пт').slots).toEqual({ title: 'подать уведомление', responsible: { self: true }, deadline: '2027-04-16' });
  });
  it('guards: "two hundred" and "1400 units" are counts; "task seventeen fifty" is an id', () => {
    expect(parse('task for Boon to order two hundred units').slots.deadline).toBeUndefined();
    expect(parse('task for Boon to order 1400 units').slots.deadline).toBeUndefined();
    expect(parse('reassign task seventeen fifty to Boon').slots.task).toEqual({ id: 1750 });
  });
});

describe('Singlish', () => {
  it('"Can … or not?", "Pls help to …", "… can?": no title words', () => {
    expect(parse('Can create a task for Boon to update the crew list by Friday or not?').slots).toEqual({ title: 'update the crew list', responsible: { userId: 4 }, deadline: '2027-04-16' });
    expect(parse('Pls help to create task for Boon: update the PMS jobs. By tmr can?').slots).toEqual({ title: 'update the PMS jobs', responsible: { userId: 4 }, deadline: '2027-04-16' });
  });
  it.each([
    ['ya can', 'confirm'],
    ['ok can', 'confirm'],
    ['no lah', 'reject'],
    ['negative', 'reject'],
  ])('"%s" is %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
  it('"Pls close this task, done already": no query', () => {
    expect(parse('Pls close this task, done already')).toEqual(expect.objectContaining({ intent: 'task.complete', slots: { task: {} } }));
  });
  it('"Can push the meeting with Priya 1 hour later or not": a change', () => {
    expect(parse('Can push the meeting with Priya 1 hour later or not')).toMatchObject({ intent: 'event.update', slots: { event: { person: { userId: 5 } } } });
  });
});

describe('names and words', () => {
  it('"Farah" for Nur Farah, "mohd irfan" for Muhammad Irfan: a prefix of names left out or shortened', () => {
    expect(parse('Tell Farah the payroll file is uploaded').slots.recipient).toEqual({ userId: 2 });
    expect(parse('make a task for mohd irfan check the davits').slots).toEqual({ title: 'check the davits', responsible: { userId: 3 } });
  });
  it('"with Captain Bondar": a rank before the surname', () => {
    expect(parse('schedule a call with Captain Bondar tomorrow at 10').slots.attendees).toEqual([{ userId: 6 }]);
  });
  it('"the noon report": noon before a noun names a thing', () => {
    expect(parse('remind Boon to send the noon report tomorrow morning').slots).toEqual({ title: 'send the noon report', responsible: { userId: 4 }, deadline: '2027-04-16T09:00' });
  });
  it('"Задача себе: …": a task for oneself, said with no verb', () => {
    expect(parse('Задача себе: продлить ЭЦП, срок до 1 июня').slots).toEqual({ title: 'продлить ЭЦП', responsible: { self: true }, deadline: '2027-06-01' });
  });
});
