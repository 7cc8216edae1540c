/**
 * A portal of names the finder was not tuned on (the held-out evaluation uses such a directory):
 * Ukrainian, Tatar, Korean, Spanish names, shared surnames of a man and a woman, short forms.
 */
import type { Directory } from '../../../src/nlu/types';
import { finder } from './helpers';

const dir: Directory = {
  self: 1,
  users: [
    { id: 1, name: 'Олег', lastName: 'Кравец', gender: 'M' },
    { id: 2, name: 'Фёдор', lastName: 'Шевчук', gender: 'M' },
    { id: 3, name: 'Зульфия', lastName: 'Хабибуллина', gender: 'F' },
    { id: 4, name: 'Оксана', lastName: 'Ткаченко', gender: 'F' },
    { id: 5, name: 'Георгий', lastName: 'Данилов', gender: 'M' },
    { id: 6, name: 'Тимофей', lastName: 'Ли', gender: 'M' },
    { id: 7, name: 'Maria', lastName: 'Garcia', gender: 'F' },
    { id: 8, name: 'Ксения', lastName: 'Шевчук', gender: 'F' },
    { id: 9, name: 'Анна', lastName: 'Белова', gender: 'F' },
    { id: 10, name: 'Лев', lastName: 'Гусев', gender: 'M' },
    { id: 11, name: 'Марат', lastName: 'Галиев', gender: 'M' },
    { id: 12, name: 'Наталья', lastName: 'Королёва', gender: 'F' },
    { id: 13, name: 'Дарья', lastName: 'Ким', gender: 'F' },
    { id: 14, name: 'Илья', lastName: 'Смирнов', gender: 'M' },
    { id: 15, name: 'Никита', lastName: 'Белов', gender: 'M' },
    { id: 16, name: 'Алексей', lastName: 'Петров-Водкин', secondName: 'Сергеевич' },
  ],
};

async function slots(text: string, lang: 'ru' | 'en' = 'ru') {
  return (await finder()).find(text, dir, lang).map((m) => m.slot);
}

describe('held-out directory', () => {
  it.each([
    ['Напиши Фёдору, что отчёт готов', { userId: 2 }],
    ['напиши федору что отчет готов', { userId: 2 }],
    ['Поставь задачу на Зульфию', { userId: 3 }],
    ['Отправь сообщение Хабибуллиной', { userId: 3 }],
    ['Создай встречу с Оксаной Ткаченко завтра', { userId: 4 }],
    ['Передай Ткаченко привет', { userId: 4 }],
    ['Напиши Гоше привет', { userId: 5 }],
    ['Встреча с Жорой Даниловым', { userId: 5 }],
    ['Поставь задачу на Тимофея Ли', { userId: 6 }],
    ['Напиши Ли', { userId: 6 }],
    ['Поставь задачу на Шевчук', { userId: 8 }],
    ['Напиши Шевчуку', { userId: 2 }],
    ['Встреча с Шевчуком', { userId: 2 }],
    // Ксюша is Ксения's short form; Оксана's only now and then (diminutives.yaml, rare), so with a
    // Ксения in the portal it is hers (two independent held-out writers took it so).
    ['Запланируй встречу с Ксюшей', { userId: 8 }],
    ['Напиши Даше Ким', { userId: 13 }],
    ['Встреча с Наташей Королевой', { userId: 12 }],
    ['Напиши Илье', { userId: 14 }],
    ['Напиши Льву Гусеву', { userId: 10 }],
    ['поставь задачу на марата галиева', { userId: 11 }],
    ['Напиши Хабибулиной', { userId: 3 }],
    ['Напиши Никите', { userId: 15 }],
    ['Поставь задачу на Белова', { userId: 15 }],
    ['Поставь задачу на Белову', { userId: 9 }],
    ['Напиши Ане Беловой', { userId: 9 }],
    ['Напиши Алексею Сергеевичу', { userId: 16 }],
    ['Поставь задачу на Петрова-Водкина', { userId: 16 }],
    ['Напиши Олегу', { self: true }],
    ['Отправь Сергею привет', { unresolved: 'Сергей' }],
  ])('%s → %j', async (text, slot) => {
    expect(await slots(text)).toEqual([slot]);
  });

  it.each([
    ['Schedule a meeting with Maria Garcia tomorrow', { userId: 7 }],
    ['Send maria a message', { userId: 7 }],
    ['Create a task for Garcia', { userId: 7 }],
  ])('English: %s → %j', async (text, slot) => {
    expect(await slots(text, 'en')).toEqual([slot]);
  });

  it('does not take the particle "ли" for Тимофей Ли', async () => {
    expect(await slots('не знаешь ли ты когда встреча')).toEqual([]);
  });

  it('finds three attendees in order', async () => {
    const ms = (await finder()).find('Запланируй встречу с Фёдором, Зульфиёй и Ксенией', dir, 'ru');
    expect(ms.map((m) => m.slot)).toEqual([{ userId: 2 }, { userId: 3 }, { userId: 8 }]);
    expect(ms.map((m) => m.preposition)).toEqual(['с', 'с', 'с']);
  });
});

describe('a rare short form yields to a user whose usual short form it is', () => {
  it('"напиши Ксюше" is Оксана when no Ксения is in the portal', async () => {
    const { finder } = await import('./helpers');
    const d = { self: 1, users: [{ id: 1, name: 'Пётр', lastName: 'Орлов', gender: 'M' as const }, { id: 4, name: 'Оксана', lastName: 'Ткаченко', gender: 'F' as const }] };
    expect((await finder()).find('напиши Ксюше', d, 'ru').map((m) => m.slot)).toEqual([{ userId: 4 }]);
  });
});
