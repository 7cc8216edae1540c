/**
 * Kinds of miss blind batch 15 showed in English agenda questions and changes (chat shorthand,
 * questions with no opener, split phrasal verbs, lead-ins before a resumptive verb, weekday
 * possessives, a task named by its number), with sentences and a directory of our own, each
 * failing before its fix, and guards that must not change.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Tuesday 2027-09-07, 15:10 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 7, hour: 15, minute: 10 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Rosa', lastName: 'Lind', gender: 'F' },
    { id: 3, name: 'Hugo', lastName: 'Brandt', gender: 'M' },
    { id: 4, name: 'Greta', lastName: 'Holm', gender: 'F' },
    { id: 5, name: 'Pavel', lastName: 'Orlov', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('chat shorthand lead-ins: "can u", "could u", "pls can u"', () => {
  it.each([
    ['can u move the demo with the lisbon office to next wed at 11', 'event.update', { start: '2027-09-15T11:00', event: { query: 'demo with the lisbon office' } }],
    ['could u cancel the standup tomorrow', 'event.cancel', { event: { at: '2027-09-08', query: 'standup' } }],
    ['pls can u push the sync with Greta to friday', 'event.update', { start: '2027-09-10', event: { person: { userId: 4 }, query: 'sync' } }],
    ['would u add a task for Hugo to renew the lease', 'task.create', { title: 'renew the lease', responsible: { userId: 3 } }],
  ])('"%s"', (text, intent, slots) => {
    expect(parse(text)).toMatchObject({ intent, slots });
    expect(parse(text).slots).toEqual(slots);
  });
  it('"can you move …" is unchanged (guard)', () => {
    expect(parse('can you move the demo with the lisbon office to next wed at 11').slots).toEqual({ start: '2027-09-15T11:00', event: { query: 'demo with the lisbon office' } });
  });
});

describe('agenda questions with no opener', () => {
  it.each([
    ['have i got any late tasks', { overdue: true, kind: 'tasks' }],
    ['have we got anything on friday', { from: '2027-09-10', to: '2027-09-10' }],
    ['calendar this week', { kind: 'events', from: '2027-09-06', to: '2027-09-12' }],
    ['meetings next week?', { kind: 'events', from: '2027-09-13', to: '2027-09-19' }],
    ["Pavel Orlov's tasks due by Thursday?", { kind: 'tasks', person: { userId: 5 }, from: '2027-09-07', to: '2027-09-09' }],
    ["Greta's calls tomorrow", { kind: 'events', person: { userId: 4 }, from: '2027-09-08', to: '2027-09-08' }],
    ['overdue tasks?', { overdue: true, kind: 'tasks' }],
  ])('"%s"', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('agenda.query');
    expect(r.slots).toEqual(slots);
  });
  it.each([
    ['have Greta phone the landlord', 'task.create'],
    ['add to my calendar dinner with Hugo tomorrow at 7', 'event.create'],
    ['tasks: water the plants', 'unknown'],
    ['calls with the supplier about the invoices', 'unknown'],
  ])('"%s" stays %s (guard)', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});

describe('a phrasal move verb split around its object', () => {
  it('"can we bring the meeting with greta holm forward by half an hour" is the unsplit move', () => {
    const split = parse('can we bring the meeting with greta holm forward by half an hour');
    const whole = parse('move the meeting with greta holm forward by half an hour');
    expect(split).toMatchObject({ intent: 'event.update', slots: { event: { person: { userId: 4 } } } });
    expect(split.slots).toEqual(whole.slots);
  });
  it.each([
    ['bring the retro forward to 9', { start: '2027-09-08T09:00', event: { query: 'retro' } }],
    ['pull the sync with Hugo up by 20 minutes', { event: { person: { userId: 3 }, query: 'sync' } }],
  ])('"%s"', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('event.update');
    expect(r.slots).toEqual(slots);
  });
  it.each([
    ['push the call with Hugo back', { event: { person: { userId: 3 }, query: 'call' } }],
    ['move the standup up', { event: { query: 'standup' } }],
  ])('"%s" is unchanged (guard)', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'event.update', slots });
  });
  it('"bring up the meeting with Hugo": the particle before the item is no move (guard)', () => {
    expect(parse('bring up the meeting with Hugo').intent).not.toBe('event.update');
  });
});

describe('lead-ins before a resumptive verb are no query words', () => {
  it.each([
    ['the fire drill task is done you can close it', 'fire drill'],
    ['the inventory task is finished so just close it', 'inventory'],
    ['the fire drill task is done, could you close it', 'fire drill'],
  ])('"%s"', (text, query) => {
    expect(parse(text)).toMatchObject({ intent: 'task.complete', slots: { task: { query } } });
    expect(parse(text).slots).toEqual({ task: { query } });
  });
  it('"the fire drill task is done close it" is unchanged (guard)', () => {
    expect(parse('the fire drill task is done close it').slots).toEqual({ task: { query: 'fire drill' } });
  });
});

describe('a weekday possessive dates the item; a task named by its number', () => {
  it.each([
    ['call off thursdays standup', { event: { at: '2027-09-09', query: 'standup' } }],
    ['cancel mondays sync with Greta', { event: { person: { userId: 4 }, at: '2027-09-13', query: 'sync' } }],
  ])('"%s"', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('event.cancel');
    expect(r.slots).toEqual(slots);
  });
  it.each([
    ["call off thursday's standup", { event: { at: '2027-09-09', query: 'standup' } }],
    ["cancel tomorrow's call", { event: { at: '2027-09-08', query: 'call' } }],
  ])('"%s" is unchanged (guard)', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it.each([
    ['make task 731 due tomorrow at 5pm', { deadline: '2027-09-08T17:00', task: { id: 731 } }],
    ['set task 64 due friday', { deadline: '2027-09-10', task: { id: 64 } }],
  ])('"%s"', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('task.update');
    expect(r.slots).toEqual(slots);
  });
  it.each([
    ['make a task for Hugo due tomorrow', { responsible: { userId: 3 }, deadline: '2027-09-08' }],
    ['create task 731 due tomorrow', { title: '731', deadline: '2027-09-08' }],
  ])('"%s" still creates (guard)', (text, slots) => {
    const r = parse(text);
    expect(r.intent).toBe('task.create');
    expect(r.slots).toEqual(slots);
  });
});
