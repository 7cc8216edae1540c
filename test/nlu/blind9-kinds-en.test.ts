/**
 * Kinds of English miss blind batch 9 showed (docs/nlu-heldout.md), with sentences and a directory
 * of our own, each failing before its fix.
 */
import type { Directory, ParseResult } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Denver';
// Wednesday 2026-12-09, 11:40 Denver.
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 9, hour: 11, minute: 40 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Carla', lastName: 'Mendes', gender: 'F' },
    { id: 2, name: 'Ana Maria', lastName: 'Rossi', gender: 'F' },
    { id: 3, name: 'Kenji', lastName: 'Watanabe', gender: 'M' },
    { id: 4, name: 'Olivia', lastName: 'Monday', gender: 'F' },
    { id: 5, name: 'Felipe', lastName: 'Duarte', gender: 'M' },
    { id: 6, name: 'Svetlana', lastName: 'Orlova', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('a kind of meeting taken back for another', () => {
  it.each([
    ['set up a sync no a call with kenji on friday at four', { title: 'call', start: '2026-12-11T16:00', attendees: [{ userId: 3 }] }],
    ['book a call no wait a meeting with felipe tomorrow at 9', { title: 'meeting', start: '2026-12-10T09:00', attendees: [{ userId: 5 }] }],
  ])('"%s"', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'event.create' });
    expect(parse(text).slots).toEqual(slots);
  });
  it('a repeated kind is no repair', () => {
    expect(parse('schedule a meeting no meeting tomorrow').slots.title).toBe('meeting no meeting');
  });
});

describe('a hyphened length before the kind', () => {
  it.each([
    ['book a 45-minute sync with Felipe Duarte on Friday at 10:15', { title: 'sync', start: '2026-12-11T10:15', end: '2026-12-11T11:00', attendees: [{ userId: 5 }] }],
    ['schedule a 90-min meeting at 2pm tomorrow', { title: 'meeting', start: '2026-12-10T14:00', end: '2026-12-10T15:30' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('with no time it adds nothing', () => {
    expect(parse('schedule a 30-minute call with kenji').slots).toEqual({ title: 'call', attendees: [{ userId: 3 }] });
  });
});

describe('a day of the month as an ordinal', () => {
  it.each([
    ['put an event in my calendar for the eighteenth from two to four', { start: '2026-12-18T14:00', end: '2026-12-18T16:00' }],
    ['schedule a meeting the 21st at 10am', { title: 'meeting', start: '2026-12-21T10:00' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it.each([
    ['no, the 18th at 4pm', { start: '2026-12-18T16:00' }],
    ['no the fifteenth at noon', { start: '2026-12-15T12:00' }],
  ])('correction "%s"', (text, slots) => {
    expect(parse(text, 'event.create')).toMatchObject({ intent: 'reject', slots });
  });
  it('"the 3rd quarter report" stays a title', () => {
    expect(parse('add a task fix the 3rd quarter report').slots).toEqual({ title: 'fix the 3rd quarter report' });
  });
});

describe('a past-tense slip of the message verb', () => {
  it('"sent a message to …" is a message', () => {
    expect(parse('sent a message to svetlana orlova that the invoice is paid')).toMatchObject({
      intent: 'message.send',
      slots: { recipient: { userId: 6 }, text: 'the invoice is paid' },
    });
  });
});

describe('agenda questions', () => {
  it('a surname that is a weekday said as the date names nobody', () => {
    expect(parse('what calls do i have until monday').slots).toEqual({ kind: 'events', from: '2026-12-09', to: '2026-12-14' });
  });
  it('the user with that surname is still named in full', () => {
    expect(parse('what does olivia monday have until monday').slots).toMatchObject({ person: { userId: 4 } });
  });
  it.each(["which of Ana Maria's tasks are overdue", "show ana maria's tasks"])('a compound given name with its possessive: "%s"', (text) => {
    expect(parse(text).slots).toMatchObject({ kind: 'tasks', person: { userId: 2 } });
  });
});

describe('a misheard lower-case name after a kind of meeting and "with"', () => {
  it('in a change', () => {
    expect(parse('push my call with kenjo to thursday at three')).toMatchObject({
      intent: 'event.update',
      slots: { event: { person: { userId: 3 } }, start: '2026-12-10T15:00' },
    });
  });
  it('a word that is no name stays in the kind', () => {
    expect(parse('move my meeting with marketing to friday').slots.event).toEqual({ query: 'meeting with marketing' });
  });
});
