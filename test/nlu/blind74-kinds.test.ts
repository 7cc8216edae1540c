/**
 * Kinds found by blind batch 74 (a Tula gingerbread factory; a Chicago law firm), fixed in the
 * eleventh session after it was scored blind, and tested here with sentences and a directory of our
 * own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Chicago';
// Thursday 2027-09-09, 10:00 Chicago.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 9, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Роман', lastName: 'Кудрин', gender: 'M' },
    { id: 2, name: 'Marcus', lastName: 'Monday', gender: 'M' },
    { id: 3, name: 'Deborah', lastName: 'Kessler', gender: 'F' },
    { id: 4, name: 'Yuki', lastName: 'Mori', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('Russian', () => {
  it('a Cyrillic word with a capital inside ("ВкусВилл") is a brand, no person', () => {
    expect(parse('перенеси завтрашнюю встречу с ЛентаПлюсом на 14:00', undefined, { ...dir, timeZone: 'Europe/Moscow' }).slots).toEqual({ start: '2027-09-10T14:00', event: { query: 'встреча с ЛентаПлюсом', at: '2027-09-10' } });
  });
});

describe('English', () => {
  it('a weekday in lower case is the date, though a user is surnamed after it', () => {
    expect(parse('no monday at ten', 'event.create').slots).toEqual({ start: '2027-09-13T10:00' });
    expect(parse('book a call with marcus monday tomorrow at 3').slots).toEqual({ title: 'call', start: '2027-09-10T15:00', attendees: [{ userId: 2 }] });
  });

  it('"block … for <purpose>": the purpose names the event, without its "for"', () => {
    expect(parse('block monday morning for brief writing').slots).toEqual({ title: 'brief writing', start: '2027-09-13T09:00' });
  });

  it('Deb for a Deborah', () => {
    expect(parse('msg Deb Kessler - the filing is in').slots).toEqual({ recipient: { userId: 3 }, text: 'the filing is in' });
  });

  it('"to morrows" is "tomorrow\'s"', () => {
    expect(parse('cancel to morrows call with yuki').slots).toEqual({ event: { query: 'call', at: '2027-09-10', person: { userId: 4 } } });
  });
});
