/**
 * Kinds of miss blind batch 5 showed in the dialogue and change vocabulary (docs/nlu-heldout.md),
 * with sentences and a directory of our own, each failing on the parser before its fix.
 */
import type { Directory, ParseResult } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Thursday 2026-12-10, 11:00 Moscow.
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 10, hour: 11, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Тимур', lastName: 'Ахмедов', gender: 'M' },
    { id: 2, name: 'Nora', lastName: 'Quinn', gender: 'F' },
    { id: 3, name: 'Felix', lastName: 'Brandt', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('closing a task named first, with a bare verb after it', () => {
  it.each([
    ['Задача про сверку счетов готова, закрывай', 'сверку счетов'],
    ['задача про отчёт для банка закрой', 'отчёт для банка'],
  ])('"%s"', (text, query) => {
    const r = parse(text);
    expect(r.intent).toBe('task.complete');
    expect(r.slots.task).toEqual({ query });
  });
  it('"Пометь эту задачу сделанной": пометь is отметь', () => {
    const r = parse('Пометь эту задачу сделанной');
    expect(r.intent).toBe('task.complete');
    expect(r.slots.task).toEqual({});
  });
  it('"meeting tomorrow at 3 about the move" stays a new meeting (guard: an English verb at the end is a noun too)', () => {
    expect(parse('meeting tomorrow at 3 about the move').intent).toBe('event.create');
  });
});

describe('English news and statements', () => {
  it.each(["Felix can't make the standup tomorrow", "Nora won't make the call on Friday"])('"%s" is news', (text) => {
    expect(parse(text).intent).toBe('unknown');
  });
  it('"create a task: tell Felix I can\'t make it" is still a task (guard)', () => {
    expect(parse("create a task: tell Felix I can't make it").intent).toBe('task.create');
  });
  it('"Done with the task Renew the lease, close it"', () => {
    const r = parse('Done with the task Renew the lease, close it');
    expect(r.intent).toBe('task.complete');
    expect(r.slots.task).toEqual({ query: 'Renew the lease' });
  });
  it('"dead line" said as two words is the deadline', () => {
    const r = parse('move the dead line on task 512 to friday');
    expect(r.intent).toBe('task.update');
    expect(r.slots.task).toEqual({ id: 512 });
    expect(r.slots.deadline).toBe('2026-12-11');
  });
});

describe('help asked as what the assistant can do', () => {
  it.each(['What can I ask you to do?', 'what can you do for me here', 'so what can you help with'])('"%s"', (text) => {
    expect(parse(text).intent).toBe('help');
  });
  it.each(['what can I do tomorrow', 'what do I have on Friday'])('"%s" is no help (guard)', (text) => {
    expect(parse(text).intent).not.toBe('help');
  });
});

describe('who gets the task, and which task', () => {
  it('"Assign Felix the task "Check the pumps" by Friday" is a new task for Felix', () => {
    const r = parse('Assign Felix the task "Check the pumps" by Friday');
    expect(r.intent).toBe('task.create');
    expect(r.slots).toEqual({ title: 'Check the pumps', responsible: { userId: 3 }, deadline: '2026-12-11' });
  });
  it('"assign the pumps task to Felix" still changes the existing one (guard)', () => {
    const r = parse('assign the pumps task to Felix');
    expect(r.intent).toBe('task.update');
    expect(r.slots.responsible).toEqual({ userId: 3 });
  });
  it("\"Reassign Nora's task about the lease to Felix\": the owner names the task, the new responsible follows \"to\"", () => {
    const r = parse("Reassign Nora's task about the lease to Felix");
    expect(r.intent).toBe('task.update');
    expect(r.slots.task).toEqual({ person: { userId: 2 }, query: 'lease' });
    expect(r.slots.responsible).toEqual({ userId: 3 });
  });
  it('"until" before a deadline is no title word', () => {
    const r = parse('give Nora a task translate the manual into french until Monday');
    expect(r.slots).toEqual({ title: 'translate the manual into french', responsible: { userId: 2 }, deadline: '2026-12-14' });
  });
});

describe('titles said after the command', () => {
  it('an all-day event with its title after a colon', () => {
    const r = parse('Create an event for the whole day tomorrow: Audit at the Omsk depot');
    expect(r.slots).toEqual({ title: 'Audit at the Omsk depot', start: '2026-12-11', allDay: true });
  });
  it.each([
    ['Нет, назови её Итоги квартала', 'event.create', 'Итоги квартала'],
    ['нет, пусть называется Итоги квартала', 'task.create', 'Итоги квартала'],
    ['no, call it Quarter review', 'event.create', 'Quarter review'],
  ])('"%s" corrects the title', (text, expecting, title) => {
    const r = parse(text, expecting as ParseResult['intent']);
    expect(r.intent).toBe('reject');
    expect(r.slots).toEqual({ title });
  });
});

describe('chat spellings put right before parsing', () => {
  it.each([
    ['put a sync in my calender for tomorrow at 10', 'event.create', { title: 'sync', start: '2026-12-11T10:00' }],
    ['tsk for Felix: order the seals, by Dec 18', 'task.create', { title: 'order the seals', responsible: { userId: 3 }, deadline: '2026-12-18' }],
    ['remindme tommorow to water the plants', 'task.create', { title: 'water the plants', responsible: { self: true }, deadline: '2026-12-11' }],
  ])('"%s"', (text, intent, slots) => {
    const r = parse(text);
    expect(r.intent).toBe(intent);
    expect(r.slots).toEqual(slots);
  });
  it('a quoted title keeps its spelling', () => {
    expect(parse('create a task "Fix the calender widget" for Felix').slots.title).toBe('Fix the calender widget');
  });
});

describe('messages said without a colon (speech writes none)', () => {
  it.each([
    ['сообщение ивану клиент подтвердил заказ', { recipient: { unresolved: 'Иван' }, text: 'клиент подтвердил заказ' }],
    ['Сообщение Ивану.', { recipient: { unresolved: 'Иван' } }],
    ['send nora a message pls send the slides', { recipient: { userId: 2 }, text: 'send the slides' }],
    ['shoot Felix a quick note lunch at 1', { recipient: { userId: 3 }, text: 'lunch at 1' }],
  ])('"%s"', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('message.send');
    expect(r.slots).toEqual(slots);
  });
  it('"сообщение от ивана пришло вчера" is news (guard)', () => {
    expect(parse('сообщение от ивана пришло вчера').intent).toBe('unknown');
  });
});

