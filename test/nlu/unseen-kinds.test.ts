/**
 * Issue 15, third round: kinds of miss found by probing unseen speech (new sentences written for
 * each kind, against a directory of names the grammars were not tuned on). Every sentence here
 * failed on the parser before its fix.
 */
import { createParser, type Parser } from '../../src/nlu';
import type { Directory, ParseResult, Slots } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';

const TZ = 'Europe/Moscow';
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 9, hour: 11, minute: 0 }, TZ);

const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Тимур', lastName: 'Гаврилов', gender: 'M' },
    { id: 2, name: 'Роман', lastName: 'Белкин', gender: 'M' },
    { id: 3, name: 'Полина', lastName: 'Марков', gender: 'F' },
    { id: 4, name: 'Пётр', lastName: 'Лужин', gender: 'M' },
    { id: 5, name: 'Ангелина', lastName: 'Соколова', gender: 'F' },
    { id: 6, name: 'Всеволод', lastName: 'Парижский', gender: 'M' },
    { id: 7, name: 'Olivia', lastName: 'Stone', gender: 'F' },
  ],
};

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});
const parse = (text: string): ParseResult & { slots: Slots } => parser.parse(text, { now: NOW, timeZone: TZ, directory: dir }) as ParseResult & { slots: Slots };
const brief = (r: ParseResult) => ({ intent: r.intent, slots: r.slots });

describe('Latin words and Cyrillic names', () => {
  it('a place a letter off a transliteration (Berlin / Belkin) is nobody', () => {
    expect(brief(parse('new task: fly to Berlin on friday'))).toEqual({
      intent: 'task.create',
      slots: { title: 'fly to Berlin', deadline: '2026-12-11' },
    });
  });
  it('the transliteration itself still names the user', () => {
    expect(parse('send Belkin a message: the call moved').slots.recipient).toEqual({ userId: 2 });
  });
  it('an unknown place after "to"/"in" following a title word stays in the task title', () => {
    expect(brief(parse('create a task book a hotel in Lisbon for tomorrow'))).toEqual({
      intent: 'task.create',
      slots: { title: 'book a hotel in Lisbon', deadline: '2026-12-10' },
    });
    expect(parse('create a task to ship the samples to Oslo').slots.responsible).toBeUndefined();
  });
  it('an unknown name right after the command is still the responsible', () => {
    expect(parse('new task for Dmitri: ship the samples').slots.responsible).toEqual({ unresolved: 'Dmitri' });
  });
});

describe('"task for me: …"', () => {
  it.each([
    ['task for me: renew the domain tomorrow', { title: 'renew the domain', responsible: { self: true }, deadline: '2026-12-10' }],
    ['todo for me: order the printer ink', { title: 'order the printer ink', responsible: { self: true } }],
    ['task for Olivia: check the invoices', { title: 'check the invoices', responsible: { userId: 7 } }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'task.create', slots });
  });
});

describe('articles inside a reference query', () => {
  it.each([
    ['cancel the call with the bank', { query: 'call with the bank' }],
    ['push the review of the contract task to monday', { query: 'review of the contract' }],
  ])('"%s"', (text, ref) => {
    const r = parse(text);
    expect({ ...(r.slots.event as object), ...(r.slots.task as object) }).toEqual(ref);
  });
});

describe('the start of a message text', () => {
  it.each([
    ['shoot Olivia a quick note: lunch at 1?', { recipient: { userId: 7 }, text: 'lunch at 1?' }],
    ['напиши Полине короткое сообщение: буду в пять', { recipient: { userId: 3 }, text: 'буду в пять' }],
    ['отправь Петру срочное сообщение что созвон переносится', { recipient: { userId: 4 }, text: 'созвон переносится' }],
    ['напиши Ангелине сообщение давай встретимся в обед', { recipient: { userId: 5 }, text: 'давай встретимся в обед' }],
    ['напиши Полине давайте начнём без меня', { recipient: { userId: 3 }, text: 'давайте начнём без меня' }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'message.send', slots });
  });
  it('"давай" before the command stays a filler', () => {
    expect(brief(parse('давай напиши Полине что я опоздаю'))).toEqual({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'я опоздаю' } });
  });
});

