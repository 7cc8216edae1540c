/**
 * Kinds found by blind batch 42 (test/nlu/heldout-blind42-*.jsonl: a seafood trader in
 * Vladivostok; a UK online language school with British, Latin American and Russian staff), fixed
 * after it was scored and tested here with sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Dublin';
// Thursday 2027-09-16, 09:00 Dublin.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 16, hour: 9, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Oliver', lastName: 'Grant', gender: 'M' },
    { id: 2, name: 'Charlotte', lastName: 'Reyes-Moore', gender: 'F' },
    { id: 3, name: 'Lucia', lastName: 'Paredes', gender: 'F' },
    { id: 4, name: 'Nina', lastName: 'Kowal', gender: 'F' },
    { id: 5, name: 'Денис', lastName: 'Ткач', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('"the new B2 group": a command word after "the" is no command verb', () => {
    expect(parse('task for lucia prepare the placement test for the new b2 group by friday').slots.title).toBe('prepare the placement test for the new b2 group');
  });
  it('"units 4-6", "pages 10-12": a range after a numbered noun is no hours', () => {
    expect(parse('task for nina check worksheets pages 10-12 due September 20').slots).toMatchObject({ title: 'check worksheets pages 10-12', deadline: '2027-09-20' });
  });
  it('thanks to the assistant after a request put as a question ("…? Ta") is not sent; after a comma it is the message\'s own', () => {
    expect(parse('could you let Lucia know the room is booked? Ta').slots.text).toBe('the room is booked');
    expect(parse('let Lucia know the room is booked, thanks!').slots.text).toBe('the room is booked, thanks');
    expect(parse('tell Lucia thanks for the cover').slots.text).toBe('thanks for the cover');
  });
  it('Charlotte is Charlie; "what has X got on"; an owner named with no possessive', () => {
    expect(parse('message Charlie that the proofs are ready').slots.recipient).toEqual({ userId: 2 });
    expect(parse('what does Nina have on until Monday')).toMatchObject({ intent: 'agenda.query', slots: { person: { userId: 4 }, to: '2027-09-20' } });
    expect(parse('Lucia Paredes agenda for tomorrow?').slots).toEqual({ person: { userId: 3 }, from: '2027-09-17', to: '2027-09-17' });
  });
});

describe('Russian', () => {
  it('"напиши лыкову что …": a surname nobody here has, in lower case, in the dative after the verb', () => {
    expect(parse('напиши зыкову что завтра отгрузки не будет').slots).toEqual({ recipient: { unresolved: 'Зыков' }, text: 'завтра отгрузки не будет' });
    expect(parse('напиши складу что завтра отгрузки не будет').intent).toBe('unknown');
  });
});
