/**
 * Kinds of person miss blind batch 16 showed, with sentences and a directory of our own, each
 * failing before its fix: a spoken list of surnames with no "и" between them, folk short forms
 * in -ха/-ян/-ас, and names spelt far from how they sound (Siobhan said "shivon").
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Wednesday 2026-12-09, 10:00 Moscow.
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 9, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Олег', lastName: 'Смолин', gender: 'M' },
    { id: 2, name: 'Пётр', lastName: 'Ковалёв', gender: 'M' },
    { id: 3, name: 'Денис', lastName: 'Журавлёв', gender: 'M' },
    { id: 4, name: 'Аяс', lastName: 'Монгуш', gender: 'M' },
    { id: 5, name: 'Тарас', lastName: 'Шевчук', gender: 'M' },
    { id: 6, name: 'Остап', lastName: 'Лобода', gender: 'M' },
    { id: 7, name: 'Полина', lastName: 'Сафонова-Ерёменко', gender: 'F' },
    { id: 8, name: 'Тимофей', lastName: 'Гусев', gender: 'M' },
    { id: 9, name: 'Артём', lastName: 'Королёв', gender: 'M' },
    { id: 10, name: 'Siobhan', lastName: 'Kelly', gender: 'F' },
    { id: 11, name: 'Алексей', lastName: 'Рыбин', gender: 'M' },
    { id: 12, name: 'Наталья', lastName: 'Зуева', gender: 'F' },
    { id: 13, name: 'Анатолий', lastName: 'Носов', gender: 'M' },
    { id: 14, name: 'Niamh', lastName: 'Doyle', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);
const ids = (text: string) => ((parse(text).slots.attendees ?? []) as { userId?: number }[]).map((a) => a.userId);

describe('1. surnames listed with no "и" between them keep the preposition', () => {
  it.each([
    ['назначь совещание по уборочной с королёвым журавлёвым и монгушем в пятницу', [9, 3, 4]],
    ['созвон с шевчуком журавлевым завтра в 10', [5, 3]],
    ['встреча с монгушем ковалевым и лободой в пятницу', [4, 2, 6]],
    ['назначь планёрку с журавлевым ковалевым монгушем завтра', [3, 2, 4]],
  ])('"%s"', (text, want) => {
    expect(ids(text)).toEqual(want);
  });
  describe('guards', () => {
    it('one person said with first name and surname stays one', () => {
      expect(ids('назначь встречу с тарасом шевчуком завтра')).toEqual([5]);
      expect(ids('назначь встречу с Шевчуком Тарасом завтра')).toEqual([5]);
    });
    it('the capitalised list still works', () => {
      expect(ids('назначь совещание с Ковалёвым Журавлёвым и Монгушем завтра')).toEqual([2, 3, 4]);
    });
    it('a word after a name in another case is no person: "встреча с шевчуком по уборочной"', () => {
      expect(parse('назначь встречу с шевчуком по уборочной завтра')).toMatchObject({ slots: { title: 'встреча по уборочной', attendees: [{ userId: 5 }] } });
    });
  });
});

describe('2. a man\'s surname in -а declines (Лобода → Лободу)', () => {
  it('"пригласи шевчука и лободу на планёрку в пятницу"', () => {
    expect(ids('пригласи шевчука и лободу на планёрку в пятницу')).toEqual([5, 6]);
  });
});

describe('3. a hyphenated surname said as two words after the given name', () => {
  it.each([
    ['задача на полину сафонову еременко подписать доверенность', 'подписать доверенность'],
    ['поставь задачу полине сафоновой еременко подписать доверенность', 'подписать доверенность'],
  ])('"%s"', (text, title) => {
    expect(parse(text)).toMatchObject({ intent: 'task.create', slots: { responsible: { userId: 7 }, title } });
  });
});

describe('4. folk short forms in -ха/-ян said in the dative', () => {
  it.each([
    ['поставь задачу тимохе перегнать сеялку', 8],
    ['поставь задачу алёхе перегнать сеялку', 11],
    ['поставь задачу натахе проверить склад', 12],
    ['поставь задачу толяну перегнать сеялку', 13],
  ])('"%s"', (text, id) => {
    expect(parse(text)).toMatchObject({ intent: 'task.create', slots: { responsible: { userId: id } } });
  });
  it('guard: a stranger\'s short form stays unresolved', () => {
    expect(parse('поставь задачу серёге перегнать сеялку').slots.responsible).toEqual({ unresolved: 'Серега' });
  });
});

describe('5. English: a name said as it sounds, after tell/message', () => {
  it.each([
    ['message shivon kelly the ground power keeps tripping', 10, 'the ground power keeps tripping'],
    ['tell shivon kelly the ground power keeps tripping', 10, 'the ground power keeps tripping'],
    ['tell neeve doyle the hangar door is stuck', 14, 'the hangar door is stuck'],
    ['tell artem korolev his badge is at the security desk', 9, 'his badge is at the security desk'],
  ])('"%s"', (text, id, said) => {
    expect(parse(text)).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: id }, text: said } });
  });
  describe('guards', () => {
    it('the name as spelt still works', () => {
      expect(parse('message siobhan kelly the ground power keeps tripping')).toMatchObject({ slots: { recipient: { userId: 10 } } });
    });
    it('alone, the sound-spelling may be a stranger\'s own name: "send a message to shivon the slides are ready"', () => {
      expect(parse('send a message to shivon the slides are ready').slots.recipient).toEqual({ unresolved: 'Shivon' });
    });
    it('another name is not her: "message sharon the van is here"', () => {
      expect(parse('message Sharon: the van is here').slots.recipient).toEqual({ unresolved: 'Sharon' });
    });
  });
});
