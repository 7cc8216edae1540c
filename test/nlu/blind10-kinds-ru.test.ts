/**
 * Kinds of Russian miss blind batch 10 showed (docs/nlu-heldout.md), with sentences and a directory
 * of our own, each failing before its fix.
 */
import type { Directory, ParseResult } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Tuesday 2027-03-09, 11:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 9, hour: 11, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Ольга', lastName: 'Шубина', gender: 'F' },
    { id: 2, name: 'Ринат', lastName: 'Валиев', gender: 'M' },
    { id: 3, name: 'Lucy', lastName: 'Young', gender: 'F' },
    { id: 4, name: 'Max', lastName: 'Young', gender: 'M' },
    { id: 5, name: 'Тимофей', lastName: 'Корнеев', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('a real surname a letter off the surname of the user whose given name precedes it is that surname misheard', () => {
  it.each([
    ['поставь задачу ринату валееву проверить отчёт', { title: 'проверить отчёт', responsible: { userId: 2 } }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('"Young" transcribed as a Russian recogniser writes it (Янг)', () => {
  it.each([
    ['поставь задачу максу янгу подготовить слайды', { title: 'подготовить слайды', responsible: { userId: 4 } }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('guards: an ordinary word after a given name stays in the title', () => {
  it.each([
    ['поставь задачу ринату сократить расходы', { title: 'сократить расходы', responsible: { userId: 2 } }],
    ['поставь задачу тимофею коробки собрать', { title: 'коробки собрать', responsible: { userId: 5 } }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('a Latin given name (and surname) after "с"/"для" in a Russian sentence is somebody not in the directory', () => {
  it.each([
    ['назначь встречу с Peter Collins завтра в 15:00', { title: 'встреча', start: '2027-03-10T15:00', attendees: [{ unresolved: 'Peter Collins' }] }],
    ['поставь задачу для Sarah Miller подготовить договор', { title: 'подготовить договор', responsible: { unresolved: 'Sarah Miller' } }],
    // A user in Latin letters is still that user.
    ['назначь созвон с Lucy Young завтра в 15:00', { title: 'созвон', start: '2027-03-10T15:00', attendees: [{ userId: 3 }] }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('a company in Latin letters is no person', () => {
    expect(parse('назначь встречу с Globex Corp завтра в 15:00').slots).toEqual({ title: 'встреча с Globex Corp', start: '2027-03-10T15:00' });
  });
});

describe('a lead named by a full name in the genitive: both words in the nominative', () => {
  it.each([
    ['шансы у лида Стефана Белова', 'Стефан Белов'],
    ['оцени лид Станислава Громова', 'Станислав Громов'],
    ['скоринг лида Павла Орлова', 'Павел Орлов'],
    ['какие шансы у лида Анны Смирновой', 'Анна Смирнова'],
  ])('"%s"', (text, query) => {
    expect(parse(text).slots).toEqual({ lead: { query } });
  });
});
