/**
 * Kinds of miss blind batch 15 showed (docs/nlu-heldout.md), with sentences and a directory of our
 * own, each failing before its fix.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Monday 2027-05-17, 09:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 5, day: 17, hour: 9, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Marta', lastName: 'Weiss', gender: 'F' },
    { id: 2, name: 'Тарас', lastName: 'Луговой', gender: 'M' },
    { id: 3, name: 'Iris', lastName: 'Holm', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('a marker that is also the title\'s own word', () => {
  it.each([
    ['Поставь задачу на Тараса: переписать текст афиши к пятнице', 'переписать текст афиши'],
    ['создай задачу проверить название файла', 'проверить название файла'],
  ])('"%s" → %s', (text, title) => {
    expect(parse(text).slots.title).toBe(title);
  });
  it('"поставь задачу, текст: обновить прайс" still marks it (guard)', () => {
    expect(parse('поставь задачу, текст: обновить прайс').slots.title).toBe('обновить прайс');
  });
});

describe('a deal or lead named by an adjective and a noun, in the nominative', () => {
  it.each([
    ['шансы сделки с северным заводом', 'северный завод'],
    ['скоринг сделки с Лесной поляной', 'Лесная поляна'],
  ])('"%s" → %s', (text, query) => {
    expect((parse(text).slots.lead as { query: string }).query).toBe(query);
  });
});

describe('a date said as the owner of a thing is a word of the title', () => {
  it('"remind me to check next week\'s orders by 5pm"', () => {
    expect(parse("remind me to check next week's orders by 5pm").slots).toEqual({ title: "check next week's orders", responsible: { self: true }, deadline: '2027-05-17T17:00' });
  });
  it('"cancel tomorrow\'s meeting" still dates the meeting (guard)', () => {
    expect(parse("cancel tomorrow's meeting").slots).toEqual({ event: { at: '2027-05-18' } });
  });
});

describe('"from 6 to 9 am": the morning is both ends\'', () => {
  it('"add inventory count to my calendar on friday from 6 to 8 am"', () => {
    expect(parse('add inventory count to my calendar on friday from 6 to 8 am').slots).toMatchObject({ start: '2027-05-21T06:00', end: '2027-05-21T08:00' });
  });
  it('"from 2 to 4" is still the afternoon (guard)', () => {
    expect(parse('schedule a call with Iris on friday from 2 to 4').slots).toMatchObject({ start: '2027-05-21T14:00', end: '2027-05-21T16:00' });
  });
});

describe('an event with no kind of meeting: the words no slot took name it', () => {
  it('"schedule a tasting with Iris on thursday at 6pm"', () => {
    expect(parse('schedule a tasting with Iris on thursday at 6pm').slots).toEqual({ title: 'tasting', start: '2027-05-20T18:00', attendees: [{ userId: 3 }] });
  });
});

describe('"massage" said first is "message"', () => {
  it('"massage iris holm the samples are in"', () => {
    expect(parse('massage iris holm the samples are in')).toMatchObject({ intent: 'message.send', slots: { recipient: { userId: 3 }, text: 'the samples are in' } });
  });
  it('"book a massage for Iris tomorrow" is no message (guard)', () => {
    expect(parse('book a massage for Iris tomorrow').intent).not.toBe('message.send');
  });
});

describe('a slot keeps the words as the user spelt them', () => {
  it.each([
    ['pls tell Iris the truck comes at 7 tmrw', 'the truck comes at 7 tmrw'],
    ['напиши Тарасу щас буду', 'щас буду'],
  ])('"%s" → %s', (text, t) => {
    expect(parse(text).slots.text).toBe(t);
  });
  it('"tmrw" is still understood as a date (guard)', () => {
    expect(parse('remind me to call Iris tmrw').slots).toMatchObject({ deadline: '2027-05-18' });
  });
});
