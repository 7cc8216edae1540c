/**
 * Kinds of miss blind batches 11 and 12 showed (docs/nlu-heldout.md), with sentences and a
 * directory of our own, each failing before its fix.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Thursday 2027-02-04, 10:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 2, day: 4, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Тимур', lastName: 'Газизов', gender: 'M' },
    { id: 2, name: 'Nora', lastName: 'Flint', gender: 'F' },
    { id: 3, name: 'Глеб', lastName: 'Синицын', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('help asked as how to use the assistant or one of its commands', () => {
  it.each([
    'а как здесь создать встречу?',
    'как мне написать сообщение',
    'Как пользоваться этим ботом?',
    'how can I schedule a meeting here?',
    'how do i send a message with this bot',
    'How do I talk to this assistant?',
  ])('"%s" is help', (text) => {
    expect(parse(text).intent).toBe('help');
  });
  it.each(['как поставить задачу Глебу на завтра', 'how do I get to the office', 'как дела', 'how do I send money abroad'])('"%s" is no help (guard)', (text) => {
    expect(parse(text).intent).not.toBe('help');
  });
});

describe('the next person met, after "и" or "и с"', () => {
  it.each([
    ['назначь созвон с глебом и с верой завтра в три', [{ userId: 3 }, { unresolved: 'Вера' }]],
    ['запланируй встречу с вадимом и надеждой завтра в час', [{ unresolved: 'Вадим' }, { unresolved: 'Надежда' }]],
  ])('"%s"', (text, attendees) => {
    expect(parse(text).slots.attendees).toEqual(attendees);
  });
  it('"купи торт с кремом и с розой" meets nobody (guard)', () => {
    expect(parse('купи торт с кремом и с розой').slots.attendees).toBeUndefined();
  });
});

describe('a message whose text follows "saying" is content, blockers and all', () => {
  it('"send Nora a message saying the invoice is in your inbox"', () => {
    expect(parse('send Nora a message saying the invoice is in your inbox')).toMatchObject({
      intent: 'message.send',
      slots: { recipient: { userId: 2 }, text: 'the invoice is in your inbox' },
    });
  });
  it('"check my inbox" stays no command (guard)', () => {
    expect(parse('check my inbox').intent).toBe('unknown');
  });
});

describe('a place in the title of a trip', () => {
  it.each([
    ['cancel the event Sales trip to Lisbon', 'event.cancel', { query: 'Sales trip to Lisbon' }],
    ['cancel my flight from Kazan', 'event.cancel', { query: 'flight from Kazan' }],
    ['отмени командировку в Казань', 'event.cancel', { query: 'командировка в Казань' }],
  ])('"%s"', (text, intent, event) => {
    expect(parse(text)).toMatchObject({ intent, slots: { event } });
  });
  it('"cancel my call to Oleg" keeps the person (guard)', () => {
    expect(parse('cancel my call to Oleg').slots.event).toEqual({ query: 'call', person: { unresolved: 'Oleg' } });
  });
});
