import type { Directory, PersonMention } from '../../../src/nlu/types';
import { demoDirectory, finder } from './helpers';

const dir = demoDirectory();

async function slots(text: string, lang: 'ru' | 'en' = 'ru', d: Directory = dir) {
  return (await finder()).find(text, d, lang).map((m) => m.slot);
}
async function one(text: string, lang: 'ru' | 'en' = 'ru', d: Directory = dir): Promise<PersonMention> {
  const ms = (await finder()).find(text, d, lang);
  expect(ms).toHaveLength(1);
  return ms[0]!;
}

describe('grammatical cases', () => {
  it.each([
    ['Отправь сообщение Сергею Иванову', 2],
    ['Поставь задачу на Сергея', 2],
    ['Добавь задачу с ответственным Сергеем Ивановым', 2],
    ['Добавь задачу где ответственный Сергей Иванов', 2],
    ['Напиши Иванову Сергею', 2],
    ['Напиши Ольге', 9],
    ['Напиши Лебедевой', 9],
    ['Напиши Петру', 30],
    ['Напиши Петру Орлову', 30],
  ])('%s → %i', async (text, id) => {
    expect(await slots(text)).toEqual([{ userId: id }]);
  });

  it('finds two people joined by "и", the second keeping the preposition', async () => {
    const ms = (await finder()).find('Создай совещание с Марией Ивановой и Ольгой Лебедевой', dir, 'ru');
    expect(ms.map((m) => m.slot)).toEqual([{ userId: 5 }, { userId: 9 }]);
    expect(ms.map((m) => m.preposition)).toEqual(['с', 'с']);
    expect(ms.map((m) => m.cases)).toEqual([['ablt'], ['ablt']]);
  });

  it('records the preposition through a role word and the case it was read in', async () => {
    const m = await one('Добавь задачу с ответственным Сергеем Ивановым');
    expect(m).toMatchObject({ text: 'Сергеем Ивановым', preposition: 'с', cases: ['ablt'], kind: 'name' });
    const n = await one('Поставь задачу на Сергея Иванова завтра');
    expect(n).toMatchObject({ preposition: 'на', cases: ['accs'] });
    expect('Поставь задачу на Сергея Иванова завтра'.slice(n.index, n.end)).toBe('Сергея Иванова');
  });

  it('reports no preposition when another word stands between', async () => {
    expect((await one('Напиши Сергею')).preposition).toBeUndefined();
    expect((await one('Напиши Сергею')).cases).toEqual(['datv']);
  });
});

describe('look-alikes decided by case', () => {
  it.each([
    ['Поставь задачу на Иванова', 2],
    ['Поставь задачу на Иванову', 5],
    ['Отправь Иванову сообщение', 2],
    ['Напиши Ивановой', 5],
    ['Встреча с Ивановым', 2],
    ['Встреча с Ивановой', 5],
    ['Задача для Ивановой', 5],
    ['Задача для Иванова', 2],
    ['Напиши Евгению, что договор подписан', 22],
    ['Поставь задачу на Евгению', 23],
    ['Поставь задачу на Евгения', 22],
    ['Встреча с Евгенией', 23],
    ['Встреча с Евгением', 22],
  ])('%s → %i', async (text, id) => {
    expect(await slots(text)).toEqual([{ userId: id }]);
  });
});

describe('short forms (diminutives)', () => {
  it.each([
    ['Напиши Насте', { userId: 3 }],
    ['Встреча с Настей Кузнецовой', { userId: 3 }],
    ['Поставь задачу на Настю', { userId: 3 }],
    ['Отправь Жене сообщение', { candidates: [22, 23] }],
    ['Поставь задачу на Женю', { candidates: [22, 23] }],
    ['Созвон с Женей', { candidates: [22, 23] }],
    ['Напиши Кате', { userId: 7 }],
    ['Напиши Диме Попову', { userId: 8 }],
    ['Напиши Лёше', { userId: 12 }],
    ['Напиши Леше', { userId: 12 }],
    ['Напиши Паше Соловьёву', { userId: 14 }],
  ])('%s → %j', async (text, slot) => {
    expect(await slots(text)).toEqual([slot]);
  });

  it('never takes the speaker by name: Саша is Александра, the speaker being Александр', async () => {
    expect(await slots('напиши Саше')).toEqual([{ userId: 24 }]);
    expect(await slots('Поставь задачу на Сашу')).toEqual([{ userId: 24 }]);
  });

  it('a name that fits only the speaker is the speaker', async () => {
    expect(await slots('Напиши Сербулу')).toEqual([{ self: true }]);
    expect(await slots('Поставь задачу на Сербула')).toEqual([{ self: true }]);
    // Dative: only the speaker; the woman Александра would be "Александре".
    expect(await slots('Напиши Александру')).toEqual([{ self: true }]);
    // Accusative after "на": only Александра.
    expect(await slots('Поставь задачу на Александру')).toEqual([{ userId: 24 }]);
  });
});

