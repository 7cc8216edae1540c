/**
 * Kinds found by blind batches 137 (a Yoshkar-Ola instrument plant; a Newcastle subsea cable firm,
 * Geordie English's second batch) and 138 (a Chita railway-logistics company; an Abu Dhabi oilfield
 * services company, Gulf English's first batch), fixed in the sixteenth session after they were
 * scored blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/London';
// Monday 2027-11-08, 09:30 London.
const NOW = instantOfWallTime({ year: 2027, month: 11, day: 8, hour: 9, minute: 30 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Gary', lastName: 'Robson', gender: 'M' },
    { id: 2, name: 'Michael', lastName: 'Charlton', gender: 'M' },
    { id: 3, name: 'Nicola', lastName: 'Wood', gender: 'F' },
    { id: 4, name: 'Steven', lastName: 'Hall', gender: 'M' },
    { id: 5, name: 'Rajesh', lastName: 'Pillai', gender: 'M' },
    { id: 6, name: 'Rajiv', lastName: 'Kapoor', gender: 'M' },
    { id: 7, name: 'Maitha', lastName: 'Al Ketbi', gender: 'F' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);

const ruTZ = 'Asia/Chita';
const ruNOW = instantOfWallTime({ year: 2027, month: 11, day: 8, hour: 9, minute: 30 }, ruTZ);
const ru = kindsParser({ self: 1, timeZone: ruTZ, users: [{ id: 1, name: 'Баир', lastName: 'Цыренов', gender: 'M' }, { id: 2, name: 'Дарима', lastName: 'Балданова', gender: 'F' }, { id: 3, name: 'Дарима', lastName: 'Жамсуева', gender: 'F' }] }, ruNOW, ruTZ);

it('Geordie: Mick, Nicky, "the hall lad", "the day", canny, divvent bother, gan as a verb', () => {
  expect(parse('task for mick charlton check the winch on the barge').slots).toEqual({ title: 'check the winch on the barge', responsible: { userId: 2 } });
  expect(parse('text nicky the crane is fixed').slots).toEqual({ recipient: { userId: 3 }, text: 'the crane is fixed' });
  expect(parse('tell the hall lad the van is here').slots).toEqual({ recipient: { userId: 4 }, text: 'the van is here' });
  expect(parse('what meetings have i got the day')).toMatchObject({ intent: 'agenda.query', slots: { from: '2027-11-08', to: '2027-11-08' } });
  expect(parse('canny').intent).toBe('confirm');
  expect(parse('divvent bother').intent).toBe('cancel');
  expect(parse('remind me to gan and get the permits at four').slots).toEqual({ title: 'gan and get the permits', responsible: { self: true }, deadline: '2027-11-08T16:00' });
});

it('Gulf English: Raj for a Rajesh and a Rajiv; "bint" and the father\'s name inside a colleague\'s name', () => {
  expect(parse('msg Raj: the rig report is in').slots).toEqual({ recipient: { candidates: [5, 6] }, text: 'the rig report is in' });
  expect(parse('new task for maitha bint saeed check the permits').slots).toEqual({ title: 'check the permits', responsible: { userId: 7 } });
  expect(parse('Send a message to Maitha bint Saeed Al Ketbi saying the crew landed').slots).toEqual({ recipient: { userId: 7 }, text: 'the crew landed' });
});

it('Russian: "уменя" run together; a given name left undeclined before the declined surname', () => {
  expect(ru('что уменя в пятницу')).toMatchObject({ intent: 'agenda.query', slots: { from: '2027-11-12', to: '2027-11-12' } });
  expect(ru('запланируй созвон с дарима балдановой в девять вечера').slots).toEqual({ title: 'созвон', start: '2027-11-08T21:00', attendees: [{ userId: 2 }] });
});
