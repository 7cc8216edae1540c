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
    // After the command's noun or a politeness word, as after the verb.
    ['отправь сообщение саше что я опоздаю', 'Саша', 'я опоздаю'],
    ['напиши пожалуйста саше что я опоздаю', 'Саша', 'я опоздаю'],
  ])('"%s"', (text, unresolved, body) => {
    expect(brief(parse(text))).toEqual({ intent: 'message.send', slots: { recipient: { unresolved }, text: body } });
  });
});

it('an unknown name that is a word too, right after a task noun, is the responsible', () => {
  expect(brief(parse('поставь задачу вере купить воду'))).toEqual({ intent: 'task.create', slots: { title: 'купить воду', responsible: { unresolved: 'Вера' } } });
});

describe("a misheard woman's name the dictionary reads as a man's is the directory's woman", () => {
  it.each([
    ['напиши рашите что отчет готов', { intent: 'message.send', slots: { recipient: { userId: 5 }, text: 'отчет готов' } }],
    ['поставь задачу рашите проверить счета', { intent: 'task.create', slots: { title: 'проверить счета', responsible: { userId: 5 } } }],
  ])('"%s"', (text, want) => {
    expect(brief(parse(text))).toEqual(want);
  });

  it.each([
    // A real woman's name whose first letter differs from Карина's (Марина): nobody here.
    ['напиши марине что я на месте', 'Марина'],
  ])('guard: "%s" stays unresolved', (text, unresolved) => {
    expect(parse(text).slots.recipient).toEqual({ unresolved });
  });

  it('a real woman\'s name a letter off a colleague\'s, of six letters, in the same case, is her misheard (nlu.md\'s rule)', () => {
    // (The twelfth session: batches 52 and 96 hold Рустам for Рустем and Ренат for Ринат so; this
    // guard said "Рината" stays unresolved before.)
    expect(parse('напиши ринате что я на месте').slots.recipient).toEqual({ userId: 6 });
  });

  it('guard: a form that can be a dative of its own (Рената) is no misheard man (Ринат)', () => {
    const withRinat: Directory = { ...dir, users: [dir.users[0]!, { id: 20, name: 'Ринат', lastName: 'Газизов', gender: 'M' }] };
    const r = parser.parse('напиши ренате что я опоздаю', { now: NOW, timeZone: TZ, directory: withRinat });
    expect(r.intent).toBe('message.send');
    expect(r.slots).toHaveProperty('recipient.unresolved');
  });
});

describe('a self-repair inside one utterance: the repaired value wins, the repair words are nobody\'s', () => {
  it.each([
    ['поставь задачу на арсения в понедельник ой нет во вторник сверить остатки', { title: 'сверить остатки', responsible: { userId: 2 }, deadline: '2026-12-15' }],
    ['поставь задачу тимофею обновить сайт до среды нет точнее до четверга', { title: 'обновить сайт', responsible: { userId: 4 }, deadline: '2026-12-10' }],
    ['поставь задачу на милану в понедельник то есть во вторник заказать воду', { title: 'заказать воду', responsible: { userId: 8 }, deadline: '2026-12-15' }],
    ['поставь задачу на арсения ой нет на богдана проверить склад', { title: 'проверить склад', responsible: { userId: 7 } }],
    ['поставь задачу на пятницу, хотя нет, на четверг, подготовить отчет', { title: 'подготовить отчет', deadline: '2026-12-10' }],
    ['поставь задачу тимофею на среду подожди нет на четверг сверить кассу', { title: 'сверить кассу', responsible: { userId: 4 }, deadline: '2026-12-10' }],
    // An hour in words before the task's infinitive.
    ['напомни мне в пять вернее в шесть позвонить в банк', { title: 'позвонить в банк', responsible: { self: true }, deadline: '2026-12-08T18:00' }],
    // "не A, а B".
    ['поставь задачу не на пятницу а на четверг подготовить отчет', { title: 'подготовить отчет', deadline: '2026-12-10' }],
    ['поставь задачу не ульяне, а милане купить воду', { title: 'купить воду', responsible: { userId: 8 } }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'task.create', slots });
  });

  it.each([
    // Only a new time in the repair: the date said before it stays.
    ['создай встречу с ульяной завтра в пять ой нет в шесть', { title: 'встреча', start: '2026-12-09T18:00', attendees: [{ userId: 3 }] }],
    ['создай встречу в пятницу в три, э, нет, в четыре', { title: 'встреча', start: '2026-12-11T16:00' }],
    ['запланируй созвон с богданом в пятницу вернее в субботу', { title: 'созвон', start: '2026-12-12', attendees: [{ userId: 7 }] }],
    ['создай встречу с ульяной ой нет с миланой завтра в три', { title: 'встреча', start: '2026-12-09T15:00', attendees: [{ userId: 8 }] }],
    // An hour in words before the repair is still an hour.
    ['создай встречу в десять нет в одиннадцать', { title: 'встреча', start: '2026-12-08T11:00' }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'event.create', slots });
  });

  it.each([
    ['напиши арсению ой нет богдану что я опоздаю', 7, 'я опоздаю'],
    ['напиши арсению, вернее тимофею: встреча в пять', 4, 'встреча в пять'],
  ])('"%s"', (text, userId, body) => {
    expect(brief(parse(text))).toEqual({ intent: 'message.send', slots: { recipient: { userId }, text: body } });
  });

  it('guard: two values joined by "и" are no repair', () => {
    expect(parse('поставь задачу арсению и богдану проверить склад').slots.responsible).toEqual({ userId: 2 });
  });
});

