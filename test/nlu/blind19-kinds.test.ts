/**
 * Kinds found by blind batch 19 (test/nlu/heldout-blind19-*.jsonl), fixed in general form and
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
    { id: 2, name: 'Ольга', lastName: 'Сомова-Ли', gender: 'F' },
    { id: 3, name: 'Роберт', lastName: 'Уинтер', gender: 'M' },
    { id: 4, name: 'Ирина', lastName: 'Кравец', gender: 'F' },
    { id: 5, name: 'Олег', lastName: 'Гусев', gender: 'M' },
    { id: 6, name: 'Hope', lastName: 'Tran', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('one part of a double surname, said after the given name', () => {
  it('"скажи ольге сомовой что отчёт готов"', () => {
    expect(parse('скажи ольге сомовой что отчёт готов')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 2 }, text: 'отчёт готов' } });
  });
});

describe('an English name stored in Cyrillic: its Latin short forms and у read as w', () => {
  it('"schedule a call with bob winter tomorrow at 10"', () => {
    expect(parse('schedule a call with bob winter tomorrow at 10')).toMatchObject({ intent: 'event.create', slots: { start: '2027-06-09T10:00', attendees: [{ userId: 3 }] } });
  });
  it('"message Rob: the van is here"', () => {
    expect(parse('message Rob: the van is here')).toMatchObject({ slots: { recipient: { userId: 3 }, text: 'the van is here' } });
  });
});

describe('reassigning: the person said with "на" (or a dative only) is the new responsible, the other names the task', () => {
  it('"перекинь задачу Гусева на Кравец"', () => {
    expect(parse('перекинь задачу Гусева на Кравец')).toMatchObject({ intent: 'task.update', slots: { responsible: { userId: 4 }, task: { person: { userId: 5 } } } });
  });
  it('"перекинь задачу Кравец на Гусева"', () => {
    expect(parse('перекинь задачу Кравец на Гусева')).toMatchObject({ intent: 'task.update', slots: { responsible: { userId: 5 }, task: { person: { userId: 4 } } } });
  });
  it('"передай задачу Кравец Гусеву"', () => {
    expect(parse('передай задачу Кравец Гусеву')).toMatchObject({ intent: 'task.update', slots: { responsible: { userId: 5 }, task: { person: { userId: 4 } } } });
  });
  it('"передай задачу про аудит Гусеву" keeps working (guard)', () => {
    expect(parse('передай задачу про аудит Гусеву')).toMatchObject({ slots: { responsible: { userId: 5 }, task: { query: 'аудит' } } });
  });
});

describe('a command word with a misheard ending its stem covers ("напишы") is the exact word', () => {
  it('"напишы Олегу: машина у ворот"', () => {
    expect(parse('напишы Олегу: машина у ворот')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 5 }, text: 'машина у ворот' } });
  });
});

describe('a command\'s verb and noun run together', () => {
  it('"поставьзадачу на олега проверить ворота"', () => {
    expect(parse('поставьзадачу на олега проверить ворота')).toMatchObject({ intent: 'task.create', slots: { title: 'проверить ворота', responsible: { userId: 5 } } });
  });
  it('"запланируйвстречу завтра в 10"', () => {
    expect(parse('запланируйвстречу завтра в 10')).toMatchObject({ intent: 'event.create', slots: { title: 'встреча', start: '2027-06-09T10:00' } });
  });
});

describe('in an event, an unknown name after "на" that follows a title word is a street', () => {
  it('"создай событие осмотр склада на ленина в пятницу"', () => {
    const r = parse('создай событие осмотр склада на ленина в пятницу');
    expect(r).toMatchObject({ intent: 'event.create', slots: { title: 'осмотр склада на ленина', start: '2027-06-11' } });
    expect(r.slots.attendees).toBeUndefined();
  });
});

describe('English dates', () => {
  it('"due the fifth" is a deadline', () => {
    expect(parse('create a task fence check due the fifth').slots.deadline).toBe('2027-07-05');
  });
  it('"at midday" is 12:00', () => {
    expect(parse('schedule a meeting on june the tenth at midday').slots.start).toBe('2027-06-10T12:00');
  });
  it('"10 June 9-11": hours after a day and month', () => {
    expect(parse('create event site walk 10 June 9-11')).toMatchObject({ slots: { title: 'site walk', start: '2027-06-10T09:00', end: '2027-06-10T11:00' } });
  });
  it('"tomorrow 10-12": an hour range with a hyphen', () => {
    expect(parse('book a review tomorrow 10-12')).toMatchObject({ slots: { start: '2027-06-09T10:00', end: '2027-06-09T12:00' } });
  });
  it('"June 9-11" stays days (guard)', () => {
    expect(parse('book the expo June 9-11')).toMatchObject({ slots: { start: '2027-06-09', end: '2027-06-11' } });
  });
});

describe('English speech', () => {
  it('"four" before a directory name is "for"', () => {
    expect(parse('create a task four hope to check the fence')).toMatchObject({ intent: 'task.create', slots: { title: 'check the fence', responsible: { userId: 6 } } });
  });
  it('"Delegate to Hope: …, deadline …" is a new task, not a change of one', () => {
    expect(parse('Delegate to Hope: check the fence, deadline 6/11 5pm')).toMatchObject({ intent: 'task.create', slots: { title: 'check the fence', responsible: { userId: 6 }, deadline: '2027-06-11T17:00' } });
  });
  it('"do i have anything on until thursday"', () => {
    expect(parse('do i have anything on until thursday')).toMatchObject({ intent: 'agenda.query', slots: { from: '2027-06-08', to: '2027-06-10' } });
  });
  it('"what meetings has hope got next week": a lower-case name as the subject of "has … got"', () => {
    expect(parse('what meetings has hope got next week')).toMatchObject({ intent: 'agenda.query', slots: { person: { userId: 6 }, from: '2027-06-14', to: '2027-06-20' } });
  });
});
