/**
 * Kinds of Russian miss blind batch 9 showed (docs/nlu-heldout.md), with sentences and a directory
 * of our own, each failing before its fix.
 */
import type { Directory, ParseResult } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Samara';
// Wednesday 2027-02-10, 09:20 Samara.
const NOW = instantOfWallTime({ year: 2027, month: 2, day: 10, hour: 9, minute: 20 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Олег', lastName: 'Брагин', gender: 'M' },
    { id: 2, name: 'Тимур', lastName: 'Ахмедов', gender: 'M' },
    { id: 3, name: 'Вера', lastName: 'Лапина', gender: 'F' },
    { id: 4, name: 'Степан', lastName: 'Кузнецов', gender: 'M' },
    { id: 5, name: 'Зарина', lastName: 'Мамедова', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('a preposition said twice is said once', () => {
  it.each([
    ['поставь задачу на на Тимура купить воду', { title: 'купить воду', responsible: { userId: 2 } }],
    ['создай задачу для для Зарины обзвонить клиентов', { title: 'обзвонить клиентов', responsible: { userId: 5 } }],
    ['назначь встречу с с Верой завтра в 12', { title: 'встреча', attendees: [{ userId: 3 }], start: '2027-02-11T12:00' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('after a meeting and its attendee, "на" + an hour in words is its time', () => {
  it.each([
    ['поставь созвон с Тимуром на одиннадцать', '2027-02-10T11:00'],
    ['назначь встречу со Степаном Кузнецовым на пять', '2027-02-10T17:00'],
  ])('"%s"', (text, start) => {
    expect(parse(text).slots.start).toBe(start);
  });
  it('a count after a task stays in its title', () => {
    expect(parse('создай задачу заказать стулья на десять').slots).toEqual({ title: 'заказать стулья на десять' });
  });
});

describe('ю, я after ч, щ in a command noun', () => {
  it('"запланируй встречю с Верой завтра"', () => {
    expect(parse('запланируй встречю с Верой завтра').slots).toEqual({ title: 'встреча', attendees: [{ userId: 3 }], start: '2027-02-11' });
  });
  it('"встречя со Степаном в четверг в 10"', () => {
    const r = parse('встречя со Степаном в четверг в 10');
    expect(r.intent).toBe('event.create');
    expect(r.slots).toEqual({ title: 'встреча', attendees: [{ userId: 4 }], start: '2027-02-11T10:00' });
  });
});

describe('an agenda question opened by an adjective of its kind', () => {
  it.each([
    ['Просроченные задачи Кузнецова', { kind: 'tasks', overdue: true, person: { userId: 4 } }],
    ['горящие задачи', { kind: 'tasks', overdue: true }],
    ['открытые задачи Тимура на этой неделе', { kind: 'tasks', person: { userId: 2 }, from: '2027-02-08', to: '2027-02-14' }],
  ])('"%s"', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('agenda.query');
    expect(r.slots).toEqual(slots);
  });
});

describe('the news after a close, with its subject, is no query', () => {
  it.each([
    ['Закрой эту задачу, всё готово', {}],
    ['отметь задачу про смету, все сделано', { query: 'смету' }],
  ])('"%s"', (text, task) => {
    const r = parse(text);
    expect(r.intent).toBe('task.complete');
    expect(r.slots.task).toEqual(task);
  });
  it('"все" that is the title stays', () => {
    expect(parse('закрой задачу все сметы').slots.task).toEqual({ query: 'все сметы' });
  });
});

describe('a place after "из" is no person', () => {
  it('"отмени встречу с поставщиком из кирова"', () => {
    expect(parse('отмени встречу с поставщиком из кирова').slots.event).toEqual({ query: 'встреча с поставщиком из кирова' });
  });
  it('"поставь встречу с дилером из Чехова завтра в 12"', () => {
    expect(parse('поставь встречу с дилером из Чехова завтра в 12').slots).toEqual({ title: 'встреча с дилером из Чехова', start: '2027-02-11T12:00' });
  });
  it('"перенеси созвон с партнёрами из Королёва на пятницу"', () => {
    expect(parse('перенеси созвон с партнёрами из Королёва на пятницу').slots).toEqual({ event: { query: 'созвон с партнёрами из Королёва' }, start: '2027-02-12' });
  });
  it('"создай задачу Тимуру встретить гостей из Самары"', () => {
    expect(parse('создай задачу Тимуру встретить гостей из Самары').slots).toEqual({ title: 'встретить гостей из Самары', responsible: { userId: 2 } });
  });
});

describe('a correction of a change carries its new value', () => {
  it.each([
    ['нет до пятницы', 'task.update', { deadline: '2027-02-12' }],
    ['нет, лучше Степану', 'task.update', { responsible: { userId: 4 } }],
    ['нет, на четверг в 15', 'event.update', { start: '2027-02-11T15:00' }],
  ] as const)('"%s" while %s is confirmed', (text, expecting, slots) => {
    const r = parse(text, expecting);
    expect(r.intent).toBe('reject');
    expect(r.slots).toEqual(slots);
  });
});
