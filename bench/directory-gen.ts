/** Generated portal directories for benchmarks and held-out tests: plausible names, seeded. */
import type { Directory, DirectoryUser } from '../src/nlu/types';
// The project's seeded generator, so every run benchmarks the same directory.
import { seededRng as rng } from '../src/util/prng';

export { rng };

const MALE = ['Алексей', 'Андрей', 'Борис', 'Вадим', 'Виктор', 'Глеб', 'Григорий', 'Денис', 'Егор', 'Илья', 'Кирилл', 'Леонид', 'Максим', 'Никита', 'Олег', 'Роман', 'Руслан', 'Станислав', 'Тимофей', 'Фёдор', 'Юрий', 'Ярослав', 'Марат', 'Ринат', 'Артур'];
const FEMALE = ['Алина', 'Валерия', 'Вера', 'Дарья', 'Диана', 'Ксения', 'Любовь', 'Маргарита', 'Надежда', 'Полина', 'Софья', 'Вероника', 'Зульфия', 'Оксана', 'Галина', 'Лилия', 'Нина', 'Жанна', 'Кристина', 'Алиса'];
const LAST = ['Абрамов', 'Белов', 'Воронин', 'Гусев', 'Давыдов', 'Ершов', 'Жуков', 'Зуев', 'Исаев', 'Калинин', 'Лапин', 'Макаров', 'Назаров', 'Осипов', 'Панов', 'Родионов', 'Сафонов', 'Тарасов', 'Устинов', 'Фомин', 'Харитонов', 'Цветков', 'Чернов', 'Шубин', 'Щукин', 'Юдин', 'Яковлев', 'Гарипов', 'Хабибуллин', 'Мельников'];
const INDECLINABLE = ['Шевчук', 'Ткаченко', 'Ли', 'Цой', 'Бондаренко', 'Гарсия', 'Дюма'];
const EN_FIRST = ['Oliver', 'Sophia', 'Liam', 'Mia', 'Noah', 'Ava', 'Lucas', 'Chloe'];
const EN_LAST = ['Brown', 'Taylor', 'Wilson', 'Evans', 'Walker', 'Wright', 'Green', 'Hall'];


const feminine = (last: string) => (/(ов|ев|ёв|ин|ын)$/.test(last) ? `${last}а` : last);

export function generateDirectory(size: number, seed = 1, base?: Directory): Directory {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const users: DirectoryUser[] = base ? [...base.users] : [];
  let id = users.reduce((m, u) => Math.max(m, u.id), 0) + 1;
  while (users.length < size) {
    const roll = r();
    if (roll < 0.05) users.push({ id: id++, name: pick(EN_FIRST), lastName: pick(EN_LAST) });
    else if (roll < 0.55) users.push({ id: id++, name: pick(MALE), lastName: r() < 0.1 ? pick(INDECLINABLE) : pick(LAST), gender: 'M' });
    else users.push({ id: id++, name: pick(FEMALE), lastName: r() < 0.1 ? pick(INDECLINABLE) : feminine(pick(LAST)), gender: 'F' });
  }
  return { self: base?.self ?? 1, timeZone: base?.timeZone ?? 'Europe/Moscow', users };
}