describe('short forms (grammars/diminutives.yaml)', () => {
  const more: Directory = {
    self: 1,
    timeZone: TZ,
    users: [
      { id: 1, name: 'Тимур', lastName: 'Гаврилов', gender: 'M' },
      { id: 2, name: 'Станислава', lastName: 'Орлова', gender: 'F' },
      { id: 3, name: 'Семён', lastName: 'Зайцев', gender: 'M' },
      { id: 4, name: 'Серафима', lastName: 'Лебедева', gender: 'F' },
      { id: 5, name: 'Ефим', lastName: 'Котов', gender: 'M' },
      { id: 6, name: 'Эльвира', lastName: 'Гусева', gender: 'F' },
      { id: 7, name: 'Богдан', lastName: 'Руденко', gender: 'M' },
      { id: 8, name: 'Таисия', lastName: 'Мельник', gender: 'F' },
      { id: 9, name: 'Милана', lastName: 'Фролова', gender: 'F' },
      { id: 10, name: 'Ростислав', lastName: 'Жуков', gender: 'M' },
    ],
  };
  const recipient = (text: string) => (parser.parse(text, { now: NOW, timeZone: TZ, directory: more }).slots as Slots).recipient;
  it.each([
    ['напиши Стасе что отчёт готов', 2],
    ['напиши сёме что созвон в три', 3],
    ['скинь Симе что я опоздаю', 4],
    ['напиши Фиме что договор подписан', 5],
    ['напиши эле что макет готов', 6],
    ['напиши Тае что встреча в пять', 8],
    ['напиши Миле что всё в силе', 9],
    ['напиши Ростику что жду звонка', 10],
  ])('"%s"', (text, id) => {
    expect(recipient(text)).toEqual({ userId: id });
  });
});

describe('English equivalents of Russian names', () => {
  it('"Peter" is Пётр', () => {
    expect(brief(parse('message Peter: the call is at five'))).toEqual({ intent: 'message.send', slots: { recipient: { userId: 4 }, text: 'the call is at five' } });
  });
  it('"Petter" is not Пётр: an equivalent is matched as spelt, not a letter off', () => {
    expect(parse('text Petter: hi').slots.recipient).not.toEqual({ userId: 4 });
  });
  it('a Latin user of that name wins over the equivalent', () => {
    const withPeter: Directory = { ...dir, users: [...dir.users, { id: 8, name: 'Peter', lastName: 'Hall', gender: 'M' }] };
    expect(parser.parse('message Peter: hi', { now: NOW, timeZone: TZ, directory: withPeter }).slots).toMatchObject({ recipient: { userId: 8 } });
  });
});

describe('a woman\'s surname with ё, said in lower case with е', () => {
  const yo: Directory = {
    self: 1,
    timeZone: TZ,
    users: [
      { id: 1, name: 'Тимур', lastName: 'Гаврилов', gender: 'M' },
      { id: 2, name: 'Анастасия', lastName: 'Журавлёва', gender: 'F' },
      { id: 3, name: 'Ярослава', lastName: 'Королёва', gender: 'F' },
      { id: 4, name: 'Инна', lastName: 'Чернышёва', gender: 'F' },
    ],
  };
  const p = (text: string) => brief(parser.parse(text, { now: NOW, timeZone: TZ, directory: yo }));
  it.each([
    ['поставь задачу журавлевой обзвонить клиентов', { title: 'обзвонить клиентов', responsible: { userId: 2 } }],
    ['поставь задачу славе королевой проверить договор', { title: 'проверить договор', responsible: { userId: 3 } }],
    ['поставь задачу чернышевой сверить акты', { title: 'сверить акты', responsible: { userId: 4 } }],
  ])('"%s"', (text, slots) => {
    expect(p(text)).toEqual({ intent: 'task.create', slots });
  });
  it('in the dative of a message too', () => {
    expect(p('напиши королевой что всё готово')).toEqual({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'всё готово' } });
  });
});

