/**
 * Kinds of miss blind batch 7 showed (docs/nlu-heldout.md), with sentences and a directory of our
 * own, each failing before its fix.
 */
import type { Directory, ParseResult } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Omsk';
// Tuesday 2026-12-08, 10:15 Omsk.
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 8, hour: 10, minute: 15 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Глеб', lastName: 'Осин', gender: 'M' },
    { id: 2, name: 'Ринат', lastName: 'Хабибуллин', gender: 'M' },
    { id: 3, name: 'Noor', lastName: 'Haddad', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('chat shorthand and particles', () => {
  it.each([
    ['Какие задачи у Рината на след неделе?', { person: { userId: 2 }, kind: 'tasks', from: '2026-12-14', to: '2026-12-20' }],
    ['Отметь задачу 2207 как выполненую', { task: { id: 2207 } }],
    ['Закрывай эту задачу, сделано', { task: {} }],
    ['Отмени-ка планёрку с Ринатом в четверг', { event: { query: 'планёрка', person: { userId: 2 }, at: '2026-12-10' } }],
    ['сдвинь срок по задаче про шины на пару дней', { task: { query: 'шины' } }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('"задачу про шины передай Ринату и поставь срок до пятницы": "поставь срок" is a change verb', () => {
    expect(parse('задачу про шины передай Ринату и поставь срок до пятницы').slots).toEqual({ task: { query: 'шины' }, responsible: { userId: 2 }, deadline: '2026-12-11' });
  });
  it.each([
    ['schedule call w/ Noor tmrw 5pm', { title: 'call', start: '2026-12-09T17:00', attendees: [{ userId: 3 }] }],
  ])('"%s": w/ is with', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('"looks like the client meeting is off tomorrow" is news', () => {
    expect(parse('looks like the client meeting is off tomorrow').intent).toBe('unknown');
  });
  it('"Write to Фёдор Семенов: the shipment cleared" is English with a Cyrillic name', () => {
    expect(parse('Write to Фёдор Семенов: the shipment cleared')).toMatchObject({ intent: 'message.send', slots: { recipient: { unresolved: 'Фёдор Семенов' }, text: 'the shipment cleared' } });
  });
});

describe('titles, help, corrections and repairs', () => {
  it.each([
    ['Add to my calendar: Board meeting Friday 9am to 1pm', 'Board meeting'],
    ['schedule a budget sync tomorrow', 'budget sync'],
    ['schedule a one hour meeting tomorrow at 2 pm', 'meeting'],
  ])('"%s": English names the kind of meeting before it', (text, title) => {
    expect(parse(text).slots.title).toBe(title);
  });
  it('"help - what commands do you understand?" is help', () => {
    expect(parse('help - what commands do you understand?').intent).toBe('help');
  });
  it('"actually, give it to Noor instead" corrects the responsible', () => {
    expect(parse('actually, give it to Noor instead', 'task.create')).toMatchObject({ intent: 'reject', slots: { responsible: { userId: 3 } } });
  });
  it('"не так напиши что буду через час" corrects a message\'s text', () => {
    expect(parse('не так напиши что буду через час', 'message.send')).toMatchObject({ intent: 'reject', slots: { text: 'буду через час' } });
  });
  it('"create an event all day on the fourth called stock count": an ordinal before "called"', () => {
    expect(parse('create an event all day on the fourth called stock count').slots).toEqual({ title: 'stock count', start: '2027-01-04', allDay: true });
  });
  it('"schedule a call with noor at three sorry at four": an English self-repair', () => {
    expect(parse('schedule a call with Noor at three sorry at four').slots).toMatchObject({ title: 'call', start: '2026-12-08T16:00' });
  });
  it('"создай событие выставка с девятого декабря восемь утра по одиннадцатое декабря шесть вечера": times after dates with no "в"', () => {
    expect(parse('создай событие выставка с девятого декабря восемь утра по одиннадцатое декабря шесть вечера').slots).toMatchObject({ start: '2026-12-09T08:00', end: '2026-12-11T18:00' });
  });
});

describe('names in lower case where only a name stands', () => {
  const d: Directory = {
    self: 1,
    users: [
      { id: 1, name: 'Глеб', lastName: 'Осин', gender: 'M' },
      { id: 2, name: 'Grace', lastName: 'Hill', gender: 'F' },
      { id: 3, name: 'Nikos', lastName: 'Papadopoulos', gender: 'M' },
    ],
  };
  const p = (text: string) => parse(text, undefined, d);
  it('"напиши grace что созвон в силе": a Latin word in a Russian sentence is a name however written', () => {
    expect(p('напиши grace что созвон в силе').slots).toEqual({ recipient: { userId: 2 }, text: 'созвон в силе' });
  });
  it('"tell papadopulos the shipment cleared": a misheard surname right after a message verb', () => {
    expect(p('tell papadopulos the shipment cleared').slots).toEqual({ recipient: { userId: 3 }, text: 'the shipment cleared' });
  });
  it('"tell the team the shipment cleared" names nobody (guard)', () => {
    expect(p('tell the team the shipment cleared').slots.recipient).toBeUndefined();
  });
});

describe('a day in words before "пожалуйста"', () => {
  it('"поставь задачу Ринату разобраться с возвратами двадцать пятого пожалуйста"', () => {
    expect(parse('поставь задачу Ринату разобраться с возвратами двадцать пятого пожалуйста').slots).toEqual({ title: 'разобраться с возвратами', responsible: { userId: 2 }, deadline: '2026-12-25' });
  });
});
