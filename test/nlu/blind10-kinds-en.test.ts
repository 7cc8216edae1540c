/**
 * Kinds of English miss blind batch 10 showed (docs/nlu-heldout.md), with sentences and a directory
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
    { id: 2, name: 'Hope', lastName: 'Lindqvist', gender: 'F' },
    { id: 3, name: 'Tariq', lastName: 'Osei', gender: 'M' },
    { id: 4, name: 'Katharine', lastName: 'Szymanski', gender: 'F' },
    { id: 5, name: 'Joel', lastName: 'Ferreira', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('a quoted title given to a person with "assign … to"', () => {
  it.each([
    ['assign "Renew the parking permits" to Lindqvist by Thursday', { title: 'Renew the parking permits', responsible: { userId: 2 }, deadline: '2026-12-10' }],
    ['assign "Order new chairs" to tariq', { title: 'Order new chairs', responsible: { userId: 3 } }],
  ])('"%s" is a new task', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'task.create', slots });
  });
});

describe('a command begun and taken back for another', () => {
  it.each([
    ['book a sorry remind me to water the plants at five', { title: 'water the plants', responsible: { self: true }, deadline: '2026-12-09T17:00' }],
    ['schedule a meeting no wait remind me to renew the lease tomorrow', { title: 'renew the lease', responsible: { self: true }, deadline: '2026-12-10' }],
  ])('"%s" is the reminder', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'task.create', slots });
  });
  it('a kind of meeting taken back stays a meeting', () => {
    expect(parse('set up a sync no a call with tariq on friday at four')).toMatchObject({
      intent: 'event.create',
      slots: { title: 'call', start: '2026-12-11T16:00', attendees: [{ userId: 3 }] },
    });
  });
});

describe('a misspelt command verb and noun together', () => {
  it.each([
    ['Craete a tsak for Joel to archive the old invoices by Monday', { title: 'archive the old invoices', responsible: { userId: 5 }, deadline: '2026-12-14' }],
    ['creat a taks to book the venue', { title: 'book the venue' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'task.create', slots });
  });
});

describe('a quoted title that holds "about" stays whole', () => {
  it.each([
    ['Create a task titled "Visit Tariq about the Leeds invoice" for Hope Lindqvist', { title: 'Visit Tariq about the Leeds invoice', responsible: { userId: 2 } }],
    ['add a task called "Ask the bank about fees"', { title: 'Ask the bank about fees' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text)).toMatchObject({ intent: 'task.create', slots });
  });
});

describe('a recipient misheard in lower case after "a message to"', () => {
  it.each([
    ['send a message to katharin szymansky can you take the call at noon', 4, 'can you take the call at noon'],
    ['send a message to ferriera can you move the van', 5, 'can you move the van'],
  ])('"%s"', (text, userId, message) => {
    expect(parse(text)).toMatchObject({ intent: 'message.send', slots: { recipient: { userId }, text: message } });
  });
  it('"a message to the team" names nobody', () => {
    expect(parse('send a message to the team that the van is here').slots.recipient).toBeUndefined();
  });
});

describe('a common-word given name as the subject of a plan question', () => {
  it('"what meetings does hope have tomorrow"', () => {
    expect(parse('what meetings does hope have tomorrow')).toMatchObject({ intent: 'agenda.query', slots: { kind: 'events', person: { userId: 2 } } });
  });
});

describe('"better …" as a correction', () => {
  it.each([
    ['better give it to Tariq', { responsible: { userId: 3 } }],
    ['better Joel', { responsible: { userId: 5 } }],
  ])('"%s"', (text, slots) => {
    expect(parse(text, 'task.create')).toMatchObject({ intent: 'reject', slots });
  });
});