describe('hesitations and "надо чтобы ты" lead-ins are never a title word', () => {
  it.each([
    ['ммм поставь задачу на богдана проверить договор до пятницы', { title: 'проверить договор', responsible: { userId: 7 }, deadline: '2026-12-11' }],
    ['ну э поставь задачу тимофею ммм обновить сайт', { title: 'обновить сайт', responsible: { userId: 4 } }],
    ['поставь задачу ээ на богдана подготовить смету', { title: 'подготовить смету', responsible: { userId: 7 } }],
    ['нужно чтобы ты поставил задачу арсению оплатить счет', { title: 'оплатить счет', responsible: { userId: 2 } }],
    ['мне надо чтобы ты поставила задачу милане разобрать почту', { title: 'разобрать почту', responsible: { userId: 8 } }],
    ['поставь задачу проверить ээ договор', { title: 'проверить договор' }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'task.create', slots });
  });

  it('inside an event\'s topic too', () => {
    expect(brief(parse('запланируй встречу с ульяной по ммм бюджету завтра в три'))).toEqual({
      intent: 'event.create',
      slots: { title: 'встреча по бюджету', start: '2026-12-09T15:00', attendees: [{ userId: 3 }] },
    });
  });

  it('guard: "мм" after a number is millimetres, kept in the title', () => {
    expect(parse('поставь задачу купить болты 10 мм').slots).toEqual({ title: 'купить болты 10 мм' });
  });
});

describe('"чтобы ты" with the command in the past tense, and a hesitation before a message text', () => {
  it.each([
    ['мне надо чтобы ты напомнила мне позвонить в банк завтра', { intent: 'task.create', slots: { title: 'позвонить в банк', responsible: { self: true }, deadline: '2026-12-09' } }],
    ['нужно чтобы ты написал богдану что я опоздаю', { intent: 'message.send', slots: { recipient: { userId: 7 }, text: 'я опоздаю' } }],
    ['хочу чтобы ты передала ульяне что отчет готов', { intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'отчет готов' } }],
    ['напиши богдану ээ что я опоздаю', { intent: 'message.send', slots: { recipient: { userId: 7 }, text: 'я опоздаю' } }],
  ])('"%s"', (text, want) => {
    expect(brief(parse(text))).toEqual(want);
  });
});

describe('an ordinal day after "срок" is the deadline', () => {
  it.each([
    ['поставь задачу богдану сдать отчет срок двадцать третье', { title: 'сдать отчет', responsible: { userId: 7 }, deadline: '2026-12-23' }],
    ['задача на ульяну подготовить договор срок пятнадцатое', { title: 'подготовить договор', responsible: { userId: 3 }, deadline: '2026-12-15' }],
    ['поставь задачу милане разобрать архив дедлайн десятое', { title: 'разобрать архив', responsible: { userId: 8 }, deadline: '2026-12-10' }],
    ['поставь задачу ульяне подготовить договор срок сдачи двадцать девятое', { title: 'подготовить договор', responsible: { userId: 3 }, deadline: '2026-12-29' }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'task.create', slots });
  });
});