describe('a command under negation drops what is being built', () => {
  it.each([
    ['не надо ничего создавать', 'cancel'],
    ['не нужно ставить задачу', 'cancel'],
    ['задачу не ставь', 'cancel'],
    ['не, встречу не надо', 'reject'],
    ['не надо никому писать', 'cancel'],
    ["don't create the task", 'cancel'],
    ['забудь про эту задачу', 'cancel'],
    ['forget about the meeting', 'cancel'],
    ['never mind the task', 'cancel'],
    ['не отправляй сообщение', 'reject'],
  ])('"%s" is %s', (text, intent) => {
    expect(brief(parse(text))).toEqual({ intent, slots: {} });
  });
  it.each([
    ['поставь задачу не забыть про отчёт', 'task.create'],
    ['не забудь напомнить мне позвонить маме', 'task.create'],
    ['напомни мне не опаздывать завтра', 'task.create'],
    ['напиши Петру что не надо приезжать', 'message.send'],
    ['отмени встречу', 'event.cancel'],
    ['забей в календарь встречу с Петром на завтра', 'event.create'],
  ])('"%s" is still %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});

describe('role words, spoken brand names, fillers before the addressee', () => {
  it('a name after "исполнитель:" is a person in any case, even a word (Орлов) with the capital of a new clause', () => {
    const d: Directory = { self: 1, timeZone: TZ, users: [dir.users[0]!, { id: 9, name: 'Максим', lastName: 'Орлов', gender: 'M' }] };
    expect(brief(parser.parse('задача: обновить прайс; срок: пятница; исполнитель: Орлов', { now: NOW, timeZone: TZ, directory: d }))).toEqual({
      intent: 'task.create',
      slots: { title: 'обновить прайс', responsible: { userId: 9 }, deadline: '2026-12-11' },
    });
  });
  it('"ответственной за" is the role, not the title', () => {
    expect(parse('назначь Полину ответственной за закупку бумаги').slots).toEqual({ title: 'закупку бумаги', responsible: { userId: 3 } });
  });
  it('the skill\'s name in the locative is no title word', () => {
    expect(parse('поставь задачу в битриксе двадцать четыре проверить почту').slots).toEqual({ title: 'проверить почту' });
  });
  it.each([
    ['напиши в битриксе двадцать четыре Полине что я опоздаю'],
    ['напиши давай Полине что я опоздаю'],
    ['напиши быстренько Полине что я опоздаю'],
  ])('"%s" is a message to Полина', (text) => {
    expect(brief(parse(text))).toEqual({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'я опоздаю' } });
  });
});

describe('lead questions and help in other words', () => {
  it.each([
    ['что думаешь про лид ромашка', { query: 'ромашка' }],
    ['как тебе лид 45', { id: 45 }],
    ['чё там по лиду ромашка', { query: 'ромашка' }],
    ['что скажешь по сделке 12', { id: 12, entity: 'deal' }],
  ])('"%s"', (text, lead) => {
    expect(brief(parse(text))).toEqual({ intent: 'lead.score', slots: { lead } });
  });
  it.each(['подскажи что ты можешь', 'с чего начать', 'помоги разобраться', 'что ты за бот', 'what else can you do', 'how do i get started', 'what are your features'])('"%s" is help', (text) => {
    expect(brief(parse(text))).toEqual({ intent: 'help', slots: {} });
  });
  it('"help me" before a command only leads in', () => {
    expect(brief(parse('help me write a message to Olivia'))).toEqual({ intent: 'message.send', slots: { recipient: { userId: 7 } } });
  });
  it.each(['можешь поставить задачу', 'можешь'])('"%s" is no help', (text) => {
    expect(parse(text).intent).not.toBe('help');
  });
});

describe('surnames said in another form', () => {
  const fam: Directory = {
    self: 1,
    timeZone: TZ,
    users: [
      { id: 1, name: 'Тимур', lastName: 'Гаврилов', gender: 'M' },
      { id: 2, name: 'Анна', lastName: 'Зайцева', gender: 'F' },
      { id: 3, name: 'Евгений', lastName: 'Волков', gender: 'M' },
      { id: 4, name: 'Евгения', lastName: 'Волкова', gender: 'F' },
      { id: 5, name: 'Максим', lastName: 'Орлов', gender: 'M' },
    ],
  };
  const p = (text: string) => brief(parser.parse(text, { now: NOW, timeZone: TZ, directory: fam }));
  it('a woman\'s surname in the man\'s form after her first name ("Ане Зайцеву") is her', () => {
    expect(p('поставь задачу ане зайцеву купить воду')).toEqual({ intent: 'task.create', slots: { title: 'купить воду', responsible: { userId: 2 } } });
  });
  it('the first name decides between a couple ("с Евгенией Волковым")', () => {
    expect(p('встреча с евгенией волковым завтра в 10').slots).toMatchObject({ attendees: [{ userId: 4 }] });
  });
  it('alone, the other gender\'s form names nobody in the portal', () => {
    expect(p('напиши орловой что всё готово').slots).toEqual({ recipient: { unresolved: 'Орлова' }, text: 'всё готово' });
  });
  it('a plural shared surname after two first names ("Евгении и Евгению Волковым") is no title word', () => {
    expect(p('поставь задачу евгении и евгению волковым проверить склад')).toEqual({ intent: 'task.create', slots: { title: 'проверить склад', responsible: { userId: 4 } } });
    expect(p('встреча с евгенией и евгением волковыми завтра в 10').slots).toMatchObject({ title: 'встреча', attendees: [{ userId: 4 }, { userId: 3 }] });
  });
});

describe('English replies and deal questions in other words', () => {
  it.each([
    ['nah, wrong person', 'reject'],
    ["I don't need that anymore", 'cancel'],
  ])('"%s" is %s', (text, intent) => {
    expect(brief(parse(text))).toEqual({ intent, slots: {} });
  });
  it('"is deal 12 going anywhere"', () => {
    expect(brief(parse('is deal 12 going anywhere'))).toEqual({ intent: 'lead.score', slots: { lead: { id: 12, entity: 'deal' } } });
  });
});

describe('more ways to address a person', () => {
  it.each([
    ['уведоми Полину что встреча в три', { recipient: { userId: 3 }, text: 'встреча в три' }],
    ['спроси у Петра когда будет отчёт', { recipient: { userId: 4 }, text: 'когда будет отчёт' }],
    ['предупреди Ангелину что я опоздаю', { recipient: { userId: 5 }, text: 'я опоздаю' }],
    ['let Olivia know the client arrived', { recipient: { userId: 7 }, text: 'the client arrived' }],
    ['drop Olivia a line that the invoice is paid', { recipient: { userId: 7 }, text: 'the invoice is paid' }],
    ['ask Olivia if the report is ready', { recipient: { userId: 7 }, text: 'if the report is ready' }],
    ['message the team that we start at ten', { text: 'we start at ten' }],
  ])('"%s" is a message', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'message.send', slots });
  });
  it.each([
    ['get Olivia to check the server tomorrow', { title: 'check the server', responsible: { userId: 7 }, deadline: '2026-12-10' }],
    ['have Olivia call the bank tomorrow', { title: 'call the bank', responsible: { userId: 7 }, deadline: '2026-12-10' }],
    ['i need Olivia to review the slides', { title: 'review the slides', responsible: { userId: 7 } }],
  ])('"%s" is a task for that person', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'task.create', slots });
  });
  it('"поставь задачу уточнить у Петра сроки" keeps him in the title', () => {
    expect(parse('поставь задачу уточнить у Петра сроки').slots).toEqual({ title: 'уточнить у Петра сроки' });
  });
});

