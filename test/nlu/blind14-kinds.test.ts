/**
 * Kinds of miss blind batch 14 showed (docs/nlu-heldout.md), with sentences and a directory of our
 * own, each failing before its fix.
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
    { id: 2, name: 'Ефим', lastName: 'Журавлёв', gender: 'M' },
    { id: 3, name: 'Hugo', lastName: 'Brandt', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('words a recogniser splits in two, and a misspelt "schedule"', () => {
  it.each([
    ['remind me to lock the cellar to night', { title: 'lock the cellar', responsible: { self: true }, deadline: '2027-09-07T19:00' }],
    ['shedule a call with Hugo to morrow at 10', { title: 'call', start: '2027-09-08T10:00', attendees: [{ userId: 3 }] }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('"list my over due tasks" asks for the overdue ones', () => {
    expect(parse('list my over due tasks').slots).toMatchObject({ overdue: true, kind: 'tasks' });
  });
  it('"re schedule the call with Hugo to thursday" moves it', () => {
    expect(parse('re schedule the call with Hugo to thursday')).toMatchObject({ intent: 'event.update', slots: { start: '2027-09-09' } });
  });
});

describe('British "at half ten" is 10:30', () => {
  it('"book a meeting with Hugo on friday at half ten"', () => {
    expect(parse('book a meeting with Hugo on friday at half ten').slots).toMatchObject({ start: '2027-09-10T10:30' });
  });
  it('"we need half an hour" is no time (guard)', () => {
    expect(parse('set up a call with Hugo for half an hour tomorrow at 3pm').slots).toMatchObject({ start: '2027-09-08T15:00', end: '2027-09-08T15:30' });
  });
});

describe('openers that leave a word in the title', () => {
  it.each([
    ['Set up a task for Hugo: renew the boiler contract', { title: 'renew the boiler contract', responsible: { userId: 3 } }],
    ['gonna need a task for Hugo to count the linen', { title: 'count the linen', responsible: { userId: 3 } }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('"write" heard as "right" before "to"', () => {
  it('"right to hugo that the van is here"', () => {
    expect(parse('right to hugo that the van is here')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'the van is here' } });
  });
  it('"right, add a task for Hugo to call the bank" keeps "right" a lead-in (guard)', () => {
    expect(parse('right, add a task for Hugo to call the bank').slots).toEqual({ title: 'call the bank', responsible: { userId: 3 } });
  });
});

describe('replies and questions', () => {
  it('"uh huh, fine" is a yes', () => {
    expect(parse('uh huh, fine').intent).toBe('confirm');
  });
  it('"what sort of stuff can you help us with" is help', () => {
    expect(parse('what sort of stuff can you help us with').intent).toBe('help');
  });
  it('"is Hugo late on any of his tasks" asks for his overdue tasks', () => {
    expect(parse('is Hugo late on any of his tasks')).toMatchObject({ intent: 'agenda.query', slots: { overdue: true, kind: 'tasks', person: { userId: 3 } } });
  });
  it('"how many guests are booked for tonight" is about something else', () => {
    expect(parse('how many guests are booked for tonight').intent).toBe('unknown');
  });
  it('"how many calls do I have tomorrow" is still the agenda (guard)', () => {
    expect(parse('how many calls do I have tomorrow').intent).toBe('agenda.query');
  });
});

describe('Russian: "отдай" passes a task on; the question word said last', () => {
  it('"задачу про инвентаризацию отдай ефиму журавлёву"', () => {
    expect(parse('задачу про инвентаризацию отдай ефиму журавлёву')).toMatchObject({ intent: 'task.update', slots: { responsible: { userId: 2 }, task: { query: 'инвентаризацию' } } });
  });
  it('"задачи на завтра какие?"', () => {
    expect(parse('задачи на завтра какие?')).toMatchObject({ intent: 'agenda.query', slots: { kind: 'tasks', from: '2027-09-08', to: '2027-09-08' } });
  });
});

describe('found by re-reading the held-out sets in lower case and with a wake word', () => {
  it('"add event lunch with suppliers friday 1pm" names the event by the kind after "event"', () => {
    expect(parse('add event lunch with suppliers friday 1pm').slots).toEqual({ title: 'lunch with suppliers', start: '2027-09-10T13:00' });
  });
  it('"алиса сообщение Ефиму: склад закрыт" with an Алиса in the portal: the wake word is nobody', () => {
    const withAlisa: Directory = { ...dir, users: [...dir.users, { id: 4, name: 'Алиса', lastName: 'Котова', gender: 'F' }] };
    expect(parse('алиса сообщение Ефиму: склад закрыт', undefined, withAlisa)).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 2 }, text: 'склад закрыт' } });
  });
  it('"задачи на завтра какие пожалуйста" is the agenda', () => {
    expect(parse('задачи на завтра какие пожалуйста').intent).toBe('agenda.query');
  });
});
