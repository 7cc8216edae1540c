/**
 * The whole parser on sentences beyond the corpora: intents, titles, message texts, lead
 * references, corrections, and a directory of names the grammars were never tuned on.
 */
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, ParseContext, Slots } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { other } from './fixtures/other-directory';

const demo: Directory = {
  self: 1,
  timeZone: 'Europe/Moscow',
  users: [
    { id: 1, name: 'Александр', lastName: 'Сербул', gender: 'M' },
    { id: 2, name: 'Сергей', lastName: 'Иванов', gender: 'M' },
    { id: 3, name: 'Анастасия', lastName: 'Кузнецова', gender: 'F' },
    { id: 4, name: 'Антон', lastName: 'Смирнов', gender: 'M' },
    { id: 5, name: 'Мария', lastName: 'Иванова', gender: 'F' },
    { id: 26, name: 'John', lastName: 'Smith', gender: 'M' },
  ],
};

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});

const at = (directory: Directory, extra: Partial<ParseContext> = {}): ParseContext => ({
  now: instantOfWallTime({ year: 2026, month: 11, day: 26, hour: 10, minute: 0 }, directory.timeZone!),
  timeZone: directory.timeZone!,
  directory,
  ...extra,
});
// Read loosely: these tests look at any slot whatever the intent (ParseResult is a union by intent).
const parse = (text: string, directory = demo, extra: Partial<ParseContext> = {}) => parser.parse(text, at(directory, extra)) as { intent: string; slots: Slots };

