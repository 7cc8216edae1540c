/**
 * Kinds of Russian miss blind batch 8 showed (docs/nlu-heldout.md), with sentences and a directory
 * of our own, each failing before its fix.
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
    { id: 2, name: 'Тимур', lastName: 'Ахмедов', gender: 'M' },
    { id: 3, name: 'Joanna', lastName: 'Baker', gender: 'F' },
    { id: 4, name: 'Kate', lastName: 'White', gender: 'F' },
    { id: 9, name: 'Dana', lastName: 'Lime', gender: 'F' },
    { id: 10, name: 'Wade', lastName: 'Chase', gender: 'M' },
    { id: 5, name: 'Дарья', lastName: 'Синица', gender: 'F' },
    { id: 6, name: 'Вера', lastName: 'Лапина', gender: 'F' },
    { id: 7, name: 'Степан', lastName: 'Кузнецов', gender: 'M' },
    { id: 8, name: 'Ирина', lastName: 'Вольф', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('colloquial replies', () => {
  it.each(['ок жми', 'ну жми', 'жми давай'])('"%s" is a yes', (text) => {
    expect(parse(text, 'task.create').intent).toBe('confirm');
  });
  it.each(['не-не-не', 'нет-нет-нет'])('"%s" is a no', (text) => {
    expect(parse(text, 'task.create').intent).toBe('reject');
  });
});

describe('weekday abbreviations', () => {
  it.each([
    ['поставь звонок с Верой в чт в 15:00', '2026-12-10T15:00'],
    ['в пт созвон с Верой в 11', '2026-12-11T11:00'],
    ['поставь звонок с Верой чт 15:00', '2026-12-10T15:00'],
  ])('"%s": a short weekday after a preposition or before a time', (text, start) => {
    expect(parse(text).slots.start).toBe(start);
  });
});

describe('message verbs, channels and descriptions', () => {
  it.each([
    ['Черкани Вере Лапиной: счёт оплачен', { recipient: { userId: 6 }, text: 'счёт оплачен' }],
    ['чиркани Степану что машина ушла', { recipient: { userId: 7 }, text: 'машина ушла' }],
    ['Скинь Вере в личку: жду отчёт', { recipient: { userId: 6 }, text: 'жду отчёт' }],
    ['напиши Ирине в лс что созвон переносится', { recipient: { userId: 8 }, text: 'созвон переносится' }],
    ['напиши сообщение степе из логистики что машина пришла', { recipient: { userId: 7 }, text: 'машина пришла' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'message.send', slots });
  });
  it('a preposition inside the text stays ("напиши Вере что из Москвы приехали")', () => {
    expect(parse('напиши Вере что из Москвы приехали').slots.text).toBe('из Москвы приехали');
  });
  it('"Нет, текст такой: …" corrects the text', () => {
    expect(parse('Нет, текст такой: буду в пять', 'message.send')).toMatchObject({ intent: 'reject', slots: { text: 'буду в пять' } });
  });
});

describe('agenda questions without an opener, slang lead questions', () => {
  it.each([
    ['Задачи Степана на этой неделе', { kind: 'tasks', person: { userId: 7 }, from: '2026-12-07', to: '2026-12-13' }],
    ['встречи Веры на завтра', { kind: 'events', person: { userId: 6 }, from: '2026-12-09', to: '2026-12-09' }],
    ['какие у меня напоминалки', { kind: 'tasks' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'agenda.query', slots });
  });
  it('"задачи на завтра: позвонить клиенту" is no question (content after the date)', () => {
    expect(parse('задачи на завтра: позвонить клиенту').intent).not.toBe('agenda.query');
  });
  it.each([
    ['лид #4410 — есть смысл дожимать?', { lead: { id: 4410 } }],
    ['сделка 77 — дожимаем?', { lead: { id: 77, entity: 'deal' } }],
  ])('"%s"', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'lead.score', slots });
  });
});

describe('form-like dictation and companies', () => {
  it.each([
    ['нов. задача: подготовить КП для Газпромнефти, отв. Кузнецов, срок 11.12', { title: 'подготовить КП для Газпромнефти', responsible: { userId: 7 }, deadline: '2026-12-11' }],
    ['задача: подготовить договор для Лукойла, отв. Лапина', { title: 'подготовить договор для Лукойла', responsible: { userId: 6 } }],
    ['нов. задача — обзвонить дилеров, отв: Ахмедов', { title: 'обзвонить дилеров', responsible: { userId: 2 } }],
  ])('"%s"', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'task.create', slots });
  });
  it('a company after "для" stays in a reference\'s query', () => {
    expect(parse('закрыть вчерашнюю задачу про КП для Мосэнергосбыта').slots).toEqual({ task: { at: '2026-12-07', query: 'КП для Мосэнергосбыта' } });
  });
  it.each([
    ['задача для Мухаметшина проверить склад', { responsible: { unresolved: 'Мухаметшин' } }],
    ['созвон с Кравцом в 17:00', { attendees: [{ unresolved: 'Кравцом' }] }],
  ])('guard: an unknown surname is still a person ("%s")', (text, slots) => {
    expect(parse(text)).toMatchObject({ slots });
  });
});

describe('a change clause with its noun before the verb', () => {
  it.each([
    ['перекинь задачу про отчёт на Степана и срок поставь на пятницу', { task: { query: 'отчёт' }, responsible: { userId: 7 }, deadline: '2026-12-11' }],
    ['задачу про шины срок поставь на понедельник', { task: { query: 'шины' }, deadline: '2026-12-14' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'task.update', slots });
  });
});

describe('fillers and Latin names heard in Cyrillic', () => {
  it('"ну это" opens a command and stays out of the title', () => {
    expect(parse('ну это поставь задачу на Степана заменить фильтр сегодня в три').slots).toEqual({ title: 'заменить фильтр', responsible: { userId: 7 }, deadline: '2026-12-08T15:00' });
  });
  it.each([
    ['добавь задачу кейт уайт проверить заявки', { title: 'проверить заявки', responsible: { userId: 4 } }],
    ['добавь задачу джоанна бейкер проверить заявки', { title: 'проверить заявки', responsible: { userId: 3 } }],
  ])('"%s": English vowels as said', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('a surname as English says it may be a Russian word too ("дана лайм" for Dana Lime)', () => {
    expect(parse('добавь задачу дана лайм проверить заявки').slots).toEqual({ title: 'проверить заявки', responsible: { userId: 9 } });
  });
  it('guard: a surname guessed by dropping a silent e stays a word ("час", not Chase)', () => {
    expect(parse('задача для часа').slots).toEqual({ title: 'часа' });
  });
  it('guard: "прайс" as a word stays in the title', () => {
    expect(parse('поставь задачу обновить прайс для Веры').slots).toEqual({ title: 'обновить прайс', responsible: { userId: 6 } });
  });
});

describe('a person owning what an event is about', () => {
  it.each([
    ['добавь в календарь день рождения веры лапиной десятого декабря весь день', { title: 'день рождения веры лапиной', start: '2026-12-10', allDay: true }],
    ['добавь в календарь юбилей Степана Кузнецова в пятницу', { title: 'юбилей Степана Кузнецова', start: '2026-12-11' }],
  ])('"%s": in the title, not invited', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('guard: after a kind of meeting the genitive is who meets ("встречу Степана и Веры")', () => {
    expect(parse('запланируй встречу Степана и Веры в пятницу').slots.attendees).toEqual([{ userId: 7 }, { userId: 6 }]);
  });
});
