/**
 * Kinds of person miss a blind batch showed, with sentences and a directory of our own: a portal
 * user stored in Latin letters with one romanisation of a Russian name, said with another
 * (Artyom Korolyov said "artem korolev"), and the rare short forms (Слава for Станислав) of a
 * user whose name is stored in Latin letters.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';
import { russianRomanKey } from '../../src/nlu/persons/directory-index';

const TZ = 'Europe/Moscow';
// Wednesday 2026-12-09, 10:00 Moscow.
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 9, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Олег', lastName: 'Смолин', gender: 'M' },
    { id: 2, name: 'Artyom', lastName: 'Korolyov', gender: 'M' },
    { id: 3, name: 'Yuliya', lastName: 'Shchukina', gender: 'F' },
    { id: 4, name: 'Dmitriy', lastName: 'Khramtsov', gender: 'M' },
    { id: 5, name: 'Ilya', lastName: 'Sergeyev', gender: 'M' },
    { id: 6, name: 'Yana', lastName: 'Belaya', gender: 'F' },
    { id: 7, name: 'Maria', lastName: 'Lopez', gender: 'F' },
    { id: 8, name: 'Alexei', lastName: 'Fyodorov', gender: 'M' },
    { id: 9, name: 'Kirill', lastName: 'Zhukov', gender: 'M' },
    { id: 10, name: 'Lyudmila', lastName: 'Tatarinova', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('1. a Latin-script user reached by another romanisation of the Russian name', () => {
  it.each([
    ['tell artem korolev his badge is at the security desk', 2, 'his badge is at the security desk'],
    ['Tell Artem Korolev his badge is at the security desk', 2, 'his badge is at the security desk'],
    ['message artiom koroliov that the car is ready', 2, 'the car is ready'],
    ['tell yulia schukina the printer is fixed', 3, 'the printer is fixed'],
    ['tell dmitry hramtsov the invoice is paid', 4, 'the invoice is paid'],
    ['message ilia sergeev that lunch is at one', 5, 'lunch is at one'],
    ['tell aleksey fedorov the keys are in the drawer', 8, 'the keys are in the drawer'],
    ['tell kiril zhukov the boxes arrived', 9, 'the boxes arrived'],
    ['tell ludmila tatarinova the room is booked', 10, 'the room is booked'],
  ])('"%s"', (text, id, body) => {
    expect(parse(text)).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: id }, text: body } });
  });
  it('guard: a Cyrillic user said in another romanisation ("schukina" for Щукина) still reaches her', () => {
    const d: Directory = { ...dir, users: [dir.users[0]!, { id: 11, name: 'Юлия', lastName: 'Щукина', gender: 'F' }] };
    expect(parse('tell yulia schukina the printer is fixed', undefined, d).slots).toMatchObject({ recipient: { userId: 11 }, text: 'the printer is fixed' });
  });
  it('a surname alone in another romanisation: "create a task for korolev to renew the pass"', () => {
    expect(parse('create a task for korolev to renew the pass').slots.responsible).toEqual({ userId: 2 });
  });
  describe('guards: distinct names stay distinct, English words stay words', () => {
    it.each([
      ['Tell Ana the printer is fixed', 'Ana'],
      ['Tell Ila the printer is fixed', 'Ila'],
      ['Tell Uliya the printer is fixed', 'Uliya'],
    ])('"%s" is nobody here', (text, name) => {
      expect(parse(text).slots.recipient).toEqual({ unresolved: name });
    });
    it.each([
      ['artyom', 'artem'],
      ['artiom', 'artem'],
      ['artjom', 'artem'],
      ['korolyov', 'korolev'],
      ['korolyev', 'korolev'],
      ['dmitriy', 'dmitry'],
      ['dmitrii', 'dmitri'],
      ['yuliya', 'julia'],
      ['yevgeniy', 'evgeny'],
      ['sergey', 'sergei'],
      ['khramtsov', 'hramtzov'],
      ['shchukin', 'schukin'],
      ['tatyana', 'tatiana'],
      ['mariya', 'maria'],
      ['aleksei', 'alexey'],
      ['kirill', 'kiril'],
    ])('%s and %s are one name', (a, b) => {
      expect(russianRomanKey(a)).toBe(russianRomanKey(b));
    });
    it.each([
      ['yana', 'ana'],
      ['ilya', 'ila'],
      ['maria', 'mario'],
      ['alexei', 'alex'],
      ['yulia', 'ulia'],
      ['sergei', 'serge'],
    ])('%s and %s are two names', (a, b) => {
      expect(russianRomanKey(a)).not.toBe(russianRomanKey(b));
    });
    it('the stored spelling still works', () => {
      expect(parse('tell Artyom Korolyov his badge is ready').slots.recipient).toEqual({ userId: 2 });
      expect(parse('tell yana the printer is fixed').slots.recipient).toEqual({ userId: 6 });
      expect(parse('tell maria the printer is fixed').slots.recipient).toEqual({ userId: 7 });
    });
    it('English words in the text are not users', () => {
      expect(parse('tell kirill the boxes will arrive tomorrow').slots).toMatchObject({ recipient: { userId: 9 } });
      expect(parse('tell kirill the bell rings at nine').slots.text).toBe('the bell rings at nine');
    });
  });
});

const slavas: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Олег', lastName: 'Смолин', gender: 'M' },
    { id: 2, name: 'Вячеслав', lastName: 'Зима', gender: 'M' },
    { id: 3, name: 'Yaroslava', lastName: 'Kim', gender: 'F' },
    { id: 4, name: 'Stanislav', lastName: 'Wojcik', gender: 'M' },
  ],
};

describe('2. a rare short form reaches a Latin-script user only when nobody usually has it', () => {
  it('"Set up a task for Slava - renew the permits" is Вячеслав or Yaroslava, not Stanislav', () => {
    expect(parse('Set up a task for Slava - renew the permits', undefined, slavas).slots.responsible).toEqual({ candidates: [2, 3] });
  });
  it('a Latin Yaroslava alone keeps Слава from a Cyrillic Станислав', () => {
    const d: Directory = { ...slavas, users: [slavas.users[0]!, slavas.users[2]!, { id: 5, name: 'Станислав', lastName: 'Орлов', gender: 'M' }] };
    expect(parse('Set up a task for Slava - renew the permits', undefined, d).slots.responsible).toEqual({ userId: 3 });
  });
  describe('guards', () => {
    it('with no usual Slava here, Slava reaches the Latin Stanislav', () => {
      const d: Directory = { ...slavas, users: [slavas.users[0]!, slavas.users[3]!] };
      expect(parse('Set up a task for Slava - renew the permits', undefined, d).slots.responsible).toEqual({ userId: 4 });
    });
    it('his usual short form (Stas) still reaches him', () => {
      expect(parse('Set up a task for Stas - renew the permits', undefined, slavas).slots.responsible).toEqual({ userId: 4 });
    });
  });
});