describe('spelling and speech', () => {
  it.each([
    ['Отправь сообщение Павлу Соловьеву', 14],
    ['Отправь сообщение Павлу Соловьёву', 14],
    ['напиши антону смирнаву привет как дела', 4],
    ['поставь задачу на ольгу лебедеву', 9],
    ['запланируй встречу с иваном сергеевым', 6],
    ['Напиши Лебидевой', 9],
    ['Напиши Виноградаву', 20],
    ['Напиши ВИНОГРАДОВУ', 20],
  ])('%s → %i', async (text, id) => {
    expect(await slots(text)).toEqual([{ userId: id }]);
  });

  it('does not take ordinary words for misheard names', async () => {
    expect(await slots('Поставь задачу козлом отпущения')).toEqual([]);
    expect(await slots('Отправь отчёт клиенту сегодня')).toEqual([]);
  });

  it('does not stretch short names: Вася is not Ваня', async () => {
    const d: Directory = { self: 1, users: [{ id: 1, name: 'Пётр', lastName: 'Орлов', gender: 'M' }, { id: 2, name: 'Иван', lastName: 'Зуев', gender: 'M' }] };
    expect(await slots('Напиши Ване', 'ru', d)).toEqual([{ userId: 2 }]);
    expect(await slots('Напиши Васе', 'ru', d)).toEqual([{ unresolved: 'Вася' }]);
  });
});

describe('names heard as their near-homophones', () => {
  const d: Directory = {
    self: 1,
    users: [
      { id: 1, name: 'Пётр', lastName: 'Орлов', gender: 'M' },
      { id: 2, name: 'Матвей', lastName: 'Зуев', gender: 'M' },
      { id: 3, name: 'Гульнур', lastName: 'Сабирзянова', gender: 'F' },
      { id: 5, name: 'Алсу', lastName: 'Галлиулина', gender: 'F' },
      { id: 4, name: 'Иван', lastName: 'Зуев', gender: 'M' },
    ],
  };
  // A recogniser writes a voiced consonant as its voiceless pair, an unstressed о as а and a double
  // letter once: such a form is the user's even when the dictionary knows it as another name.
  it.each([
    ['напиши матфею что я задержусь', 2],
    ['напиши гульнур сабирзяновой привет', 3],
    ['напиши гульнур сабирзянавой привет', 3],
    ['поставь задачу на сабирзянаву', 3],
    ['напиши алсу галиулиной привет документы готовы', 5],
    ['напиши алсу галиулинай привет', 5],
  ])('%s → %i', async (text, id) => {
    expect(await slots(text, 'ru', d)).toEqual([{ userId: id }]);
  });

  it('still keeps names that differ by more than sound: Вася is not Ваня, Лина is not Лена', async () => {
    const e: Directory = { self: 1, users: [{ id: 1, name: 'Пётр', lastName: 'Орлов', gender: 'M' }, { id: 2, name: 'Елена', lastName: 'Зуева', gender: 'F' }, { id: 3, name: 'Иван', lastName: 'Сидоров', gender: 'M' }] };
    expect(await slots('Напиши Лине', 'ru', e)).toEqual([{ unresolved: 'Лина' }]);
    expect(await slots('Напиши Васе', 'ru', e)).toEqual([{ unresolved: 'Вася' }]);
  });

  it('does not hear a first letter as its pair: Дима is not Тима', async () => {
    const e: Directory = { self: 1, users: [{ id: 1, name: 'Пётр', lastName: 'Орлов', gender: 'M' }, { id: 2, name: 'Тимофей', lastName: 'Зуев', gender: 'M' }] };
    expect(await slots('встреча с Тимой', 'ru', e)).toEqual([{ userId: 2 }]);
    expect(await slots('встреча с Димой', 'ru', e)).toEqual([{ unresolved: 'Дима' }]);
  });
});