describe('initials and surnames nobody in the portal has', () => {
  const d: Directory = {
    self: 1,
    timeZone: TZ,
    users: [
      { id: 1, name: 'Тимур', lastName: 'Гаврилов', gender: 'M' },
      { id: 2, name: 'Олег', secondName: 'Игоревич', lastName: 'Соколов', gender: 'M' },
      { id: 3, name: 'Антонина', secondName: 'Сергеевна', lastName: 'Галкина', gender: 'F' },
    ],
  };
  const p = (text: string) => brief(parser.parse(text, { now: NOW, timeZone: TZ, directory: d }));
  it.each([
    ['поставь задачу соколову о. и. купить воду', 2],
    ['поставь задачу о. соколову купить воду', 2],
    ['поставь задачу Галкиной А.С. проверить счета', 3],
  ])('"%s": the initials are part of the name', (text, id) => {
    expect(p(text).slots).toMatchObject({ responsible: { userId: id } });
    expect((p(text).slots as Slots).title).toMatch(/^(купить воду|проверить счета)$/);
  });
  it('an unknown name with an unknown surname is one stranger ("Васе Пупкину")', () => {
    expect(p('поставь задачу васе пупкину проверить склад')).toEqual({ intent: 'task.create', slots: { title: 'проверить склад', responsible: { unresolved: 'Вася Пупкин' } } });
  });
  it('a known first name with a surname nobody has is a stranger, not the colleague ("Олегу Пупкину")', () => {
    expect(p('напиши олегу пупкину что всё готово')).toEqual({ intent: 'message.send', slots: { recipient: { unresolved: 'Олег Пупкин' }, text: 'всё готово' } });
    expect(p('напиши олегу что всё готово').slots).toEqual({ recipient: { userId: 2 }, text: 'всё готово' });
  });
  it('"задачку на …" with no verb is a task', () => {
    expect(p('задачку на соколова проверить склад')).toEqual({ intent: 'task.create', slots: { title: 'проверить склад', responsible: { userId: 2 } } });
  });
});