describe('a command said with a wake word before it and "please" after it means the same', () => {
  it.each([
    ['hey google stop', 'cancel'],
    ['ok google yes please', 'confirm'],
    ['алиса, да', 'confirm'],
    ['слушай алиса отмена', 'cancel'],
    ['ok so', 'confirm'],
  ])('"%s" → %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
  it('a correction after a wake word', () => {
    expect(parse('слушай алиса лучше послезавтра пожалуйста', 'event.create')).toMatchObject({ intent: 'reject', slots: { start: '2026-12-12' } });
  });
  it('a misheard command word right after the wake word is corrected though capitalised', () => {
    expect(parse('слушай алиса Перинеси планёрку на пятницу').intent).toBe('event.update');
    expect(parse('hey google Remnd me to call the bank tomorrow').intent).toBe('task.create');
  });
  it.each([
    ['поставь задачу Феликсу завтра проверить поставку пожалуйста', 'проверить поставку'],
    ['напомни в пять вечера позвонить поставщику пожалуйста', 'позвонить поставщику'],
  ])('"%s": a noun under a command verb\'s stem stays in the title', (text, title) => {
    expect(parse(text).slots.title).toBe(title);
  });
  it('"постав задачу …": the same stem before the noun is the verb misheard (guard)', () => {
    expect(parse('постав задачу проверить склад').slots.title).toBe('проверить склад');
  });
  it.each([
    ['создай встречу в субботу с десяти до двенадцати пожалуйста', '2026-12-12T10:00', '2026-12-12T12:00'],
    ['создай встречу с десяти до двенадцати завтра', '2026-12-11T10:00', '2026-12-11T12:00'],
  ])('"%s": an hour in words before a day or "пожалуйста"', (text, start, end) => {
    expect(parse(text).slots).toMatchObject({ start, end });
  });
  it('"какие шансы у лида Смирновой пожалуйста": the lead is Смирнова', () => {
    expect(parse('какие шансы у лида Смирновой пожалуйста').slots).toEqual({ lead: { query: 'Смирнова' } });
  });
});

describe('a word said while thinking inside a change names nothing', () => {
  it.each([
    ['задачу короче про пропуска закрой', { task: { query: 'пропуска' } }],
    ['задачу значит 8802 закрой', { task: { id: 8802 } }],
  ])('"%s"', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('task.complete');
    expect(r.slots).toEqual(slots);
  });
});
