/**
 * Kinds found by blind batch 21 (test/nlu/heldout-blind21-*.jsonl), fixed in general form and
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
    { id: 2, name: 'Dawn', lastName: 'Baxter', gender: 'F' },
    { id: 3, name: 'Penny', lastName: 'Lowe', gender: 'F' },
    { id: 4, name: 'Антон', lastName: 'Жуков', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('Russian adjectives before a kind of meeting name it too, in the nominative', () => {
  it('"назначь выездное совещание на складе на среду"', () => {
    expect(parse('назначь выездное совещание на складе на среду')).toMatchObject({ intent: 'event.create', slots: { title: 'выездное совещание на складе', start: '2027-06-09' } });
  });
  it('"запланируй еженедельную планёрку на пятницу"', () => {
    expect(parse('запланируй еженедельную планёрку на пятницу').slots.title).toBe('еженедельная планёрка');
  });
  it('"назначь планерку на пятницу" keeps the bare kind (guard)', () => {
    expect(parse('назначь планерку на пятницу').slots.title).toBe('планёрка');
  });
});

describe('a number after "from" that counts things is no hour', () => {
  it('"create a task for Dawn: order chairs from 2 suppliers, deadline 10th June"', () => {
    expect(parse('create a task for Dawn: order chairs from 2 suppliers, deadline 10th June')).toMatchObject({ intent: 'task.create', slots: { title: 'order chairs from 2 suppliers', responsible: { userId: 2 }, deadline: '2027-06-10' } });
  });
  it('"meeting from 3 to 5" is still hours (guard)', () => {
    expect(parse('book a meeting from 3 to 5')).toMatchObject({ slots: { start: '2027-06-08T15:00', end: '2027-06-08T17:00' } });
  });
});

describe('Australian and British chat', () => {
  it('"reckon u could set a task for Penny to ring the caterers tmrw arvo"', () => {
    expect(parse('reckon u could set a task for Penny to ring the caterers tmrw arvo')).toMatchObject({ intent: 'task.create', slots: { title: 'ring the caterers', responsible: { userId: 3 }, deadline: '2027-06-09T14:00' } });
  });
  it('"set up a call w Dawn at 11" (w for with before a name)', () => {
    expect(parse('set up a call w Dawn at 11')).toMatchObject({ intent: 'event.create', slots: { title: 'call', start: '2027-06-08T11:00', attendees: [{ userId: 2 }] } });
  });
  it('"put a call with penny in for quarter to five": the particle of "put … in" is the verb\'s', () => {
    expect(parse('put a call with penny in for quarter to five')).toMatchObject({ intent: 'event.create', slots: { title: 'call', start: '2027-06-08T16:45', attendees: [{ userId: 3 }] } });
  });
  it('"nvm" is a cancel', () => {
    expect(parse('nvm').intent).toBe('cancel');
  });
});

describe('agenda questions', () => {
  it('"what has dawn got on today and tomorrow": two dates joined by "and"', () => {
    expect(parse('what has dawn got on today and tomorrow')).toMatchObject({ intent: 'agenda.query', slots: { person: { userId: 2 }, from: '2027-06-08', to: '2027-06-09' } });
  });
});

describe('news of a task done, said to the assistant, asks to close it', () => {
  it.each([
    ['done with task 42', { id: 42 }],
    ['task 42 is done', { id: 42 }],
    ['I finished the seating plan task', { query: 'seating plan' }],
    ['задача 42 готова', { id: 42 }],
    ['я уже сделала задачу про рассадку', { query: 'рассадку' }],
  ])('"%s"', (text, task) => {
    expect(parse(text)).toMatchObject({ intent: 'task.complete', slots: { task } });
  });
  it.each([
    ['message Dawn that task 42 is done', 'message.send'],
    ['напиши Антону что задача готова', 'message.send'],
    ['create a task: check that the seating plan is done', 'task.create'],
  ])('"%s" stays %s (guard)', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});

describe('changes', () => {
  it('"set the seating plan task due the 7th": a task named definitely is changed', () => {
    expect(parse('set the seating plan task due the 17th')).toMatchObject({ intent: 'task.update', slots: { deadline: '2027-06-17', task: { query: 'seating plan' } } });
  });
  it('"set a task due friday to call the venue" is still a new one (guard)', () => {
    expect(parse('set a task due friday to call the venue').intent).toBe('task.create');
  });
  it('"no, friday at ten instead": "instead" after a time keeps the time', () => {
    expect(parse('no friday at ten instead', 'event.create')).toMatchObject({ intent: 'reject', slots: { start: '2027-06-11T10:00' } });
  });
  it('"the call with dawn is moving to monday" is news', () => {
    expect(parse('the call with dawn is moving to monday').intent).toBe('unknown');
  });
});
