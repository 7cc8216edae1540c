/**
 * Kinds found by blind batch 25 (test/nlu/heldout-blind25-*.jsonl), fixed in general form and
 * tested here with sentences and a directory of our own; each failed before its fix.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Tuesday 2027-06-08, 10:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 8, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Nora', lastName: 'Quinn', gender: 'F' },
    { id: 2, name: 'Declan', lastName: "O'Neill", gender: 'M' },
    { id: 3, name: 'Luca', lastName: 'Ferri', gender: 'M' },
    { id: 4, name: 'Jewel', lastName: 'Santos', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('"make a task for ciaran to repaint the wall": an Irish given name in lower case is somebody', () => {
    expect(parse('make a task for ciaran to repaint the wall')).toMatchObject({ slots: { title: 'repaint the wall', responsible: { unresolved: 'Ciaran' } } });
  });
  it('"message declan o neill the test is at four": the apostrophe heard as a space', () => {
    expect(parse('message declan o neill the test is at four')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 2 }, text: 'the test is at four' } });
  });
  it('"Create a task called Call Luca about the bikes": a title\'s own "about" does not end it', () => {
    expect(parse('Create a task called Call Luca about the bikes').slots.title).toBe('Call Luca about the bikes');
  });
  it('"add a meeting with luca about the new studio at noon": the kind stays with "about" past its attendee', () => {
    expect(parse('add a meeting with luca about the new studio at noon')).toMatchObject({ slots: { title: 'meeting about the new studio', start: '2027-06-08T12:00', attendees: [{ userId: 3 }] } });
  });
  it('"add a meeting tomorrow at nine no at ten with luca": "no" between two times takes the first back', () => {
    expect(parse('add a meeting tomorrow at nine no at ten with luca').slots.start).toBe('2027-06-09T10:00');
  });
  it('"move the meeting called budget review to thursday at three": the name after "called" is the query', () => {
    expect(parse('move the meeting called budget review to thursday at three')).toMatchObject({ intent: 'event.update', slots: { start: '2027-06-10T15:00', event: { query: 'budget review' } } });
  });
  it('"перенеси встречу под названием обзор бюджета на пятницу"', () => {
    expect(parse('перенеси встречу под названием обзор бюджета на пятницу').slots.event).toEqual({ query: 'обзор бюджета' });
  });
  it('"Schedule a planning session with Jewel next Tue 10-12": session is a kind of meeting', () => {
    expect(parse('Schedule a planning session with Jewel next Tue 10-12').slots.title).toBe('planning session');
  });
  it('"create a task for Jewel: fix the display by wendesday"', () => {
    expect(parse('create a task for Jewel: fix the display by wendesday').slots.deadline).toBe('2027-06-09');
  });
  it.each(['Yes pls', "that's grand thanks yeah"])('"%s" is a yes', (text) => {
    expect(parse(text).intent).toBe('confirm');
  });
});