describe('pronouns', () => {
  it.each(['Создай задачу на меня', 'создай мне задачу', 'Поставь себе задачу', 'Создай задачу на себя'])('%s → self', async (text) => {
    const m = await one(text);
    expect(m).toMatchObject({ slot: { self: true }, kind: 'pronoun' });
  });

  it('returns мне inside a message text too, with its preposition', async () => {
    const ms = (await finder()).find('Отправь Иванову сообщение с текстом зайди ко мне после обеда', dir, 'ru');
    expect(ms.map((m) => [m.slot, m.preposition])).toEqual([
      [{ userId: 2 }, undefined],
      [{ self: true }, 'ко'],
    ]);
  });

  it('English me/myself', async () => {
    expect(await slots('Create a task for me', 'en')).toEqual([{ self: true }]);
    expect(await slots('Remind myself to call', 'en')).toEqual([{ self: true }]);
  });
});

describe('names nobody has', () => {
  it.each([
    ['Напиши Григорию, что я перезвоню позже', 'Григорий'],
    ['Поставь задачу на Бориса', 'Борис'],
    ['напиши григорию', 'Григорий'],
    ['Напиши Петровой', 'Петрова'],
    ['Напиши Григорию Петрову', 'Григорий Петров'],
    ['Поставь задачу на Ахмедзянова', 'Ахмедзянов'],
  ])('%s → %s', async (text, name) => {
    const m = await one(text);
    expect(m).toMatchObject({ slot: { unresolved: name }, kind: 'unknown' });
  });

  it.each([
    'Поставь задачу позвонить клиенту',
    'привет',
    'Добавь в календарь событие и назови его командировка в Казань',
    'Покажи скоринг лида Ромашка',
    'Какая погода будет завтра в Москве?',
    'Создай событие «Выставка Иннопром» завтра',
    'создай мне задачу изучить Google Ассистент',
    'Поставь задачу на Маркетинг',
    'Напомни 8 марта поздравить коллег',
    'Встреча 9 мая',
  ])('no unknown person in "%s"', async (text) => {
    const ms = (await finder()).find(text, dir, 'ru').filter((m) => m.kind !== 'pronoun');
    expect(ms).toEqual([]);
  });
});

describe('names no dictionary knows', () => {
  it.each([
    ['Передай Жмышенко, что счёт оплачен', 28],
    ['Поставь задачу на Карину Жмышенко', 28],
    ['Запланируй встречу с Тимуром', 29],
    ['Напиши Ахмедову', 29],
    ['Напиши John', 26],
  ])('%s → %i', async (text, id) => {
    expect(await slots(text)).toEqual([{ userId: id }]);
  });

  it('an indeclinable form reports no case', async () => {
    expect((await one('Передай Жмышенко привет')).cases).toEqual([]);
  });

  it.each([
    ['Send a message to John', 26],
    ['Message Emily Clark now', 27],
    ['message emily clark now', 27],
    ['Create a task for John Smith', 26],
    ['Check the invoices for Smith', 26],
    ['Send Emily a message', 27],
  ])('English: %s → %i', async (text, id) => {
    expect(await slots(text, 'en')).toEqual([{ userId: id }]);
  });

  it('English lists keep the preposition', async () => {
    const ms = (await finder()).find('Schedule an event with Emily and John', dir, 'en');
    expect(ms.map((m) => [m.slot, m.preposition, m.cases])).toEqual([
      [{ userId: 27 }, 'with', []],
      [{ userId: 26 }, 'with', []],
    ]);
  });
});

describe('resolve()', () => {
  it.each([
    ['Насте', 'ru', { userId: 3 }],
    ['Жене', 'ru', { candidates: [22, 23] }],
    ['на Сергея', 'ru', { userId: 2 }],
    ['Иванову', 'ru', { userId: 2 }],
    ['мне', 'ru', { self: true }],
    ['Григорию', 'ru', { unresolved: 'Григорий' }],
    ['Bob', 'en', { unresolved: 'Bob' }],
    ['bob', 'en', { unresolved: 'Bob' }],
    ['Emily', 'en', { userId: 27 }],
    ['me', 'en', { self: true }],
    ['Всеволоду', 'ru', { unresolved: 'Всеволод' }],
  ])('%s (%s) → %j', async (phrase, lang, slot) => {
    expect((await finder()).resolve(phrase, dir, lang as 'ru' | 'en')).toEqual(slot);
  });

  it.each([['завтра', 'ru'], ['привет', 'ru'], ['', 'ru'], ['tomorrow', 'en'], ['🙂', 'ru']])('%s is no name', async (phrase, lang) => {
    expect((await finder()).resolve(phrase, dir, lang as 'ru' | 'en')).toBeNull();
  });

  it('lets the caller prefer a case', async () => {
    const f = await finder();
    expect(f.resolve('Евгению', dir, 'ru')).toEqual({ userId: 22 });
    expect(f.resolve('Евгению', dir, 'ru', 'accs')).toEqual({ userId: 23 });
  });
});

