/**
 * Kinds found by blind batch 20 (test/nlu/heldout-blind20-*.jsonl), fixed in general form and
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
    { id: 2, name: 'Adrian', lastName: 'Cole', gender: 'M' },
    { id: 3, name: 'Kelly', lastName: 'Rose', gender: 'F' },
    { id: 4, name: 'Алёна', lastName: 'Оганесян', gender: 'F' },
    { id: 5, name: 'Emma', lastName: 'Lloyd-Hughes', gender: 'F' },
    { id: 6, name: 'Денис', lastName: 'Кац', gender: 'M' },
    { id: 7, name: 'Faith', lastName: 'Okoro', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('an English name heard by a Russian recogniser as English says it', () => {
  it('"поставь задачу на эйдриана проверить склад" (a long opening a: Adrian)', () => {
    expect(parse('поставь задачу на эйдриана проверить склад')).toMatchObject({ intent: 'task.create', slots: { title: 'проверить склад', responsible: { userId: 2 } } });
  });
  it('"напиши келли роуз что склад открыт" (a long o before a final e: Rose)', () => {
    expect(parse('напиши келли роуз что склад открыт')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'склад открыт' } });
  });
});

describe('a real given name a letter off the user whose exact surname follows', () => {
  it('"что у алины оганесян на пятницу" (Алина for Алёна, one letter)', () => {
    expect(parse('что у алины оганесян на пятницу')).toMatchObject({ intent: 'agenda.query', slots: { person: { userId: 4 }, from: '2027-06-11' } });
  });
  it('"что у алины на пятницу": without the surname Алина is nobody here (guard)', () => {
    expect(parse('что у алины на пятницу').slots.person).toEqual({ unresolved: 'Алина' });
  });
});

describe('a legal form before a lead\'s name belongs to it', () => {
  it('"покажи скоринг лида ООО Уралснаб"', () => {
    expect(parse('покажи скоринг лида ООО Уралснаб')).toMatchObject({ intent: 'lead.score', slots: { lead: { query: 'ООО Уралснаб' } } });
  });
  it('"шансы сделки с компанией Ромашка": a descriptive word does not (guard)', () => {
    expect(parse('шансы сделки с компанией Ромашка').slots.lead).toEqual({ query: 'Ромашка', entity: 'deal' });
  });
});

describe('a double Latin surname said as two words, the second a letter off', () => {
  it('"send a message to emma lloyd hugues that the van is late"', () => {
    expect(parse('send a message to emma lloyd hugues that the van is late')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 5 }, text: 'the van is late' } });
  });
});

describe('a task\'s title that opens with a change verb stays whole', () => {
  it('"Mark task Move the archive boxes as done"', () => {
    expect(parse('Mark task Move the archive boxes as done')).toMatchObject({ intent: 'task.complete', slots: { task: { query: 'Move the archive boxes' } } });
  });
});

describe('help and corrections said in other words', () => {
  it('"okay google what are you able to do" is help', () => {
    expect(parse('okay google what are you able to do').intent).toBe('help');
  });
  it('"okay, what are you able to do" is help, not a yes', () => {
    expect(parse('okay, what are you able to do').intent).toBe('help');
  });
  it('"no make it faith" (a name that is a word, lower case, after "make it")', () => {
    expect(parse('no make it faith', 'task.create')).toMatchObject({ intent: 'reject', slots: { responsible: { userId: 7 } } });
  });
  it('"no the title should be summer fair"', () => {
    expect(parse('no the title should be summer fair', 'event.create')).toMatchObject({ intent: 'reject', slots: { title: 'summer fair' } });
  });
});

describe('English speech and typing', () => {
  it('"set up a call with brad tomorrow afternoon": a common given name in lower case is somebody', () => {
    expect(parse('set up a call with brad tomorrow afternoon')).toMatchObject({ intent: 'event.create', slots: { title: 'call', attendees: [{ unresolved: 'Brad' }] } });
  });
  it('"what\'s on my calendar to day"', () => {
    expect(parse("what's on my calendar to day")).toMatchObject({ intent: 'agenda.query', slots: { from: '2027-06-08', to: '2027-06-08' } });
  });
  it('"move the standup to day after tomorrow" keeps "day after" (guard)', () => {
    expect(parse('move the standup to day after tomorrow').slots.event).not.toEqual({});
  });
  it('"create a task for denis cats to order flyers" (Кац heard as an English word)', () => {
    expect(parse('create a task for denis cats to order flyers')).toMatchObject({ intent: 'task.create', slots: { title: 'order flyers', responsible: { userId: 6 } } });
  });
  it('"Create a task for Faith: update the Instagram carousel by Friday": a social network inside the content blocks nothing', () => {
    expect(parse('Create a task for Faith: update the Instagram carousel by Friday')).toMatchObject({ intent: 'task.create', slots: { title: 'update the Instagram carousel', responsible: { userId: 7 }, deadline: '2027-06-11' } });
  });
  it('"post on instagram: new promo" is still not ours (guard)', () => {
    expect(parse('post on instagram: new promo').intent).toBe('unknown');
  });
});
