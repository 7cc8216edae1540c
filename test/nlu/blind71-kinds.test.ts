/**
 * Kinds found by blind batch 71 (a Volgograd road-construction contractor; a Houston valve
 * distributor), fixed in the tenth session after it was scored blind, and tested here with
 * sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Chicago';
// Thursday 2027-12-02, 10:00 Chicago.
const NOW = instantOfWallTime({ year: 2027, month: 12, day: 2, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Dale', lastName: 'Whitaker', gender: 'M' },
    { id: 2, name: 'Faith', lastName: 'Okoro', gender: 'F' },
    { id: 3, name: 'Тамара', lastName: 'Громова', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('"slack X …" sends a message; "b4" is before; "meting" a meeting', () => {
    expect(parse('slack faith okoro the audit got moved up').slots).toEqual({ recipient: { userId: 2 }, text: 'the audit got moved up' });
    expect(parse('make a task for faith: send the PO b4 friday').slots).toEqual({ title: 'send the PO', responsible: { userId: 2 }, deadline: '2027-12-03' });
    expect(parse('set up a meting with faith at 10').intent).toBe('event.create');
  });
});

describe('Russian', () => {
  const ru = (text: string) => parse(text, undefined, { ...dir, timeZone: 'Europe/Volgograd' });
  it('a stranger\'s surname read only weakly as a user\'s is still the stranger\'s ("с олегом громовым")', () => {
    expect(ru('назначь встречу с олегом громовым в понедельник в девять утра').slots).toEqual({ title: 'встреча', start: '2027-12-06T09:00', attendees: [{ unresolved: 'Олег Громов' }] });
  });
  it('a code joined by a hyphen names a lead, no id ("ДРСУ-3")', () => {
    expect(ru('какой скоринг у лида СМУ-12?').slots).toEqual({ lead: { query: 'СМУ-12' } });
  });
});