describe('Latin names as a Russian recogniser writes them', () => {
  const d: Directory = {
    self: 1,
    timeZone: TZ,
    users: [
      { id: 1, name: 'Тимур', lastName: 'Гаврилов', gender: 'M' },
      { id: 2, name: 'Will', lastName: 'Parker', gender: 'M' },
      { id: 3, name: 'Omar', lastName: 'Haddad', gender: 'M' },
      { id: 4, name: 'Lena', lastName: 'Fischer', gender: 'F' },
      { id: 5, name: 'Hugo', lastName: 'Martin', gender: 'M' },
      { id: 6, name: 'Kevin', lastName: 'Chase', gender: 'M' },
    ],
  };
  const p = (text: string) => brief(parser.parse(text, { now: NOW, timeZone: TZ, directory: d }));
  it.each([
    ['встреча с уиллом паркером завтра в три', { attendees: [{ userId: 2 }] }],
    ['напиши омару что договор готов', { recipient: { userId: 3 } }],
    ['поставь задачу лене фишер проверить склад', { responsible: { userId: 4 } }],
    ['созвон с мартином завтра в 10', { attendees: [{ userId: 5 }] }],
  ])('"%s"', (text, slots) => {
    expect(p(text).slots).toMatchObject(slots);
  });
  it('a guessed spelling that is a Russian word ("час" for Chase) names nobody', () => {
    expect(p('поставь задачу через час проверить почту').slots).toEqual({ title: 'проверить почту', deadline: '2026-12-09T12:00' });
  });
});

describe('unknown English names in lower case (speech)', () => {
  it.each([
    ['new task for kevin: update the website', 'task.create', { title: 'update the website', responsible: { unresolved: 'Kevin' } }],
    ['message priya: the build is green', 'message.send', { recipient: { unresolved: 'Priya' }, text: 'the build is green' }],
    ['task for today: call the bank', 'task.create', { title: 'call the bank', deadline: '2026-12-09' }],
  ])('"%s"', (text, intent, slots) => {
    expect(brief(parse(text))).toEqual({ intent, slots });
  });
});

describe('more dialogue words', () => {
  it.each([
    ['нет, другое', 'reject'],
    ['нет не то время', 'reject'],
    ['не этому', 'reject'],
    ['на этом всё', 'cancel'],
    ['что ты вообще такое', 'help'],
    ['как с тобой общаться', 'help'],
    ['go ahead and send it', 'confirm'],
    ['nope, different person', 'reject'],
    ["that's all, thanks", 'cancel'],
    ['how do you work', 'help'],
  ])('"%s" is %s', (text, intent) => {
    expect(brief(parse(text))).toEqual({ intent, slots: {} });
  });
  it('a correction still carries its slot', () => {
    const r = parser.parse('нет, не Петру, а Полине', { now: NOW, timeZone: TZ, directory: dir, expecting: 'message.send' });
    expect(r).toMatchObject({ intent: 'reject', slots: { recipient: { userId: 3 } } });
  });
});

