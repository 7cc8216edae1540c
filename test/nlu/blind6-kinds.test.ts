/**
 * Kinds of miss blind batch 6 showed in dates, references, titles and command words
 * (docs/nlu-heldout.md), with sentences and a directory of our own, each failing before its fix.
 */
import type { Directory, ParseResult } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Wednesday 2026-12-09, 09:30 Moscow.
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 9, hour: 9, minute: 30 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Олеся', lastName: 'Гринь', gender: 'F' },
    { id: 2, name: 'Артём', lastName: 'Лис', gender: 'M' },
    { id: 3, name: 'Owen', lastName: 'Price', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('times', () => {
  it.each([
    ['запланируй встречу на двенадцать', '2026-12-09T12:00'],
    ['поставь созвон на три с Артёмом', '2026-12-09T15:00'],
  ])('"%s": after a meeting, "на" and an hour in words is its time', (text, start) => {
    expect(parse(text).slots.start).toBe(start);
  });
  it('"купи воды на двенадцать" has no time (guard: a count)', () => {
    expect(parse('поставь задачу купить воды на двенадцать человек').slots.deadline).toBeUndefined();
  });
  it.each([
    ['schedule a call with Owen at twenty to five', '2026-12-09T16:40'],
    ['book a sync at ten to nine tomorrow', '2026-12-10T08:50'],
  ])('"%s": minutes to the hour without "minutes"', (text, start) => {
    expect(parse(text).slots.start).toBe(start);
  });
  it('"a meeting from five to seven" stays a range (guard)', () => {
    expect(parse('schedule a meeting from five to seven').slots).toMatchObject({ start: '2026-12-09T17:00', end: '2026-12-09T19:00' });
  });
});

describe('references', () => {
  it('"Отмени встречу 14 декабря в 15:00": a number opening a date is no id', () => {
    expect(parse('Отмени встречу 14 декабря в 15:00').slots).toEqual({ event: { at: '2026-12-14T15:00' } });
  });
  it('"reassign task 12 to Owen" keeps its id (guard)', () => {
    expect(parse('reassign task 12 to Owen').slots).toEqual({ task: { id: 12 }, responsible: { userId: 3 } });
  });
  it.each([
    ['cancel tomorrows standup', { event: { query: 'standup', at: '2026-12-10' } }],
    ['tick off todays task about the invoices', { task: { query: 'invoices', at: '2026-12-09' } }],
  ])('"%s": a day adjective without its apostrophe', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('"show my to dos until friday": "to dos" in two words', () => {
    expect(parse('show my to dos until friday')).toMatchObject({ intent: 'agenda.query', slots: { kind: 'tasks', from: '2026-12-09', to: '2026-12-11' } });
  });
});

describe('titles and command words', () => {
  it.each([
    ['add to my calendar a sync with the vendors friday at 3', 'sync with the vendors'],
    ['put budget review in my calendar tomorrow at 3', 'budget review'],
    ['add quarterly planning to my calendar on friday from ten to noon', 'quarterly planning'],
  ])('"%s": an event named by the calendar alone takes its title from the rest', (text, title) => {
    const r = parse(text);
    expect(r.intent).toBe('event.create');
    expect(r.slots.title).toBe(title);
  });
  it('"remined me in ten minutes to call Owen": a letter added to the command word', () => {
    expect(parse('remined me in ten minutes to call Owen')).toMatchObject({ intent: 'task.create', slots: { responsible: { self: true }, deadline: '2026-12-09T09:40' } });
  });
  it('"hey so could you text Owen that …": a lead-in is never corrected into a command word (guard)', () => {
    expect(parse('hey so could you text Owen that the van is here').slots).toEqual({ recipient: { userId: 3 }, text: 'the van is here' });
  });
  it('"лучше на тему лиса" while a task is confirmed: the user Тёма Лис, not a title "лиса"', () => {
    expect(parse('лучше на тему лиса', 'task.create')).toMatchObject({ intent: 'reject', slots: { responsible: { userId: 2 } } });
    expect(parse('лучше на тему лиса', 'task.create').slots.title).toBeUndefined();
  });
});

describe('a misheard surname in lower case is never split as a glued preposition', () => {
  it('"напиши сокаловой что …" is Соколова misheard, not "со" glued to "каловой"', () => {
    const d: Directory = { self: 1, users: [{ id: 1, name: 'Олеся', lastName: 'Гринь', gender: 'F' }, { id: 7, name: 'Екатерина', lastName: 'Соколова', gender: 'F' }] };
    const r = parse('напиши сокаловой что совещание в силе', undefined, d);
    expect(r).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 7 }, text: 'совещание в силе' } });
  });
});

describe('Latin names in lower case, as a recogniser writes them', () => {
  const d: Directory = {
    self: 1,
    users: [
      { id: 1, name: 'Olesya', lastName: 'Grin', gender: 'F' },
      { id: 2, name: 'Inés', lastName: 'Muñoz', gender: 'F' },
      { id: 3, name: 'Kemal', lastName: 'Aydın', gender: 'M' },
      { id: 4, name: 'Noah', lastName: 'Brooks', gender: 'M' },
    ],
  };
  const p = (text: string) => parse(text, undefined, d);
  it.each([
    ['tell ines munoz the samples shipped', 2],
    ['tell kemal aydin the samples shipped', 3],
    ['tell noah brook the samples shipped', 4],
  ])('"%s": marks dropped, a word surname misheard after its given name', (text, id) => {
    expect(p(text).slots).toEqual({ recipient: { userId: id }, text: 'the samples shipped' });
  });
});

describe('a known given name in lower case right after a message verb', () => {
  it.each([
    ['message bob call me back', 'Bob', 'call me back'],
    ['tell jessica the samples arrived', 'Jessica', 'the samples arrived'],
  ])('"%s"', (text, name, said) => {
    expect(parse(text).slots).toEqual({ recipient: { unresolved: name }, text: said });
  });
});
