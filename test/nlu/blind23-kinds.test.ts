/**
 * Kinds found by blind batch 23 (test/nlu/heldout-blind23-*.jsonl), fixed in general form and
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
    { id: 2, name: 'Hugo', lastName: 'Bauer', gender: 'M' },
    { id: 6, name: 'Hans', lastName: 'Vogel', gender: 'M' },
    { id: 3, name: 'Ксения', lastName: 'Лаптева', gender: 'F' },
    { id: 4, name: 'Тарас', lastName: 'Мельник', gender: 'M' },
    { id: 5, name: 'Iris', lastName: 'Ngata', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('Russian', () => {
  it('"к 20 числу": a day of the month in digits before число', () => {
    expect(parse('поставь задачу заказать этикетки к 20 числу')).toMatchObject({ slots: { title: 'заказать этикетки', deadline: '2027-06-20' } });
  });
  it('"поставь созвон с гуго бауэром": a German name as Russian tradition writes it (h as г, e after a vowel as э)', () => {
    expect(parse('поставь созвон с гуго бауэром в четверг в три').slots.attendees).toEqual([{ userId: 2 }]);
  });
  it('"передай эту задачу хансу": a name is never "fixed" into a command word (шансу)', () => {
    expect(parse('передай эту задачу хансу')).toMatchObject({ intent: 'task.update', slots: { responsible: { userId: 6 }, task: {} } });
  });
  it('"забей в календарь выезд на поля с тарасом в среду на весь день"', () => {
    expect(parse('забей в календарь выезд на поля с тарасом в среду на весь день')).toMatchObject({ intent: 'event.create', slots: { title: 'выезд на поля', start: '2027-06-09', allDay: true, attendees: [{ userId: 4 }] } });
  });
  it('"забей на встречу" is still a cancel (guard)', () => {
    expect(parse('забей на встречу').intent).toBe('cancel');
  });
  it('"напиши ксю ксюше что семена пришли": a word broken off and said again', () => {
    expect(parse('напиши ксю ксюше что семена пришли')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'семена пришли' } });
  });
});

describe('English', () => {
  it('"Task for Iris - prep the clinic schedule, deadline 12/6": a verb after the dash is the title\'s', () => {
    expect(parse('Task for Iris - prep the clinic schedule, deadline 12/6')).toMatchObject({ slots: { title: 'prep the clinic schedule', responsible: { userId: 5 } } });
  });
  it('"remind me too ask the lab to resend the results"', () => {
    expect(parse('remind me too ask the lab to resend the results')).toMatchObject({ intent: 'task.create', slots: { title: 'ask the lab to resend the results' } });
  });
  it('"what commands do u understand?"', () => {
    expect(parse('what commands do u understand?').intent).toBe('help');
  });
  it('"no the deadline is the ninth"', () => {
    expect(parse('no the deadline is the ninth', 'task.create')).toMatchObject({ intent: 'reject', slots: { deadline: '2027-06-09' } });
  });
  it('"remind me on the 20th of June to renew the licence": the article goes with the date', () => {
    expect(parse('remind me on the 20th of June to renew the licence')).toMatchObject({ slots: { title: 'renew the licence', deadline: '2027-06-20' } });
  });
  it('"move the standup to the 15th of June": the new date after "to the"', () => {
    expect(parse('move the standup to the 15th of June')).toMatchObject({ intent: 'event.update', slots: { start: '2027-06-15', event: { query: 'standup' } } });
  });
  it('"what has iris got on this month"', () => {
    expect(parse('what has iris got on this month')).toMatchObject({ intent: 'agenda.query', slots: { person: { userId: 5 }, from: '2027-06-01', to: '2027-06-30' } });
  });
  it('"send a massage to iris the new rota is out"', () => {
    expect(parse('send a massage to iris the new rota is out')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 5 }, text: 'the new rota is out' } });
  });
});
