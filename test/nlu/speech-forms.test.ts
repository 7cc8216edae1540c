/**
 * Kinds found by re-reading every held-out line as a recogniser returns it (lower case, no
 * punctuation): forms that only typing marked. Sentences and a directory of our own, each failing
 * before its fix.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Thursday 2027-02-11, 10:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 2, day: 11, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Олеся', lastName: 'Гарина', gender: 'F' },
    { id: 2, name: 'Кирилл', lastName: 'Осипов', gender: 'M' },
    { id: 3, name: 'Ryan', lastName: 'Cole', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('a message said with no verb and no colon: a colleague in the dative first', () => {
  it('"кириллу ключи от склада у охраны"', () => {
    expect(parse('кириллу ключи от склада у охраны')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 2 }, text: 'ключи от склада у охраны' } });
  });
  it('"кириллу задача проверить склад" is a task, not a message (guard)', () => {
    expect(parse('кириллу задача проверить склад').intent).toBe('task.create');
  });
  it('"кириллу" alone is nothing (guard)', () => {
    expect(parse('кириллу').intent).toBe('unknown');
  });
});

describe('"задача" said first with an infinitive after it, no dash', () => {
  it('"задача обновить прайс срок до пятницы"', () => {
    expect(parse('задача обновить прайс срок до пятницы').slots).toEqual({ title: 'обновить прайс', deadline: '2027-02-12' });
  });
  it('"задача сложная" is nothing (guard)', () => {
    expect(parse('задача сложная').intent).toBe('unknown');
  });
});

describe('a Russian command with an English text: the command\'s language is asked too', () => {
  it('"напиши ryan cole call me when you land"', () => {
    expect(parse('напиши ryan cole call me when you land')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'call me when you land' } });
  });
});

describe('an acknowledgement before the command ("готово, можешь закрыть …") is no word of it', () => {
  it.each([
    ['Готово, можешь закрыть задачу про прайс', 'task.complete'],
    ['хорошо можешь закрыть задачу про прайс', 'task.complete'],
    ['да, можешь закрыть задачу про прайс', 'task.complete'],
  ])('"%s"', (text, intent) => {
    expect(parse(text)).toMatchObject({ intent, slots: { task: { query: 'прайс' } } });
  });
  it('"супер, создай задачу обновить прайс": the title has no "супер"', () => {
    expect(parse('супер, создай задачу обновить прайс')).toMatchObject({ intent: 'task.create', slots: { title: 'обновить прайс' } });
  });
  it('"спасибо, напиши Кириллу что всё готово" is a message to Кирилл', () => {
    expect(parse('спасибо, напиши Кириллу что всё готово')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 2 }, text: 'всё готово' } });
  });
  it.each([['да', 'confirm'], ['хорошо', 'confirm'], ['да, создавай', 'confirm']])('"%s" alone stays %s (guard)', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});

describe('forms only speech gives (re-reading held-out lines in lower case, no punctuation)', () => {
  it('"событие день рождения склада 20 июня весь день": the noun событие said first with a date', () => {
    expect(parse('событие день рождения склада 20 июня весь день')).toMatchObject({ intent: 'event.create', slots: { title: 'день рождения склада', start: '2027-06-20', allDay: true } });
  });
  it('"какое событие завтра" is a question (guard)', () => {
    expect(parse('какое событие завтра').intent).toBe('agenda.query');
  });
  it('"set up a call with professor lang on tuesday": an honorific in lower case and the surname after it', () => {
    expect(parse('set up a call with professor lang on tuesday at 2')).toMatchObject({ intent: 'event.create', slots: { title: 'call', attendees: [{ unresolved: 'Professor Lang' }] } });
  });
  it('"task book the van for ryan by monday": a task\'s noun said first, then its verb', () => {
    expect(parse('task book the van for ryan by monday')).toMatchObject({ intent: 'task.create', slots: { title: 'book the van', responsible: { userId: 3 }, deadline: '2027-02-15' } });
  });
  it('"task ryan cole to sign the invoice": then the person it is for', () => {
    expect(parse('task ryan cole to sign the invoice')).toMatchObject({ intent: 'task.create', slots: { title: 'sign the invoice', responsible: { userId: 3 } } });
  });
  it('"task force meeting tomorrow at 3" stays a meeting (guard)', () => {
    expect(parse('task force meeting tomorrow at 3').intent).toBe('event.create');
  });
});
