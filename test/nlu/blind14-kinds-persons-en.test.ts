/**
 * Kinds of person miss blind batch 14 showed in English sentences about Cyrillic users, with
 * sentences and a directory of our own, each failing before its fix.
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
    { id: 2, name: 'Всеволод', lastName: 'Кречет', gender: 'M' },
    { id: 3, name: 'Зульфия', lastName: 'Гиниятуллина', gender: 'F' },
    { id: 4, name: 'Лилиана', lastName: 'Гюго', gender: 'F' },
    { id: 5, name: 'Тимур', lastName: 'Хасанов', gender: 'M' },
    { id: 6, name: 'Ангелина', lastName: 'Ватутина', gender: 'F' },
    { id: 7, name: 'Борис', lastName: 'Щукин', gender: 'M' },
    { id: 8, name: 'Кристина', lastName: 'Рублёва', gender: 'F' },
    { id: 9, name: 'Регина', lastName: 'Хисамутдинова', gender: 'F' },
    { id: 10, name: 'Станислав', lastName: 'Шаккуев', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);
const who = (text: string) => {
  const s = parse(text).slots;
  return s.responsible ?? s.recipient ?? s.person ?? s.attendees;
};

describe('1. a full name with a patronymic in Latin letters', () => {
  it.each([
    ['make a task for Vsevolod Arkadyevich Krechet to renew the parking permits by Friday', 'renew the parking permits'],
    ['create a task for Krechet Vsevolod Arkadievich to order new badges', 'order new badges'],
    ['create a task for Vsevolod Arkadyevich to order new badges', 'order new badges'],
    ['create a task for vsevolod arkadyevich krechet to order new badges', 'order new badges'],
  ])('"%s" → Кречет', (text, title) => {
    expect(parse(text)).toMatchObject({ intent: 'task.create', slots: { responsible: { userId: 2 }, title } });
  });
  it('a woman\'s patronymic: "send a message to Zulfiya Rinatovna Giniyatullina that the lab is ready"', () => {
    expect(parse('send a message to Zulfiya Rinatovna Giniyatullina that the lab is ready')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'the lab is ready' } });
  });
  it('"schedule a call with Timur Ilyich Khasanov on friday at 3pm" → Хасанов', () => {
    expect(parse('schedule a call with Timur Ilyich Khasanov on friday at 3pm').slots.attendees).toEqual([{ userId: 5 }]);
  });
  describe('guards', () => {
    it('a word with a patronymic ending that is no name after the user stays in the title', () => {
      // "Boris" then an ordinary word: nothing is eaten.
      expect(parse('create a task for Boris to check the sandwich order').slots).toMatchObject({ responsible: { userId: 7 }, title: 'check the sandwich order' });
    });
    it('a stranger with a patronymic is not a user', () => {
      expect(who('create a task for Pavel Sergeevich Lomov to check the boiler')).not.toEqual({ userId: 7 });
    });
  });
});

describe('2. a lower-case full name of a Cyrillic user, both parts misheard', () => {
  it.each([
    ['schedule a meeting next tuesday at nine with zulfeya giniyatulina', 'attendees', 3, 'title', 'meeting'],
    ['create a task for angelena vatutena to sort the archive', 'responsible', 6, 'title', 'sort the archive'],
    ['set up a call with regena hisamudinova tomorrow at ten', 'attendees', 9, 'title', 'call'],
    ['send a message to stanislov shakuev that the car is outside', 'recipient', 10, 'text', 'the car is outside'],
    ['tell stanislov shakuev that the car is outside', 'recipient', 10, 'text', 'the car is outside'],
    ['make a task for hisamudinova regena to sort the archive', 'responsible', 9, 'title', 'sort the archive'],
  ])('"%s"', (text, slot, id, other, value) => {
    const s = parse(text).slots;
    expect(slot === 'attendees' ? s.attendees : s[slot]).toEqual(slot === 'attendees' ? [{ userId: id }] : { userId: id });
    expect(s[other]).toBe(value);
  });
  describe('guards', () => {
    it.each([
      ['schedule a meeting with marketing finance tomorrow at ten'],
      ['create a task for the vault review to check the locks'],
      ['schedule a meeting with angela watson tomorrow at ten'],
    ])('"%s" names no user', (text) => {
      const w = who(text) as unknown;
      const ids = (Array.isArray(w) ? w : [w]).filter(Boolean).map((x: { userId?: number }) => x.userId).filter((x) => x !== undefined);
      expect(ids).toEqual([]);
    });
  });
});

describe('3. a full name right after a message verb, before "a message"', () => {
  it('"shoot Liliana Hugo a message that the guests arrive at noon" → Гюго', () => {
    expect(parse('shoot Liliana Hugo a message that the guests arrive at noon')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 4 }, text: 'the guests arrive at noon' } });
  });
  it('"send Liliana Gugo a note that the hall is booked" → Гюго', () => {
    expect(parse('send Liliana Gugo a note that the hall is booked')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 4 }, text: 'the hall is booked' } });
  });
  it('"drop Angelina Vatutin a message saying the keys are at reception"', () => {
    expect(parse('drop Angelina Vatutin a message that the keys are at reception')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 6 } , text: 'the keys are at reception' } });
  });
  describe('guards', () => {
    it('"tell Liliana Monday works" keeps Monday', () => {
      expect(parse('tell Liliana Monday works')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 4 } } });
      expect(String(parse('tell Liliana Monday works').slots.text)).toMatch(/Monday works/);
    });
    it('"message Liliana Thanks for the flowers" keeps Thanks', () => {
      expect(parse('message Liliana Thanks for the flowers')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 4 }, text: 'Thanks for the flowers' } });
    });
    it('with two users of that given name the word is not taken as a surname', () => {
      const two: Directory = { ...dir, users: [...dir.users, { id: 11, name: 'Лилиана', lastName: 'Орлова', gender: 'F' }] };
      expect(parse('shoot Liliana Hugo a message that the guests arrive at noon', undefined, two).slots.text).toMatch(/^Hugo/);
    });
    it('"send Liliana a message that Hugo called" keeps Hugo', () => {
      expect(parse('send Liliana a message that Hugo called')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 4 }, text: 'Hugo called' } });
    });
  });
});
