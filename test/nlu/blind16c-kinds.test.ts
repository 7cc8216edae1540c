/**
 * Kinds of miss blind batch 16 showed in replies, corrections, changes and agenda questions: a
 * cancel with its reason after it, "not X - Y" corrections, a change said about an item named
 * first, glued periods and the "alice" wake word in English, and "сколько" counting something that
 * is no item — with sentences and a directory of our own, each failing before its fix, and guards.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Tuesday 2027-09-07, 15:10 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 7, hour: 15, minute: 10 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Rosa', lastName: 'Lind', gender: 'F' },
    { id: 3, name: 'Hugo', lastName: 'Brandt', gender: 'M' },
    { id: 6, name: 'Dilnoza', lastName: 'Karimova', gender: 'F' },
    { id: 7, name: 'Антон', lastName: 'Серов', gender: 'M' },
    { id: 8, name: 'Alice', lastName: 'Moreau', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('a cancel with its reason after it: doing it oneself or later', () => {
  it.each([
    'Забудь, потом сам сделаю',
    'ладно, не надо, сам позвоню',
    'отмена, позже сделаю',
    'забей, сама разберусь',
    "scrap that I'll do it myself",
    "never mind, I'll handle it",
    'forget it ill sort it out later',
  ])('"%s" → cancel', (text) => {
    expect(parse(text)).toMatchObject({ intent: 'cancel', slots: {} });
  });
  it.each([
    ['забудь про встречу с Антоном', 'unknown'],
    ['never mind the meeting, cancel the task', 'cancel'],
    ['отмена', 'cancel'],
    ['forget it, I will add a task later', 'task.create'],
  ])('"%s" is unchanged (guard)', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});

describe('agenda: glued periods and "alice" as an English wake word', () => {
  it.each([
    ['What have I got nextweek?', { from: '2027-09-13', to: '2027-09-19' }],
    ['meetings thisweek', { kind: 'events', from: '2027-09-06', to: '2027-09-12' }],
    ["alice what's on my calendar tomorrow", { kind: 'events', from: '2027-09-08', to: '2027-09-08' }],
  ])('"%s"', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('agenda.query');
    expect(r.slots).toEqual(slots);
  });
  it('Alice the colleague is still a person (guards)', () => {
    expect(parse('send Alice the report')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 8 }, text: 'the report' } });
    expect(parse("what's on alice's calendar tomorrow").slots).toEqual({ kind: 'events', person: { userId: 8 }, from: '2027-09-08', to: '2027-09-08' });
  });
});

describe('"сколько" counts what follows: it must be ours', () => {
  it.each(['сколько стоит дизель на заправке в ордынском', 'сколько стоит билет до москвы'])('"%s" → unknown', (text) => {
    expect(parse(text).intent).toBe('unknown');
  });
  it.each([
    ['сколько у меня задач на завтра', { kind: 'tasks', from: '2027-09-08', to: '2027-09-08' }],
    ['сколько встреч в пятницу', { kind: 'events', from: '2027-09-10', to: '2027-09-10' }],
    ['сколько завтра встреч', { kind: 'events', from: '2027-09-08', to: '2027-09-08' }],
    ['сколько у Антона задач', { kind: 'tasks', person: { userId: 7 } }],
    ['сколько просроченных задач', { kind: 'tasks', overdue: true }],
    ['сколько всего задач', { kind: 'tasks' }],
  ])('"%s" stays an agenda question (guard)', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('agenda.query');
    expect(r.slots).toEqual(slots);
  });
});

describe('a correction with the wrong value first and a dash: "not X - Y"', () => {
  it.each([
    ['Not Tuesday - Thursday at 4', 'event.create', { start: '2027-09-09T16:00' }],
    ['not tuesday – thursday at 4', 'event.create', { start: '2027-09-09T16:00' }],
    ['не во вторник - в четверг в 4', 'event.create', { start: '2027-09-09T16:00' }],
    ['not friday - monday', 'task.create', { deadline: '2027-09-13' }],
    ['не в пятницу - в понедельник', 'task.create', { deadline: '2027-09-13' }],
  ] as const)('"%s" while %s is confirmed', (text, expecting, slots) => {
    expect(parse(text, expecting)).toMatchObject({ intent: 'reject', slots });
    expect(parse(text, expecting).slots).toEqual(slots);
  });
  it.each([
    ['not Tuesday, Thursday at 4', { start: '2027-09-09T16:00' }],
    ['не во вторник, а в четверг в 4', { start: '2027-09-09T16:00' }],
    ['no, Tuesday - Thursday', { start: '2027-09-14', end: '2027-09-16' }],
    ['no, from 2 - 4', { start: '2027-09-08T14:00', end: '2027-09-08T16:00' }],
  ])('"%s" is unchanged (guard)', (text, slots) => {
    expect(parse(text, 'event.create')).toMatchObject({ intent: 'reject', slots });
    expect(parse(text, 'event.create').slots).toEqual(slots);
  });
});

describe('a change said about a task named first, with its pronoun: "put it on X", "make it due …"', () => {
  it.each([
    ['The task about the uniform order - put it on Dilnoza instead and make it due Wednesday', { responsible: { userId: 6 }, deadline: '2027-09-08', task: { query: 'uniform order' } }],
    ['the task about the uniform order put it on Dilnoza', { responsible: { userId: 6 }, task: { query: 'uniform order' } }],
    ['the report task - make it due friday', { deadline: '2027-09-10', task: { query: 'report' } }],
    ['the report task, set it to monday', { deadline: '2027-09-13', task: { query: 'report' } }],
  ])('"%s"', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('task.update');
    expect(r.slots).toEqual(slots);
  });
  it.each([
    ['the task about the uniform order, give it to Hugo', 'task.update'],
    ['the meeting is at noon, put it on my calendar', 'event.create'],
    ['create a task to put it on the shelf', 'task.create'],
    ['make it a task for Hugo', 'task.create'],
  ])('"%s" is unchanged (guard)', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});
