/**
 * Kinds of miss blind batch 16 showed (docs/nlu-heldout.md) in dates and titles, with sentences and
 * a directory of our own, each failing before its fix.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Novosibirsk';
// Sunday 2027-06-06, 10:00 Novosibirsk.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 6, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Leah', lastName: 'Burns', gender: 'F' },
    { id: 2, name: 'Oskar', lastName: 'Lind', gender: 'M' },
    { id: 3, name: 'Фарид', lastName: 'Галеев', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('times and numbers', () => {
  it('"add a sync tomorrow from 7 to 7:30 am" is the morning', () => {
    expect(parse('add a sync tomorrow from 7 to 7:30 am').slots).toMatchObject({ start: '2027-06-07T07:00', end: '2027-06-07T07:30' });
  });
  it.each([
    ['new task: order 40 pallets of salt, due 6/20', { title: 'order 40 pallets of salt', deadline: '2027-06-20' }],
    ['create a task for Oskar: check the lights on gate 12 by Tuesday', { title: 'check the lights on gate 12', responsible: { userId: 2 }, deadline: '2027-06-08' }],
  ])('a number after a noun is a count or a label: "%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('"meet Oskar friday 10" keeps its hour (guard)', () => {
    expect(parse('schedule a call with Oskar friday 10').slots).toMatchObject({ start: '2027-06-11T10:00' });
  });
});

describe('speech around the command', () => {
  it('"create a task um for for oskar to fix the gate" says "for" once', () => {
    expect(parse('create a task um for for oskar to fix the gate').slots).toEqual({ title: 'fix the gate', responsible: { userId: 2 } });
  });
  it('"great a task for oskar lind check the pumps" is "create"', () => {
    expect(parse('great a task for oskar lind check the pumps')).toMatchObject({ intent: 'task.create', slots: { title: 'check the pumps', responsible: { userId: 2 } } });
  });
});

describe('event titles', () => {
  it.each([
    ['Create an event sales trip to Omsk from Tuesday to Thursday', { title: 'sales trip to Omsk', start: '2027-06-08', end: '2027-06-10' }],
    ['schedule a meeting about gate allocation with Oskar on Tuesday at 2', { title: 'meeting about gate allocation', start: '2027-06-08T14:00', attendees: [{ userId: 2 }] }],
    ['I have meeting with Oskar on monday at 10, put it in calendar please', { title: 'meeting', start: '2027-06-07T10:00', attendees: [{ userId: 2 }] }],
    ['поставь в календарь на субботу событие инвентаризация склада', { title: 'инвентаризация склада', start: '2027-06-12' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('"чтобы" is no text marker (nlu.md: с текстом, текст, что, :, saying, that)', () => {
  it('"напиши Фариду чтобы перезвонил" keeps it', () => {
    expect(parse('напиши Фариду чтобы перезвонил').slots).toEqual({ recipient: { userId: 3 }, text: 'чтобы перезвонил' });
  });
});

describe('a spoken list without "и" keeps its preposition only where the case fits', () => {
  it('"передай задачу про отчёт от оксаны шевчук фариду" gives the task to Фарид', () => {
    const withOksana: Directory = { ...dir, users: [...dir.users, { id: 4, name: 'Оксана', lastName: 'Шевчук', gender: 'F' }] };
    expect(parse('передай задачу про отчёт от оксаны шевчук фариду', undefined, withOksana).slots).toMatchObject({ responsible: { userId: 3 } });
  });
});

describe('Russian titles and references', () => {
  it('"задача на фарида галеева оформить пропуск" keeps the infinitive after the person', () => {
    expect(parse('задача на фарида галеева оформить пропуск').slots).toEqual({ title: 'оформить пропуск', responsible: { userId: 3 } });
  });
  it('"закрой задачу сверить накладные которая на фариде" leaves the relative pronoun out', () => {
    expect(parse('закрой задачу сверить накладные которая на фариде').slots).toEqual({ task: { query: 'сверить накладные', person: { userId: 3 } } });
  });
  it('"поставь задачу фариду перегнать трактор на третье поле": an ordinal agreeing with its noun is no date', () => {
    expect(parse('поставь задачу фариду перегнать трактор на третье поле').slots).toEqual({ title: 'перегнать трактор на третье поле', responsible: { userId: 3 } });
  });
  it('"поставь на третье встречу с фаридом" is still the 3rd (guard)', () => {
    expect(parse('поставь на третье встречу с фаридом').slots).toMatchObject({ start: '2027-07-03' });
  });
});

describe('a person after an imperative in an event is invited, not the title\'s owner', () => {
  it('"создай событие приёмка техники завтра в 9 и позови Галеева"', () => {
    expect(parse('создай событие приёмка техники завтра в 9 и позови Галеева').slots).toMatchObject({ title: 'приёмка техники', attendees: [{ userId: 3 }] });
  });
  it('"создай событие день рождения Галеева в пятницу" is still his (guard)', () => {
    expect(parse('создай событие день рождения Галеева в пятницу').slots).toEqual({ title: 'день рождения Галеева', start: '2027-06-11' });
  });
});
