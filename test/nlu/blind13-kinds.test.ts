/**
 * Kinds of miss blind batch 13 (and the rest of batch 11–12's) showed (docs/nlu-heldout.md), with
 * sentences and a directory of our own, each failing before its fix.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Monday 2027-06-14, 09:30 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 14, hour: 9, minute: 30 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Зарина', lastName: 'Ахмедова', gender: 'F' },
    { id: 2, name: 'Ульяна', lastName: 'Грач', gender: 'F' },
    { id: 3, name: 'Pablo', lastName: 'Reyes', gender: 'M' },
    { id: 4, name: 'Grace', lastName: 'Monday', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('"in a fortnight", "in a week": the article counts one', () => {
  it.each([
    ['remind me in a fortnight to renew the lease', '2027-06-28'],
    ['add a task for Pablo to check the pumps, due in a week', '2027-06-21'],
  ])('"%s" → %s', (text, deadline) => {
    expect(parse(text).slots.deadline).toBe(deadline);
  });
});

describe('"drop a message/line to …" is a message, not a cancel', () => {
  it('"drop a line to Pablo saying the truck is late"', () => {
    expect(parse('drop a line to Pablo saying the truck is late')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'the truck is late' } });
  });
  it('"drop the meeting with Pablo" still cancels (guard)', () => {
    expect(parse('drop the meeting with Pablo').intent).toBe('event.cancel');
  });
});

describe('a change verb opening the utterance names the item; "и перенеси её" is the same item', () => {
  it('"pass the inventory task over to Pablo and push it to friday"', () => {
    expect(parse('pass the inventory task over to Pablo and push it to friday')).toMatchObject({
      intent: 'task.update',
      slots: { responsible: { userId: 3 }, deadline: '2027-06-18', task: { query: 'inventory' } },
    });
  });
  it('"передай задачу про инвентаризацию Ульяне и перенеси её на пятницу"', () => {
    expect(parse('передай задачу про инвентаризацию Ульяне и перенеси её на пятницу').slots).toMatchObject({ responsible: { userId: 2 }, deadline: '2027-06-18' });
    expect((parse('передай задачу про инвентаризацию Ульяне и перенеси её на пятницу').slots.task as { query: string }).query).not.toMatch(/её/);
  });
  it('"the report task is done, close it" is still the item named first (guard)', () => {
    expect(parse('the report task is done, close it')).toMatchObject({ intent: 'task.complete', slots: { task: { query: 'report' } } });
  });
});

describe('an imperative\'s final и heard as е, at the command\'s first word', () => {
  it.each([
    ['отмене созвон в пятницу', 'event.cancel'],
    ['алиса удале встречу с ульяной', 'event.cancel'],
  ])('"%s" → %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
  it('"в отмене встречи нет смысла" stays chatter (guard)', () => {
    expect(parse('в отмене встречи нет смысла').intent).toBe('unknown');
  });
});

describe('a yes or no said before a command', () => {
  it('"нет, напиши ульяне" while a message is confirmed corrects its recipient', () => {
    expect(parse('нет, напиши ульяне', 'message.send')).toMatchObject({ intent: 'reject', slots: { recipient: { userId: 2 } } });
  });
  it('"да, напиши ульяне что машина пришла" is no word of the text', () => {
    expect(parse('да, напиши ульяне что машина пришла').slots).toEqual({ recipient: { userId: 2 }, text: 'машина пришла' });
  });
});

describe('a time said before its day', () => {
  it.each([
    ['cancel my 4pm call on thursday', 'event.cancel', { event: { query: 'call', at: '2027-06-17T16:00' } }],
    ['schedule a 3pm sync tomorrow', 'event.create', { title: 'sync', start: '2027-06-15T15:00' }],
  ])('"%s"', (text, intent, slots) => {
    expect(parse(text)).toMatchObject({ intent, slots });
  });
});

describe('a command said twice in a row', () => {
  it.each([
    ['remind me remind me to water the plants tomorrow', { title: 'water the plants', responsible: { self: true }, deadline: '2027-06-15' }],
    ['поставь поставь задачу ульяне проверить склад', { title: 'проверить склад', responsible: { userId: 2 } }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
});

describe('a user whose surname is a weekday, with a date after the name', () => {
  it('"set up a call with Grace Monday tomorrow at 2pm"', () => {
    expect(parse('set up a call with Grace Monday tomorrow at 2pm').slots).toEqual({ title: 'call', start: '2027-06-15T14:00', attendees: [{ userId: 4 }] });
  });
});

describe('a company after "with" is no person', () => {
  it.each([
    ['add an event called Supplier lunch with Norda Freight on Friday at 1pm', { title: 'Supplier lunch with Norda Freight', start: '2027-06-18T13:00' }],
    ['schedule a call with Bellwether Consulting tomorrow', { title: 'call with Bellwether Consulting', start: '2027-06-15' }],
  ])('"%s"', (text, slots) => {
    expect(parse(text).slots).toEqual(slots);
  });
  it('"schedule a call with Dmitri Volkov tomorrow" meets a person (guard)', () => {
    expect(parse('schedule a call with Dmitri Volkov tomorrow').slots.attendees).toEqual([{ unresolved: 'Dmitri Volkov' }]);
  });
});
