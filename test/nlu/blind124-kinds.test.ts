/**
 * Kinds found by blind batches 124 (a Khabarovsk river-shipping company; an Abuja construction
 * company, Nigerian English's second batch) and 125 (a Kyzyl road builder; a Lahore exporter,
 * Pakistani English's second batch), fixed in the fourteenth session after they were scored blind,
 * and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Africa/Lagos';
// Tuesday 2027-06-08, 10:30 Lagos.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 8, hour: 10, minute: 30 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Chinedu', lastName: 'Okeke', gender: 'M' },
    { id: 2, name: 'Hadiza', lastName: 'Bello', gender: 'F' },
    { id: 3, name: 'Musa', lastName: 'Bello', gender: 'M' },
    { id: 4, name: 'Osagie', lastName: 'Idahosa', gender: 'M' },
    { id: 5, name: 'Ebiere', lastName: 'Alagoa', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('"Hajiya Bello", "Arc. Osagie", "Barr. Ebiere": Nigerian titles before a name', () => {
  expect(parse('new task for hajiya bello follow up with fcda on the approval next week').slots).toEqual({ title: 'follow up with fcda on the approval', responsible: { userId: 2 }, deadline: '2027-06-14' });
  expect(parse('Schedule a site meeting with Arc. Osagie on Thursday from 10am to 12pm').slots).toEqual({ title: 'site meeting', attendees: [{ userId: 4 }], start: '2027-06-10T10:00', end: '2027-06-10T12:00' });
  expect(parse('New task titled Renew CAC annual returns for Barr. Ebiere, due in 3 days').slots).toEqual({ title: 'Renew CAC annual returns', responsible: { userId: 5 }, deadline: '2027-06-11' });
});

it('"chhoro yaar forget it"; "on wednes day": a weekday split in two', () => {
  expect(parse('chhoro yaar forget it').intent).toBe('cancel');
  expect(parse('create an event called lahore expo on wednes day all day').slots).toEqual({ title: 'lahore expo', start: '2027-06-09', allDay: true });
});
