/**
 * Kinds found by blind batch 29 (test/nlu/heldout-blind29-en.jsonl: an event and catering agency
 * in New York with American, Latino, Ukrainian and Russian staff), fixed after it was scored and
 * tested here with sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Chicago';
// Saturday 2027-06-12, 11:00 Chicago.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 12, hour: 11, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Irina', lastName: 'Volkova', gender: 'F' },
    { id: 2, name: 'Grace', lastName: 'Holloway', gender: 'F' },
    { id: 3, name: 'Kwabena', lastName: 'Boateng', gender: 'M' },
    { id: 4, name: 'Maria', lastName: 'Lopez', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('lead-ins as Americans and Spanish speakers open a command', () => {
  it.each([
    ['lemme add a to-do for myself order the linens june fifteenth', 'order the linens'],
    ['alisa please make a task to order the linens', 'order the linens'],
    ['oye remind me to order the linens tomorrow', 'order the linens'],
  ])('"%s"', (text, title) => {
    expect(parse(text)).toMatchObject({ intent: 'task.create', slots: { title } });
  });
});

describe('English dates', () => {
  it('"first thing monday": the morning\'s start, no title word', () => {
    expect(parse('schedule a site visit at the hall first thing monday')).toMatchObject({ slots: { title: 'site visit at the hall', start: '2027-06-14T09:00' } });
  });
  it('"for half hour" (no article) is a length', () => {
    expect(parse('put a call with Grace on the calendar in 30 minutes for half hour').slots).toMatchObject({ start: '2027-06-12T11:30', end: '2027-06-12T12:00' });
  });
  it('"sunday two till four": a spoken range right after a day, with no "from"', () => {
    expect(parse('schedule the menu tasting sunday two till four')).toMatchObject({ slots: { title: 'menu tasting', start: '2027-06-13T14:00', end: '2027-06-13T16:00' } });
  });
  it('guard: a count after a day is no range ("sunday two to four people")', () => {
    expect(parse('book a table sunday two to four people').slots.end).toBeUndefined();
  });
});

describe('kinds of meeting', () => {
  it.each([
    ['move the tasting with Grace to Tuesday at 3', { query: 'tasting', person: { userId: 2 } }],
    ['move the walkthrough from monday to wednesday', { query: 'walkthrough', at: '2027-06-14' }],
    ['cancel the venue viewing', { query: 'venue viewing' }],
  ])('"%s" changes that event', (text, event) => {
    expect(parse(text).slots.event).toEqual(event);
  });
  it('guard: "what does Grace like for lunch" is no agenda question', () => {
    expect(parse('what does Grace like for lunch').intent).not.toBe('agenda.query');
  });
});

describe('names and corrections', () => {
  it('"push the meeting with kwabina an hour later": a name misheard after a meeting\'s "with", before an article', () => {
    expect(parse('push the meeting with kwabina an hour later').slots.event).toEqual({ person: { userId: 3 } });
  });
  it('"no, lead 1043" while a lead\'s score is asked about: the other lead', () => {
    expect(parse('no, lead 1043', 'lead.score')).toEqual(expect.objectContaining({ intent: 'reject', slots: { lead: { id: 1043 } } }));
  });
  it('"remind Grace to send the deposit reminder to the Hills": a command noun far from the verb is the title\'s', () => {
    expect(parse('remind Grace to send the deposit reminder to the Hills').slots.title).toBe('send the deposit reminder to the Hills');
  });
});