describe('an ordinal agreeing with a noun of place is no date', () => {
  it.each([
    ['поставь задачу на тимофея убрать коробки на третьем этаже', { title: 'убрать коробки на третьем этаже', responsible: { userId: 4 } }],
    ['создай задачу проверить кондиционер на пятом этаже в пятницу', { title: 'проверить кондиционер на пятом этаже', deadline: '2026-12-11' }],
    ['поставь задачу богдану отнести стулья на второй этаж', { title: 'отнести стулья на второй этаж', responsible: { userId: 7 } }],
    // A counted noun after the ordinal, in the case of a day: the thing's number.
    ['поставь задачу богдану отвезти документы к пятому корпусу до пятницы', { title: 'отвезти документы к пятому корпусу', responsible: { userId: 7 }, deadline: '2026-12-11' }],
    ['поставь задачу милане поднять коробки до второго этажа', { title: 'поднять коробки до второго этажа', responsible: { userId: 8 } }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'task.create', slots });
  });

  it('guard: a day said with "на" and its neuter ordinal stays a date', () => {
    expect(parse('поставь задачу арсению на двадцать пятое сверить акты').slots).toEqual({ title: 'сверить акты', responsible: { userId: 2 }, deadline: '2026-12-25' });
  });

  it('guard: a verb on a counted noun\'s stem is no counted noun ("до десятого разобрать")', () => {
    expect(parse('напомни мне до десятого разобрать почту').slots).toEqual({ title: 'разобрать почту', responsible: { self: true }, deadline: '2026-12-10' });
  });
});

// A directory whose users include the assistant's wake word as a name.
const withAlisa: Directory = { ...dir, users: [...dir.users, { id: 10, name: 'Алиса', lastName: 'Орехова', gender: 'F' }] };

describe('agenda questions without a verb, by the calendar, over a period', () => {
  it.each([
    ['расписание на выходные', { from: '2026-12-12', to: '2026-12-13' }],
    ['календарь тимофея на 15 декабря', { kind: 'events', person: { userId: 4 }, from: '2026-12-15', to: '2026-12-15' }],
    ['Календарь на пятницу', { kind: 'events', from: '2026-12-11', to: '2026-12-11' }],
    ['ээ что там у меня послезавтра по планам', { from: '2026-12-10', to: '2026-12-10' }],
    ['график Ульяны на эту неделю', { person: { userId: 3 }, from: '2026-12-07', to: '2026-12-13' }],
    ['планы ульяны на завтра', { person: { userId: 3 }, from: '2026-12-09', to: '2026-12-09' }],
    ['дела на пятницу', { from: '2026-12-11', to: '2026-12-11' }],
    // "у меня есть …" said first, and "что-нибудь".
    ['у меня есть что-нибудь на завтра', { from: '2026-12-09', to: '2026-12-09' }],
    ['у меня какие встречи в пятницу', { kind: 'events', from: '2026-12-11', to: '2026-12-11' }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'agenda.query', slots });
  });

  it('the wake word before the question is no person whose plan it is ("у меня" is the speaker)', () => {
    const r = parser.parse('алиса какие созвоны у меня до пятницы', { now: NOW, timeZone: TZ, directory: withAlisa });
    expect(brief(r)).toEqual({ intent: 'agenda.query', slots: { kind: 'events', from: '2026-12-08', to: '2026-12-11' } });
  });

  it('guard: a period after the plan noun, as before', () => {
    expect(brief(parse('Расписание на следующую неделю?'))).toEqual({ intent: 'agenda.query', slots: { from: '2026-12-14', to: '2026-12-20' } });
  });

  it.each(['что ты делаешь на выходных', 'календарь', 'планы поменялись', 'у меня есть идея'])('guard: "%s" is no agenda question', (text) => {
    expect(parse(text).intent).toBe('unknown');
  });
});

describe('a change said in the first person plural, the verb after its object', () => {
  it.each([
    ['давай встречу с ульяной перенесем на четверг', { intent: 'event.update', slots: { start: '2026-12-10', event: { person: { userId: 3 } } } }],
    ['давай планерку перенесем на пятницу в десять', { intent: 'event.update', slots: { start: '2026-12-11T10:00', event: { query: 'планёрка' } } }],
    ['давай созвон с богданом сдвинем на завтра', { intent: 'event.update', slots: { start: '2026-12-09', event: { person: { userId: 7 }, query: 'созвон' } } }],
    ['давай задачу про отчет закроем', { intent: 'task.complete', slots: { task: { query: 'отчет' } } }],
    ['встречу с богданом давай отменим', { intent: 'event.cancel', slots: { event: { person: { userId: 7 } } } }],
    ['давай отменим завтрашнюю встречу с тимофеем', { intent: 'event.cancel', slots: { event: { person: { userId: 4 }, at: '2026-12-09' } } }],
  ])('"%s"', (text, want) => {
    expect(brief(parse(text))).toEqual(want);
  });

  it('guard: a statement about a meeting stays news', () => {
    expect(parse('встреча с тимофеем переносится на понедельник').intent).toBe('unknown');
  });
});