describe('English notes and meetings without a verb', () => {
  it('"reminder for tomorrow 9am …" is the speaker\'s task', () => {
    expect(brief(parse('reminder for tomorrow 9am standup notes'))).toEqual({
      intent: 'task.create',
      slots: { title: 'standup notes', responsible: { self: true }, deadline: '2026-12-10T09:00' },
    });
  });
  it('"call with X <date>" is an event', () => {
    expect(brief(parse('call with Olivia next monday 10am'))).toEqual({
      intent: 'event.create',
      slots: { title: 'call', start: '2026-12-14T10:00', attendees: [{ userId: 7 }] },
    });
  });
  it('"what do i have tomorrow" asks about the plan', () => {
    expect(brief(parse('what do i have tomorrow'))).toEqual({ intent: 'agenda.query', slots: { from: '2026-12-10', to: '2026-12-10' } });
  });
});

describe('"к" + a name in a task', () => {
  const d: Directory = {
    self: 1,
    timeZone: TZ,
    users: [
      { id: 1, name: 'Тимур', lastName: 'Гаврилов', gender: 'M' },
      { id: 2, name: 'Алина', lastName: 'Зима', gender: 'F' },
      { id: 3, name: 'Максим', lastName: 'Орлов', gender: 'M' },
    ],
  };
  const p = (text: string) => brief(parser.parse(text, { now: NOW, timeZone: TZ, directory: d }));
  it.each([
    ['поставь задачу подготовить отчёт к зиме', 'подготовить отчёт к зиме'],
    ['поставь задачу съездить к орлову за ключами', 'съездить к орлову за ключами'],
    ['поставь задачу съездить к васе за ключами', 'съездить к васе за ключами'],
  ])('"%s" keeps the person in the title', (text, title) => {
    expect(p(text)).toEqual({ intent: 'task.create', slots: { title } });
  });
  it('"напиши зиме …" still reaches Алина Зима', () => {
    expect(p('напиши зиме что отчёт готов').slots).toEqual({ recipient: { userId: 2 }, text: 'отчёт готов' });
  });
});

describe('a marked event title ends where its attendees begin', () => {
  it.each([
    ['schedule a meeting titled budget sync with Olivia on thursday at 2 pm', { title: 'budget sync', start: '2026-12-10T14:00', attendees: [{ userId: 7 }] }],
    ['создай встречу под названием бюджет с Полиной завтра в десять', { title: 'бюджет', start: '2026-12-10T10:00', attendees: [{ userId: 3 }] }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'event.create', slots });
  });
  it('words that are no person stay in it', () => {
    expect(parse('create an event called lunch with the board tomorrow at noon').slots).toMatchObject({ title: 'lunch with the board' });
  });
});

describe('"all day" said apart from its date', () => {
  it.each([
    // (the words no slot took name the event: nlu.md's titles are "the words the user gave")
    ['book an all-day offsite next wednesday', { title: 'offsite', start: '2026-12-16', allDay: true }],
    ['создай на весь день событие конференция в пятницу', { title: 'конференция', start: '2026-12-11', allDay: true }],
    ['create an all day event on friday called offsite', { title: 'offsite', start: '2026-12-11', allDay: true }],
  ])('"%s" is on that date', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'event.create', slots });
  });
});

describe('"тема — …", "topic: …" mark a title', () => {
  it.each([
    ['встреча с Полиной завтра в 12, тема — бюджет', { title: 'бюджет', start: '2026-12-10T12:00', attendees: [{ userId: 3 }] }],
    ['meeting with Olivia tomorrow at 10, topic: budget', { title: 'budget', start: '2026-12-10T10:00', attendees: [{ userId: 7 }] }],
  ])('"%s"', (text, slots) => {
    expect(brief(parse(text))).toEqual({ intent: 'event.create', slots });
  });
  it('"тему" inside a title is no marker', () => {
    expect(parse('поставь задачу обсудить тему бюджета').slots).toEqual({ title: 'обсудить тему бюджета' });
  });
});
