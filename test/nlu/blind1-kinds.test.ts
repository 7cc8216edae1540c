/**
 * The kinds of miss blind batch 1 showed (docs/nlu-heldout.md), each with sentences and a
 * directory of its own — not the batch's — and each failing on the parser before its fix.
 */
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, ParseResult, Slots } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';

const TZ = 'Europe/Moscow';
// Monday 2026-12-07, 09:00 Moscow.
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 7, hour: 9, minute: 0 }, TZ);

const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Олег', lastName: 'Тарасов', gender: 'M' },
    { id: 2, name: 'Дарья', lastName: 'Белоусова', gender: 'F' },
    { id: 3, name: 'Лариса', lastName: 'Комарова', gender: 'F' },
    { id: 4, name: 'Игорь', lastName: 'Зайцев', gender: 'M' },
    { id: 5, name: 'Priya', lastName: 'Nair', gender: 'F' },
    { id: 6, name: 'Tom', lastName: 'Baker', gender: 'M' },
    { id: 7, name: 'Алёна', lastName: 'Королёва', gender: 'F' },
  ],
};

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});
const parse = (text: string): ParseResult & { slots: Slots } => parser.parse(text, { now: NOW, timeZone: TZ, directory: dir }) as ParseResult & { slots: Slots };
const brief = (r: ParseResult) => ({ intent: r.intent, slots: r.slots });

describe('a message with no verb', () => {
  it.each([
    ['Ларисе Комаровой: счёт оплачен, можно отгружать', 3, 'счёт оплачен, можно отгружать'],
    ['Дарье Белоусовой — созвон переносится на час', 2, 'созвон переносится на час'],
    // A surname with ё the finder reads as a second mention (in another case) of the same user.
    ['Алёне Королёвой: счёт оплачен', 7, 'счёт оплачен'],
    ['Сообщение для Игоря: ключи у охраны', 4, 'ключи у охраны'],
    ['сообщение Игорю Зайцеву: ключи у охраны', 4, 'ключи у охраны'],
    ['msg Tom Baker the demo starts at noon', 6, 'the demo starts at noon'],
    ['mesage Priya: invoice sent', 5, 'invoice sent'],
  ])('"%s"', (text, userId, body) => {
    expect(brief(parse(text))).toEqual({ intent: 'message.send', slots: { recipient: { userId }, text: body } });
  });
});

describe('a deal question without a score word', () => {
  it.each([
    ['Выгорит лид 318 или нет?', { id: 318 }],
    ['закроется сделка 77 или нет', { id: 77, entity: 'deal' }],
  ])('"%s"', (text, lead) => {
    expect(brief(parse(text))).toEqual({ intent: 'lead.score', slots: { lead } });
  });
});

describe('help', () => {
  it.each(['ну и что ты вообще умеешь делать', 'что ты в принципе можешь'])('"%s"', (text) => {
    expect(brief(parse(text))).toEqual({ intent: 'help', slots: {} });
  });
});

describe('agenda with no verb or an idiom', () => {
  it.each([
    ['расписание на пятницу', {}, '2026-12-11'],
    ['график на завтра', {}, '2026-12-08'],
    ["what's on my plate on Thursday", {}, '2026-12-10'],
    ["what's lined up for tomorrow", {}, '2026-12-08'],
    ["what have I got on the books for Friday", {}, '2026-12-11'],
    ['what does Priya have on Wednesday', { person: { userId: 5 } }, '2026-12-09'],
  ])('"%s"', (text, extra, day) => {
    expect(brief(parse(text))).toEqual({ intent: 'agenda.query', slots: { ...extra, from: day, to: day } });
  });
  it('a question about something else is still no agenda', () => {
    expect(parse('what does Tom like for lunch').intent).not.toBe('agenda.query');
  });
});

describe('change verbs in either aspect', () => {
  it.each([
    ['Закрывай задачу обновить прайс', 'task.complete', { task: { query: 'обновить прайс' } }],
    ['переноси встречу с Игорем на четверг', 'event.update', { event: { person: { userId: 4 } }, start: '2026-12-10' }],
    ['отменяй планёрку в пятницу', 'event.cancel', {}],
  ])('"%s" is %s', (text, intent, slots) => {
    const r = parse(text);
    expect(r.intent).toBe(intent);
    expect(r.slots).toMatchObject(slots);
  });
});

describe('a reference query ends at the next clause', () => {
  it('"… про X Игорю и перенеси срок …" → query X', () => {
    const r = parse('передай задачу про ремонт принтера Игорю и перенеси срок на среду');
    expect(r.intent).toBe('task.update');
    expect(r.slots.task).toEqual({ query: 'ремонт принтера' });
    expect(r.slots.responsible).toEqual({ userId: 4 });
    expect(r.slots.deadline).toBe('2026-12-09');
  });
});

describe('misspelt English command words', () => {
  it('"creat a task for myself called …"', () => {
    expect(brief(parse('creat a task for myself called Renew the domain by Friday'))).toEqual({
      intent: 'task.create',
      slots: { title: 'Renew the domain', responsible: { self: true }, deadline: '2026-12-11' },
    });
  });
  it('a real word one letter off stays itself ("tent" is no "text")', () => {
    expect(parse('tent Tom the build is green').intent).toBe('unknown');
  });
  // "massage" said first is the one real word listed as a homophone of the command
  // (intents-en.yaml homophones.opening; batch 15's "massage jonah becker the oven …").
  it('"massage Tom the build is green" is a message (a homophone said first)', () => {
    expect(parse('massage Tom the build is green').intent).toBe('message.send');
  });
});