describe('directories', () => {
  it('indexes each directory object on its own (held-out portals)', async () => {
    const f = await finder();
    const a: Directory = { self: 1, users: [{ id: 1, name: 'Олег', lastName: 'Кравец', gender: 'M' }, { id: 7, name: 'Анна', lastName: 'Белова', gender: 'F' }] };
    const b: Directory = { self: 1, users: [{ id: 1, name: 'Олег', lastName: 'Кравец', gender: 'M' }, { id: 9, name: 'Анна', lastName: 'Зорина', gender: 'F' }] };
    expect(f.find('Напиши Ане', a, 'ru').map((m) => m.slot)).toEqual([{ userId: 7 }]);
    expect(f.find('Напиши Ане', b, 'ru').map((m) => m.slot)).toEqual([{ userId: 9 }]);
    expect(f.find('Напиши Ане', a, 'ru').map((m) => m.slot)).toEqual([{ userId: 7 }]);
  });

  it('re-indexes a directory whose users array was replaced', async () => {
    const f = await finder();
    const d: Directory = { self: 1, users: [{ id: 1, name: 'Олег', lastName: 'Кравец', gender: 'M' }] };
    expect(f.find('Напиши Вере', d, 'ru').map((m) => m.slot)).toEqual([{ unresolved: 'Вера' }]);
    d.users = [...d.users, { id: 3, name: 'Вера', lastName: 'Лунина', gender: 'F' }];
    expect(f.find('Напиши Вере', d, 'ru').map((m) => m.slot)).toEqual([{ userId: 3 }]);
  });

  it('skips inactive users and works out a missing gender', async () => {
    const f = await finder();
    const d: Directory = {
      self: 1,
      users: [
        { id: 1, name: 'Олег', lastName: 'Кравец' },
        { id: 2, name: 'Ирина', lastName: 'Соболева' },
        { id: 3, name: 'Роман', lastName: 'Соболев' },
        { id: 4, name: 'Ирина', lastName: 'Старая', active: false },
      ],
    };
    expect(f.find('Поставь задачу на Соболеву', d, 'ru').map((m) => m.slot)).toEqual([{ userId: 2 }]);
    expect(f.find('Напиши Соболеву', d, 'ru').map((m) => m.slot)).toEqual([{ userId: 3 }]);
    expect(f.find('Напиши Ирине', d, 'ru').map((m) => m.slot)).toEqual([{ userId: 2 }]);
  });

  it('rejects a directory without users with a clear error', async () => {
    const f = await finder();
    expect(() => f.find('Напиши Ане', {} as Directory, 'ru')).toThrow(/users array/);
  });
});

describe('junk', () => {
  it('survives emoji, mixed scripts, control characters and 100 KB of text', async () => {
    const f = await finder();
    expect(f.find('🙂🙂 напиши 🙂 Сергею 🚀', dir, 'ru').map((m) => m.slot)).toEqual([{ userId: 2 }]);
    expect(f.find('\u0000\u0007 Ѣ ẞ 𝔘𝔫𝔦 ¯\\_(ツ)_/¯ Иvanову', dir, 'ru')).toBeInstanceOf(Array);
    const big = 'бла-бла Сергею привет, как дела? '.repeat(4000);
    const ms = f.find(big, dir, 'ru');
    expect(ms.length).toBeGreaterThan(1000);
    expect(f.find(undefined as unknown as string, dir, 'ru')).toEqual([]);
  });

  it('reads Latin look-alike letters inside a Cyrillic word', async () => {
    // "Сергею" typed with a Latin "С" and "е".
    expect(await slots('Напиши Cepгею')).toEqual([{ userId: 2 }]);
  });
});
