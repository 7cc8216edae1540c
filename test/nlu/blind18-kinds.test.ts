/**
 * Kinds found by blind batch 18 (test/nlu/heldout-blind18-*.jsonl), fixed in general form and
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
    { id: 2, name: 'Артём', lastName: 'Власов', gender: 'M' },
    { id: 3, name: 'Борис', lastName: 'Зальцман', gender: 'M' },
    { id: 4, name: 'Rose', lastName: 'Mayes', gender: 'F' },
    { id: 5, name: 'Тимур', lastName: 'Ахмедов', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('a short form with ё in Latin letters follows the sound ("Tyoma" for Тёма, Артём)', () => {
  it('"message tyoma: the keys are at reception"', () => {
    expect(parse('message tyoma: the keys are at reception')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 2 }, text: 'the keys are at reception' } });
  });
  it('"Tema" (ё as e) still reaches him (guard)', () => {
    expect(parse('message Tema: the keys are at reception').slots.recipient).toEqual({ userId: 2 });
  });
});

describe('a Cyrillic surname heard with the other opening sibilant in Latin ("saltsman" for Зальцман)', () => {
  it('"send a message to saltsman saying the truck is here"', () => {
    expect(parse('send a message to saltsman saying the truck is here')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'the truck is here' } });
  });
  it('"boris saltsman" after his given name', () => {
    expect(parse('send a message to boris saltsman saying the truck is here')).toMatchObject({ slots: { recipient: { userId: 3 }, text: 'the truck is here' } });
  });
});

describe('a short word right after a user\'s given name that sounds like her surname ("rose maze" for Rose Mayes)', () => {
  it('"tell rose maze the rose garden photos are ready"', () => {
    expect(parse('tell rose maze the rose garden photos are ready')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 4 }, text: 'the rose garden photos are ready' } });
  });
  it('"tell rose maps are ready": a word of another sound stays in the text (guard)', () => {
    expect(parse('tell rose maps are ready')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 4 }, text: 'maps are ready' } });
  });
});

describe('"week end" split by the recogniser is the weekend', () => {
  it('"what have i got on this week end"', () => {
    expect(parse('what have i got on this week end')).toMatchObject({ intent: 'agenda.query', slots: { from: '2027-06-12', to: '2027-06-13' } });
  });
});

describe('British "half eleven" as either end of a range', () => {
  it('"book a call with rose on friday from ten till half eleven"', () => {
    expect(parse('book a call with rose on friday from ten till half eleven')).toMatchObject({ intent: 'event.create', slots: { start: '2027-06-11T10:00', end: '2027-06-11T11:30' } });
  });
  it('"…from half nine to eleven"', () => {
    expect(parse('book a call with rose on friday from half nine to eleven')).toMatchObject({ slots: { start: '2027-06-11T09:30', end: '2027-06-11T11:00' } });
  });
});

describe('a deadline moved with no task noun names its task', () => {
  it('"push the deadline for the vendor audit to monday"', () => {
    expect(parse('push the deadline for the vendor audit to monday')).toMatchObject({ intent: 'task.update', slots: { deadline: '2027-06-14', task: { query: 'vendor audit' } } });
  });
  it('"сдвинь дедлайн по аудиту поставщиков на понедельник"', () => {
    expect(parse('сдвинь дедлайн по аудиту поставщиков на понедельник')).toMatchObject({ intent: 'task.update', slots: { deadline: '2027-06-14', task: { query: 'аудиту поставщиков' } } });
  });
  it('"set a deadline for the vendor audit task to monday" keeps working (guard)', () => {
    expect(parse('set the deadline for the vendor audit task to monday')).toMatchObject({ intent: 'task.update', slots: { deadline: '2027-06-14', task: { query: 'vendor audit' } } });
  });
});

describe('a message text that opens with a question\'s modal keeps it', () => {
  it('"send rose a message could you sign the forms"', () => {
    expect(parse('send rose a message could you sign the forms')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 4 }, text: 'could you sign the forms' } });
  });
  it('"could you message rose that the forms are signed": before the verb it is the command\'s (guard)', () => {
    expect(parse('could you message rose that the forms are signed')).toMatchObject({ slots: { text: 'the forms are signed' } });
  });
});

describe('a title in single quotes is a title: no person, no cut', () => {
  it("\"Create event 'Audit – Rose Mayes' on 9 June 14:00-15:00\"", () => {
    const r = parse("Create event 'Audit – Rose Mayes' on 9 June 14:00-15:00");
    expect(r).toMatchObject({ intent: 'event.create', slots: { title: 'Audit – Rose Mayes', start: '2027-06-09T14:00', end: '2027-06-09T15:00' } });
    expect(r.slots.attendees).toBeUndefined();
  });
  it("an apostrophe inside a quoted title stays: \"add a task 'Check Rose's slides' for Nora\"", () => {
    expect(parse("add a task 'Check Rose's slides' by friday")).toMatchObject({ slots: { title: "Check Rose's slides", deadline: '2027-06-11' } });
  });
});

describe('colloquial "чё"/"шо" for "что"', () => {
  it.each(['а чё ты умеешь', 'шо ты вообще можешь'])('"%s" is help', (text) => {
    expect(parse(text).intent).toBe('help');
  });
});
