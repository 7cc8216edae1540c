/**
 * Kinds of person miss blind batch 15 showed in English sentences, with sentences and a directory
 * of our own, each failing before its fix.
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
    { id: 2, name: 'Юлия', lastName: 'Юдина', gender: 'F' },
    { id: 3, name: 'Юлия', lastName: 'Жукова', gender: 'F' },
    { id: 4, name: 'Ксения', lastName: 'Яковлева', gender: 'F' },
    { id: 5, name: 'Ксения', lastName: 'Орлова', gender: 'F' },
    { id: 6, name: 'Tom', lastName: 'Hardwick', gender: 'M' },
    { id: 7, name: 'Tom', lastName: 'Bellamy', gender: 'M' },
    { id: 8, name: 'Иван', lastName: 'Юрченко', gender: 'M' },
    { id: 9, name: 'Иван', lastName: 'Петров', gender: 'M' },
    { id: 10, name: 'Polina', lastName: 'Dumas', gender: 'F' },
    { id: 11, name: 'Яна', lastName: 'Ян', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('1. a stranger between a message verb and "a message"', () => {
  it.each([
    ['Send Gregor a message: the invoices are ready for sign-off', 'Gregor', 'the invoices are ready for sign-off'],
    ['shoot Marisol a note that the van is parked outside', 'Marisol', 'the van is parked outside'],
    ['drop Kwame a line: the keys are at reception', 'Kwame', 'the keys are at reception'],
    ['Send Gregor Haines a message: lunch is on me', 'Gregor Haines', 'lunch is on me'],
    ['send dave a message: the invoices are signed', 'Dave', 'the invoices are signed'],
    ['Send Gregor a quick note that the van is parked outside', 'Gregor', 'the van is parked outside'],
  ])('"%s"', (text, name, said) => {
    expect(parse(text)).toMatchObject({ intent: 'message.send', slots: { recipient: { unresolved: name }, text: said } });
  });
  describe('guards', () => {
    it.each([
      ['send the team a message: the build is green'],
      ['send everyone a note: the office is closed friday'],
      ['send them a quick note: the office is closed friday'],
    ])('"%s" names nobody', (text) => {
      expect(parse(text).slots.recipient).toBeUndefined();
    });
    it('"Send a message to Gregor: the invoices are ready" still works', () => {
      expect(parse('Send a message to Gregor: the invoices are ready')).toMatchObject({ intent: 'message.send', slots: { recipient: { unresolved: 'Gregor' }, text: 'the invoices are ready' } });
    });
    it('a department is no person: "Send Marketing a note: the budget is approved"', () => {
      expect(parse('Send Marketing a note: the budget is approved').slots.recipient).toBeUndefined();
    });
    it('a user keeps her place: "shoot Polina a message that the van is here"', () => {
      expect(parse('shoot Polina a message that the van is here')).toMatchObject({ slots: { recipient: { userId: 10 }, text: 'the van is here' } });
    });
  });
});

describe('2. a Latin surname that lost the leading y/i of ю/я', () => {
  it.each([
    ['Create task for Yulia Udina: book the sommelier course, next Fri', 2, 'book the sommelier course'],
    ['create a task for Ivan Urchenko to renew the lease', 8, 'renew the lease'],
    ['Create task for Ksenia Akovleva: order toner', 4, 'order toner'],
    ['create a task for Ivan Urchenco to renew the lease', 8, 'renew the lease'],
  ])('"%s"', (text, id, title) => {
    expect(parse(text)).toMatchObject({ intent: 'task.create', slots: { responsible: { userId: id }, title } });
  });
  describe('guards', () => {
    it('the full spelling still works: "Create task for Yulia Yudina: order toner"', () => {
      expect(parse('Create task for Yulia Yudina: order toner')).toMatchObject({ slots: { responsible: { userId: 2 }, title: 'order toner' } });
    });
    it('the other Юлия by her own surname', () => {
      expect(parse('Create task for Yulia Zhukova: order toner')).toMatchObject({ slots: { responsible: { userId: 3 }, title: 'order toner' } });
    });
    it('a short name keeps its y: "an" and "Ana" are not Яна Ян', () => {
      expect(parse('create a task for Ana to write an invoice').slots.responsible).toEqual({ unresolved: 'Ana' });
    });
    it('a bare given name of two users stays both', () => {
      expect(parse('Create task for Yulia: order toner').slots.responsible).toEqual({ candidates: [2, 3] });
    });
  });
});

describe('3. a correction naming the person again, in full', () => {
  it.each([
    ['wrong Yulia - Yulia Zhukova', 3],
    ['no, not Yulia, Yulia Udina', 2],
    ['wrong Tom — Tom Bellamy', 7],
    ['no, not Tom, Tom Hardwick', 6],
  ])('"%s" while a message is confirmed', (text, id) => {
    expect(parse(text, 'message.send')).toMatchObject({ intent: 'reject', slots: { recipient: { userId: id } } });
  });
  it('while a task is confirmed: "wrong Ivan - Ivan Petrov"', () => {
    expect(parse('wrong Ivan - Ivan Petrov', 'task.create')).toMatchObject({ intent: 'reject', slots: { responsible: { userId: 9 } } });
  });
  describe('guards', () => {
    it('"no, Tom Bellamy" still corrects', () => {
      expect(parse('no, Tom Bellamy', 'message.send')).toMatchObject({ intent: 'reject', slots: { recipient: { userId: 7 } } });
    });
    it('"no, not Tom Hardwick, Polina" is Polina', () => {
      expect(parse('no, not Tom Hardwick, Polina', 'message.send')).toMatchObject({ intent: 'reject', slots: { recipient: { userId: 10 } } });
    });
  });
});

describe('4. a Russian street or place in Latin letters is no person', () => {
  it.each([
    ['Create a task: check the Yandex reviews for Bolshaya Nikitskaya', 'check the Yandex reviews for Bolshaya Nikitskaya'],
    ['create a task to order signage for Malaya Bronnaya', 'order signage for Malaya Bronnaya'],
    ['create a task to book a van for Krasnaya Presnya', 'book a van for Krasnaya Presnya'],
    ['create a task to get quotes for Leninsky Prospekt', 'get quotes for Leninsky Prospekt'],
    ['create a task to find a flat for Tverskaya ulitsa', 'find a flat for Tverskaya ulitsa'],
    ['create a task to check the kiosk for Tsvetnoy Bulvar', 'check the kiosk for Tsvetnoy Bulvar'],
    ['create a task to deliver chairs for Novaya Zarya', 'deliver chairs for Novaya Zarya'],
  ])('"%s"', (text, title) => {
    const s = parse(text).slots;
    expect(s.responsible).toBeUndefined();
    expect(s.title).toBe(title);
  });
  describe('guards', () => {
    it.each([
      ['create a task for Dmitri Volkov to check the boiler', 'Dmitri Volkov'],
      ['create a task for Olga Kovalskaya to check the boiler', 'Olga Kovalskaya'],
      ['create a task for Anastasiya Belaya to check the boiler', 'Anastasiya Belaya'],
      ['create a task for Kovalskaya Olga to check the boiler', 'Kovalskaya Olga'],
      ['create a task for Leontiy Kuznetsov to check the boiler', 'Leontiy Kuznetsov'],
      ['create a task for Delroy Lindo to check the boiler', 'Delroy Lindo'],
    ])('"%s" stays a person', (text, name) => {
      expect(parse(text).slots.responsible).toEqual({ unresolved: name });
    });
    it.each([
      ['schedule a meeting with Omar most mornings next week', 'Omar'],
    ])('"%s" keeps its attendee', (text, name) => {
      expect(parse(text).slots.attendees).toEqual([{ unresolved: name }]);
    });
  });
});
