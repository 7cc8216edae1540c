/**
 * Kinds found by blind batch 46 (test/nlu/heldout-blind46-*.jsonl: an agricultural holding in the
 * Kuban with southern speech; a Lagos fintech with Nigerian English), fixed after it was scored and
 * tested here with sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Africa/Lagos';
// Monday 2027-11-15, 09:00 Lagos.
const NOW = instantOfWallTime({ year: 2027, month: 11, day: 15, hour: 9, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Ngozi', lastName: 'Eze', gender: 'F' },
    { id: 2, name: 'Godswill', lastName: 'Akpan', gender: 'M' },
    { id: 3, name: 'Olufemi', lastName: 'Adeyemi', gender: 'M' },
    { id: 4, name: 'Monday', lastName: 'Okon', gender: 'M' },
    { id: 5, name: 'Chiamaka', lastName: 'Obi', gender: 'F' },
    { id: 6, name: 'Ибрагим', lastName: 'Хатков', gender: 'M' },
    { id: 7, name: 'Мурат', lastName: 'Тлехас', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('Nigerian replies and particles: "na so", "oya do am", "no o", "no be am", "leave it abeg", "yes abeg"', () => {
    expect(parse('na so').intent).toBe('confirm');
    expect(parse('oya do am').intent).toBe('confirm');
    expect(parse('yes abeg').intent).toBe('confirm');
    expect(parse('no o').intent).toBe('reject');
    expect(parse('no be am').intent).toBe('reject');
    expect(parse('leave it abeg').intent).toBe('cancel');
  });
  it('"abeg" opens a command; a final "o" is a particle, no title word and no o\'clock', () => {
    expect(parse('abeg remind me to call the bank by four o').slots).toEqual({ title: 'call the bank', responsible: { self: true }, deadline: '2027-11-15T16:00' });
    expect(parse('abeg cancel that meeting').intent).toBe('event.cancel');
  });
  it('"next tomorrow" is the day after tomorrow', () => {
    expect(parse('new task for Chiamaka: send the KYC report, by next tomorrow').slots).toMatchObject({ title: 'send the KYC report', deadline: '2027-11-17' });
  });
  it('a given name of two words said apart ("gods will") and one whose opening is left out (Femi for Olufemi)', () => {
    expect(parse('create a task for gods will akpan to reconcile the float').slots.responsible).toEqual({ userId: 2 });
    expect(parse('message femi that the server is back').slots.recipient).toEqual({ userId: 3 });
  });
  it('a weekday that is a given name, with the preposition before it read as a date ("for Monday Okon")', () => {
    expect(parse('Create a task for Monday Okon to rotate the API keys by Friday').slots).toEqual({ title: 'rotate the API keys', responsible: { userId: 4 }, deadline: '2027-11-19' });
  });
  it('"oga" before a name; "DM X: …"; "a task on X to …"; Amaka for Chiamaka', () => {
    expect(parse('set up a call with oga femi in forty five minutes').slots).toMatchObject({ title: 'call', attendees: [{ userId: 3 }] });
    expect(parse('DM Tolu: can you review my PR').slots).toEqual({ recipient: { unresolved: 'Tolu' }, text: 'can you review my PR' });
    expect(parse('put a task on emeka to clean up the merchant list').slots).toMatchObject({ title: 'clean up the merchant list', responsible: { unresolved: 'Emeka' } });
    expect(parse('message Amaka that the audit is done').slots.recipient).toEqual({ userId: 5 });
  });
});

describe('Russian', () => {
  it('"ну что, поставь задачу …" ("ну шо"): a question word said as a filler before a command', () => {
    expect(parse('ну шо поставь задачу Мурату проверить комбайны').slots).toEqual({ title: 'проверить комбайны', responsible: { userId: 7 } });
    expect(parse('что у меня завтра').intent).toBe('agenda.query');
  });
  it('southern "тю", "чи" open a sentence; "гарно", "нехай так будет" say yes', () => {
    expect(parse('тю а поставь задачу Мурату проверить весы').slots.title).toBe('проверить весы');
    expect(parse('чи есть у меня шо на пятницу').intent).toBe('agenda.query');
    expect(parse('гарно нехай так будет').intent).toBe('confirm');
  });
  it('"выезд" is a meeting; "выездная проверка" is not one', () => {
    expect(parse('запланируй выезд на поля в четверг на весь день').slots).toEqual({ title: 'выезд на поля', start: '2027-11-18', allDay: true });
  });
});