describe('intents', () => {
  it.each([
    ['Да', 'confirm'],
    ['ага, давай', 'confirm'],
    ['Нет', 'reject'],
    ['Отбой', 'cancel'],
    ['хватит', 'cancel'],
    ['stop', 'cancel'],
    ['помощь', 'help'],
    ['what can you do', 'help'],
    ['yes please', 'confirm'],
    // As people answer in chat (a blind probe of new sentences found these missing).
    ['да, записывай', 'confirm'],
    ['не-не', 'reject'],
    ['нет-нет', 'reject'],
    ['забудь, не надо ничего', 'cancel'],
    ['слушай, а ты что можешь делать?', 'help'],
    ['помоги, как с тобой работать', 'help'],
  ])('"%s" is %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });

  it.each([
    'Какая погода в Казани?',
    'Включи музыку',
    'Удали задачу про отчёт',
    'please check my emails',
    'set an alarm for seven am',
    'tweet that the service was slow',
    // News about a meeting, not a request for one: a cancelling or moving word anywhere.
    'встреча завтра в 10 отменяется',
    'совещание в пятницу перенесли на понедельник',
    'the meeting tomorrow at 3 is cancelled',
    'поставь задачу удали файлы',
  ])('"%s" is out of scope', (text) => {
    expect(parse(text).intent).toBe('unknown');
  });

  // Out of scope before nlu.md's "Reading and changing what exists"; now these intents.
  it.each([
    ['Перенеси встречу на понедельник', 'event.update'],
    ['какие у меня встречи завтра', 'agenda.query'],
    ['cancel my meeting tomorrow', 'event.cancel'],
    ['tell me about my events', 'agenda.query'],
  ])('"%s" is %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });

  it.each([
    // After a creating command an infinitive is the content, even a cancelling or moving one.
    ['поставь задачу отменить подписку', 'task.create', 'отменить подписку'],
    ['создай задачу удалить старые файлы', 'task.create', 'удалить старые файлы'],
    ['напомни перенести релиз', 'task.create', 'перенести релиз'],
    ['create a task to delete old files', 'task.create', 'delete old files'],
    // A cancelling word after "про" / "about" is the subject.
    ['созвон завтра в 15 про перенос сроков', 'event.create', undefined],
    ['meeting tomorrow at 3 about the move', 'event.create', undefined],
    // Informal verbs: "закинь задачу", "кинь сообщение", "ответь …".
    ['закинь на Антона задачу проверить остатки', 'task.create', 'проверить остатки'],
    ['кинь Насте сообщение где ключи от склада', 'message.send', undefined],
    ['ответь Антону что я согласен', 'message.send', undefined],
    ['насколько горячий лид номер 310', 'lead.score', undefined],
    // A command-verb stem that lands on a noun is part of the title ("поставки", "создание").
    ['задача для Антона подготовить договор поставки', 'task.create', 'подготовить договор поставки'],
    ['задача Антону: создание сайта', 'task.create', 'создание сайта'],
    ['задачу Антону проверить поставщика', 'task.create', 'проверить поставщика'],
  ])('"%s" is %s', (text, intent, title) => {
    const r = parse(text);
    expect(r.intent).toBe(intent);
    if (title) expect(r.slots.title).toBe(title);
  });

  it('a reply word inside a longer request is not a reply', () => {
    expect(parse('да, и ещё кое-что про погоду').intent).toBe('unknown');
  });
});

describe('tasks', () => {
  it('keeps the words left after the command, person and date as the title', () => {
    const r = parse('Поставь задачу на Марию проверить договор завтра');
    expect(r).toMatchObject({ intent: 'task.create', slots: { title: 'проверить договор', responsible: { userId: 5 }, deadline: '2026-11-27' } });
  });
  it('ends a marked title where a date begins', () => {
    const r = parse('Создай задачу с названием отчёт за март на пятницу');
    expect(r.slots.title).toBe('отчёт за март');
    expect(r.slots.deadline).toBe('2026-11-27');
  });
  it('keeps quoted words whole, dates and names inside included', () => {
    const r = parse('Поставь задачу «Позвонить Антону завтра» на понедельник');
    expect(r.slots.title).toBe('Позвонить Антону завтра');
    expect(r.slots.deadline).toBe('2026-11-30');
    expect(r.slots.responsible).toBeUndefined();
  });
  it('makes the speaker responsible for a reminder', () => {
    const r = parse('напомни завтра купить билеты');
    expect(r).toMatchObject({ intent: 'task.create', slots: { responsible: { self: true }, title: 'купить билеты', deadline: '2026-11-27' } });
  });
  it('works with names no dictionary knows', () => {
    expect(parse('Поставь задачу на Шевчука подготовить смету', other).slots.responsible).toEqual({ userId: 10 });
    expect(parse('Поставь задачу Зульфие собрать отчёт', other).slots.responsible).toEqual({ userId: 11 });
    expect(parse('Поставь задачу Оксане Ткаченко обзвонить клиентов', other).slots).toMatchObject({ responsible: { userId: 12 }, title: 'обзвонить клиентов' });
  });
  it('reads English tasks', () => {
    const r = parse('remind me to call the bank tomorrow');
    expect(r).toMatchObject({ intent: 'task.create', slots: { responsible: { self: true }, title: 'call the bank', deadline: '2026-11-27' } });
  });
});

describe('events', () => {
  it('names an event by its kind and keeps what follows it', () => {
    const r = parse('Запланируй встречу с клиентом завтра в 15:00');
    expect(r).toMatchObject({ intent: 'event.create', slots: { title: 'встреча с клиентом', start: '2026-11-27T15:00' } });
  });
  it('collects attendees from a list', () => {
    const r = parse('Создай созвон с Антоном и Марией Ивановой завтра в 10');
    expect(r.slots.attendees).toEqual([{ userId: 4 }, { userId: 5 }]);
    expect(r.slots.title).toBe('созвон');
  });
  it('gives no title for a bare "событие"', () => {
    const r = parse('Добавь событие на пятницу');
    expect(r.intent).toBe('event.create');
    expect(r.slots.title).toBeUndefined();
  });
  it('reads English events with a marker', () => {
    const r = parse('Schedule a meeting called Budget review tomorrow at 3pm', other);
    expect(r).toMatchObject({ intent: 'event.create', slots: { title: 'Budget review', start: '2026-11-27T15:00' } });
  });
});

describe('messages', () => {
  it('takes the text after the recipient', () => {
    expect(parse('Напиши Антону созвон в силе').slots).toEqual({ recipient: { userId: 4 }, text: 'созвон в силе' });
  });
  it('takes the text after a marker, even when it holds a date or a pronoun', () => {
    expect(parse('Отправь Марии сообщение: зайди ко мне завтра').slots).toEqual({ recipient: { userId: 5 }, text: 'зайди ко мне завтра' });
  });
  it('asks nothing of an unknown English name but keeps it', () => {
    expect(parse('send a message to Zed: hello').slots).toEqual({ recipient: { unresolved: 'Zed' }, text: 'hello' });
  });
  it('resolves people of another directory', () => {
    expect(parse('Напиши Георгию что отчёт готов', other).slots).toEqual({ recipient: { userId: 13 }, text: 'отчёт готов' });
    expect(parse('Message Maria Garcia running late', other).slots).toEqual({ recipient: { userId: 15 }, text: 'running late' });
  });
});

describe('leads', () => {
  it.each([
    ['какой скоринг у лида 17', { id: 17 }],
    ['оцени сделку номер сорок пять', { id: 45, entity: 'deal' }],
    ['какая вероятность у этой сделки', { context: true, entity: 'deal' }],
    ['what is the score of deal 9', { id: 9, entity: 'deal' }],
    ['score this lead', { context: true }],
  ])('"%s"', (text, lead) => {
    const r = parse(text);
    expect(r.intent).toBe('lead.score');
    expect(r.slots.lead).toEqual(lead);
  });
});

describe('corrections', () => {
  it('reads "нет, на среду" as a new deadline while a task is confirmed', () => {
    const r = parse('нет, на среду', demo, { expecting: 'task.create' });
    expect(r).toEqual(expect.objectContaining({ intent: 'reject', slots: { deadline: '2026-12-02' } }));
  });
  it('reads "лучше Антону" as a new recipient while a message is confirmed', () => {
    const r = parse('лучше Антону', demo, { expecting: 'message.send' });
    expect(r.intent).toBe('reject');
    expect(r.slots.recipient).toEqual({ userId: 4 });
  });
  it('is a plain rejection without the context', () => {
    expect(parse('нет, на среду').intent).not.toBe('task.create');
  });
});
