/**
 * Reading and changing what exists (nlu.md): agenda questions, closing and changing tasks, moving
 * and cancelling events — on sentences and a directory that are not in the corpora.
 */
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, ParseResult } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { other } from './fixtures/other-directory';

const dir: Directory = other;
const TZ = 'Asia/Yekaterinburg';
// Tuesday 2027-03-09, 14:00.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 9, hour: 14, minute: 0 }, TZ);

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});
const parse = (text: string, now = NOW): ParseResult => parser.parse(text, { now, timeZone: TZ, directory: dir });
const brief = (r: ParseResult) => ({ intent: r.intent, slots: r.slots });

describe('agenda.query', () => {
  it('reads the period, kind and owner', () => {
    expect(brief(parse('какие созвоны у Оксаны на следующей неделе'))).toEqual({
      intent: 'agenda.query',
      slots: { kind: 'events', from: '2027-03-15', to: '2027-03-21', person: { userId: 12 } },
    });
    expect(brief(parse('что у меня послезавтра'))).toEqual({ intent: 'agenda.query', slots: { from: '2027-03-11', to: '2027-03-11' } });
    expect(brief(parse('покажи просроченные задачи Фёдора'))).toEqual({
      intent: 'agenda.query',
      slots: { kind: 'tasks', overdue: true, person: { userId: 10 } },
    });
    expect(brief(parse('мои задачи до четверга'))).toEqual({ intent: 'agenda.query', slots: { kind: 'tasks', from: '2027-03-09', to: '2027-03-11' } });
    expect(brief(parse('what meetings does Maria have this week'))).toEqual({
      intent: 'agenda.query',
      slots: { kind: 'events', from: '2027-03-08', to: '2027-03-14', person: { userId: 15 } },
    });
  });
  it('takes the weekend and the end of the week from a Saturday as today to Sunday', () => {
    const saturday = instantOfWallTime({ year: 2027, month: 3, day: 13, hour: 11, minute: 0 }, TZ);
    expect(parse('что у меня на выходных', saturday).slots).toEqual({ from: '2027-03-13', to: '2027-03-14' });
    expect(parse('какие задачи до конца недели', saturday).slots).toEqual({ kind: 'tasks', from: '2027-03-13', to: '2027-03-14' });
  });
  it('leaves the speaker out and the month whole', () => {
    expect(parse('какие встречи у Вадима Белова в этом месяце').slots).toEqual({ kind: 'events', from: '2027-03-01', to: '2027-03-31' });
  });
  it('is no agenda question when a change is asked for or nothing says it is about the plan', () => {
    expect(parse('что у тебя нового').intent).toBe('unknown');
    expect(parse('what do i have tomorrow, i need to cancel it').intent).not.toBe('agenda.query');
  });
});

describe('task.complete and task.update', () => {
  it('finds the task by its words, its id or its person', () => {
    expect(brief(parse('закрой задачу про смету ремонта'))).toEqual({ intent: 'task.complete', slots: { task: { query: 'смету ремонта' } } });
    expect(brief(parse('отметь задачу номер 48 выполненной'))).toEqual({ intent: 'task.complete', slots: { task: { id: 48 } } });
    expect(brief(parse('mark the budget review task as done'))).toEqual({ intent: 'task.complete', slots: { task: { query: 'budget review' } } });
  });
  it('reads a new deadline and a new responsible', () => {
    expect(brief(parse('перенеси срок задачи про смету на понедельник'))).toEqual({
      intent: 'task.update',
      slots: { task: { query: 'смету' }, deadline: '2027-03-15' },
    });
    expect(brief(parse('передай задачу про смету Зульфие'))).toEqual({ intent: 'task.update', slots: { task: { query: 'смету' }, responsible: { userId: 11 } } });
    expect(brief(parse('reassign task 12 to Maria'))).toEqual({ intent: 'task.update', slots: { task: { id: 12 }, responsible: { userId: 15 } } });
  });
  it('leaves a relative shift out', () => {
    expect(brief(parse('продли задачу про смету на неделю'))).toEqual({ intent: 'task.update', slots: { task: { query: 'смету' } } });
  });
});

describe('event.update and event.cancel', () => {
  it('tells the old moment from the new one', () => {
    expect(brief(parse('перенеси встречу с Оксаной с четверга на пятницу'))).toEqual({
      intent: 'event.update',
      slots: { event: { person: { userId: 12 }, at: '2027-03-11' }, start: '2027-03-12' },
    });
    // A new time alone keeps the reference's date; "в 9" of a reference is today even though it passed.
    expect(brief(parse('сдвинь совещание в 9 на 17'))).toEqual({
      intent: 'event.update',
      slots: { event: { query: 'совещание', at: '2027-03-09T09:00' }, start: '2027-03-09T17:00' },
    });
    expect(brief(parse('перенеси завтрашний созвон на восемь вечера'))).toEqual({
      intent: 'event.update',
      slots: { event: { query: 'созвон', at: '2027-03-10' }, start: '2027-03-10T20:00' },
    });
    expect(brief(parse('postpone the standup with Maria by two hours'))).toEqual({
      intent: 'event.update',
      slots: { event: { query: 'standup', person: { userId: 15 } } },
    });
  });
  it('splits "from … to …" into the old and the new value, and keeps a second person out of the query', () => {
    expect(brief(parse('move the sync with Maria from Thursday to Friday at 4pm'))).toEqual({
      intent: 'event.update',
      slots: { event: { query: 'sync', person: { userId: 15 }, at: '2027-03-11' }, start: '2027-03-12T16:00' },
    });
    expect(brief(parse('move the sync to Friday from 3 to 5'))).toEqual({
      intent: 'event.update',
      slots: { event: { query: 'sync' }, start: '2027-03-12T15:00', end: '2027-03-12T17:00' },
    });
    expect(parse('отмени созвон с Оксаной и Фёдором').slots).toEqual({ event: { query: 'созвон', person: { userId: 12 } } });
  });
  it('cancels by kind, date, id or title', () => {
    expect(brief(parse('отмени планёрку по маркетингу в четверг'))).toEqual({
      intent: 'event.cancel',
      slots: { event: { query: 'планёрка по маркетингу', at: '2027-03-11' } },
    });
    expect(brief(parse('удали событие 77'))).toEqual({ intent: 'event.cancel', slots: { event: { id: 77 } } });
    expect(brief(parse("cancel today's meeting"))).toEqual({ intent: 'event.cancel', slots: { event: { at: '2027-03-09' } } });
  });
  it('keeps a bare cancel, news and a task about a change as they were', () => {
    expect(parse('отмени это').intent).toBe('cancel');
    expect(parse('cancel it').intent).toBe('cancel');
    expect(parse('созвон в пятницу переносится').intent).toBe('unknown');
    expect(parse("I can't make the call").intent).toBe('unknown');
    expect(brief(parse('поставь задачу перенести планёрку'))).toEqual({ intent: 'task.create', slots: { title: 'перенести планёрку' } });
  });
});
