/**
 * Issue 15, the kinds of failure unseen speech showed: one block per kind, each sentence failing
 * on the parser before its fix.
 */
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, ParseResult, Slots } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';

const TZ = 'Europe/Moscow';
const NOW = instantOfWallTime({ year: 2026, month: 11, day: 26, hour: 10, minute: 0 }, TZ);

/** Names the grammars were not tuned on; surnames that are ordinary words. */
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Глеб', lastName: 'Рябов', gender: 'M' },
    { id: 2, name: 'Антон', lastName: 'Смирнов', gender: 'M' },
    { id: 3, name: 'Мария', lastName: 'Иванова', gender: 'F' },
    { id: 4, name: 'Анастасия', lastName: 'Кузнецова', gender: 'F' },
    { id: 5, name: 'Кирилл', lastName: 'Королёв', gender: 'M' },
    { id: 6, name: 'Вера', lastName: 'Орлова', gender: 'F' },
    { id: 7, name: 'Emily', lastName: 'Clark', gender: 'F' },
  ],
};

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});
// Slots read loosely here: these tests look at one slot at a time whatever the intent.
const parse = (text: string): ParseResult & { slots: Slots } => parser.parse(text, { now: NOW, timeZone: TZ, directory: dir }) as ParseResult & { slots: Slots };
const brief = (r: ParseResult) => ({ intent: r.intent, slots: r.slots });

describe('dialogue words', () => {
  it.each([
    ['угу, погнали', 'confirm'],
    ['sure thing', 'confirm'],
    ['ладно, забей', 'cancel'],
    ['ok never mind', 'cancel'],
    ['выкинь эту встречу из головы', 'cancel'],
    ['я передумал', 'cancel'],
    ['scratch that', 'cancel'],
    ['не тому', 'reject'],
    ['не создавай', 'reject'],
    ["don't send it", 'reject'],
    ['не отменяй', 'confirm'],
    ['не, не надо', 'cancel'],
    ['чем ты можешь помочь', 'help'],
    ['what can I say', 'help'],
  ])('"%s" is %s', (text, intent) => {
    expect(brief(parse(text))).toEqual({ intent, slots: {} });
  });
});

describe('the skill name said as words', () => {
  it('is neither a title nor a date', () => {
    expect(brief(parse('попроси битрикс двадцать четыре поставить задачу Антону позвонить клиенту'))).toEqual({
      intent: 'task.create',
      slots: { title: 'позвонить клиенту', responsible: { userId: 2 } },
    });
    expect(brief(parse('ask bitrix twenty four to remind me to call the bank tomorrow'))).toEqual({
      intent: 'task.create',
      slots: { title: 'call the bank', responsible: { self: true }, deadline: '2026-11-27' },
    });
    expect(parse('поставь задачу настроить битрикс двадцать четыре на сайте').slots).toEqual({ title: 'настроить Битрикс24 на сайте' });
  });
});

describe('patronymics', () => {
  it('are part of the name in any order and case', () => {
    expect(parse('поставь задачу Смирнову Антону Павловичу подготовить смету').slots).toEqual({ title: 'подготовить смету', responsible: { userId: 2 } });
    expect(parse('создай встречу с Ивановой Марией Сергеевной завтра в 10').slots).toEqual({
      title: 'встреча',
      start: '2026-11-27T10:00',
      attendees: [{ userId: 3 }],
    });
    expect(parse('напиши кузнецовой анастасии игоревне что договор подписан').slots).toEqual({ recipient: { userId: 4 }, text: 'договор подписан' });
    expect(parse('напиши Марии Сергеевне Ивановой что всё готово').slots).toEqual({ recipient: { userId: 3 }, text: 'всё готово' });
  });
});

describe('unknown names in English', () => {
  it('are unresolved persons, not title words, and a list keeps them all', () => {
    expect(parse('create a task for Dmitri to send the invoice').slots).toEqual({ title: 'send the invoice', responsible: { unresolved: 'Dmitri' } });
    expect(parse('schedule a meeting with Lena, Omar and Emily tomorrow at 3').slots).toEqual({
      title: 'meeting',
      start: '2026-11-27T15:00',
      attendees: [{ unresolved: 'Lena' }, { unresolved: 'Omar' }, { userId: 7 }],
    });
    expect(brief(parse("text Ivy that I'm late"))).toEqual({ intent: 'message.send', slots: { recipient: { unresolved: 'Ivy' }, text: "I'm late" } });
  });
});

describe('lead and deal questions', () => {
  it.each([
    ['is this lead any good', { context: true }],
    ["rate the 'Office move' lead", { query: 'Office move' }],
    ['шансы сделки с компанией Ромашка', { query: 'Ромашка', entity: 'deal' }],
    ['насколько тёплый этот лид', { context: true }],
    ["deal 7's chances", { id: 7, entity: 'deal' }],
    ['how promising is lead 45', { id: 45 }],
  ])('"%s" asks about a lead', (text, lead) => {
    expect(brief(parse(text))).toEqual({ intent: 'lead.score', slots: { lead } });
  });
});

describe('command forms', () => {
  it('takes assignment verbs, form-like dictation and a verbless addressee', () => {
    expect(brief(parse('поручи Антону позвонить клиенту завтра'))).toEqual({
      intent: 'task.create',
      slots: { title: 'позвонить клиенту', responsible: { userId: 2 }, deadline: '2026-11-27' },
    });
    expect(brief(parse('делегируй Марии подготовку сметы'))).toEqual({ intent: 'task.create', slots: { title: 'подготовку сметы', responsible: { userId: 3 } } });
    expect(brief(parse('задача — подготовить отчёт; срок — пятница; исполнитель — Антон'))).toEqual({
      intent: 'task.create',
      slots: { title: 'подготовить отчёт', responsible: { userId: 2 }, deadline: '2026-11-27' },
    });
    expect(brief(parse('task: review the contract; due Friday; assignee Emily'))).toEqual({
      intent: 'task.create',
      slots: { title: 'review the contract', responsible: { userId: 7 }, deadline: '2026-11-27' },
    });
    expect(brief(parse('Антону: завтра созвон в 10'))).toEqual({ intent: 'message.send', slots: { recipient: { userId: 2 }, text: 'завтра созвон в 10' } });
  });
  it('knows the common colloquial short forms', () => {
    expect(parse('организуй созвон с Машкой и Антошей через час').slots.attendees).toEqual([{ userId: 3 }, { userId: 2 }]);
    expect(parse('напиши Кирюхе что всё ок').slots).toEqual({ recipient: { userId: 5 }, text: 'всё ок' });
  });
});

describe('misrecognised command words', () => {
  it('are corrected when one command word is one letter off and the dictionary does not know them', () => {
    expect(brief(parse('пставь задачу Антону позвонить клиенту'))).toEqual({ intent: 'task.create', slots: { title: 'позвонить клиенту', responsible: { userId: 2 } } });
    expect(brief(parse('отправь сообщенеи Антону что я опоздаю'))).toEqual({ intent: 'message.send', slots: { recipient: { userId: 2 }, text: 'я опоздаю' } });
    expect(parse('перенси встречу на пятницу').intent).toBe('event.update');
  });
  it('leaves real words and capitalised names alone', () => {
    expect(parse('поставь задачу купить постель').slots).toEqual({ title: 'купить постель' });
    expect(parse('поставь задачу Смирнову проверить Посатвь').slots.title).toBe('проверить Посатвь');
  });
});
