/**
 * The Russian kinds of miss blind batch 3 showed (docs/nlu-heldout.md), each with sentences and a
 * directory of its own — not the batch's — mostly as a recogniser writes them (lower case, words
 * for numbers, fillers), and each failing on the parser before its fix.
 */
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, ParseResult, Slots } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';

const TZ = 'Europe/Moscow';
// Tuesday 2026-12-08, 09:00 Moscow: tomorrow is 12-09, Friday 12-11, this week 12-07 … 12-13.
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 8, hour: 9, minute: 0 }, TZ);

const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Глеб', lastName: 'Сомов', gender: 'M' },
    { id: 2, name: 'Арсений', lastName: 'Платонов', gender: 'M' },
    { id: 3, name: 'Ульяна', lastName: 'Ковальчук', gender: 'F' },
    { id: 4, name: 'Тимофей', lastName: 'Гриценко', gender: 'M' },
    // A woman's name one letter off a man's name the dictionary knows (Рашит).
    { id: 5, name: 'Рашида', lastName: 'Валиева', gender: 'F' },
    { id: 6, name: 'Рената', lastName: 'Тагирова', gender: 'F' },
    { id: 7, name: 'Богдан', lastName: 'Чернов', gender: 'M' },
    { id: 8, name: 'Милана', lastName: 'Шевчук', gender: 'F' },
    { id: 9, name: 'Карина', lastName: 'Исаева', gender: 'F' },
  ],
};

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});
const parse = (text: string, now = NOW): ParseResult & { slots: Slots } => parser.parse(text, { now, timeZone: TZ, directory: dir }) as ParseResult & { slots: Slots };
const brief = (r: ParseResult) => ({ intent: r.intent, slots: r.slots });

describe('an unknown name in the dative after an imperative is the addressee, even when it is a word too', () => {
  it.each([
    ['напиши саше что я опоздаю', 'Саша', 'я опоздаю'],
    ['скажи вере что пропуск готов', 'Вера', 'пропуск готов'],
    ['отправь саше сообщение что я на связи', 'Саша', 'я на связи'],
  ])('"%s"', (text, unresolved, body) => {
    expect(brief(parse(text))).toEqual({ intent: 'message.send', slots: { recipient: { unresolved }, text: body } });
  });
});

describe("a misheard woman's name the dictionary reads as a man's is the directory's woman", () => {
  it.each([
    ['напиши рашите что отчет готов', { intent: 'message.send', slots: { recipient: { userId: 5 }, text: 'отчет готов' } }],
    ['поставь задачу рашите проверить счета', { intent: 'task.create', slots: { title: 'проверить счета', responsible: { userId: 5 } } }],
  ])('"%s"', (text, want) => {
    expect(brief(parse(text))).toEqual(want);
  });

  it.each([
    // Read as a woman's name too (Рината), or a real woman's name (Марина): nobody here.
    ['напиши ринате что я на месте', 'Рината'],
    ['напиши марине что я на месте', 'Марина'],
  ])('guard: "%s" stays unresolved', (text, unresolved) => {
    expect(parse(text).slots.recipient).toEqual({ unresolved });
  });
});
