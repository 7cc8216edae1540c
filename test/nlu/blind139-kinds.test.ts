/**
 * Kinds found by blind batches 139 (a Tolyatti car-parts supplier; a Johor Bahru logistics company,
 * Malaysian English's third batch) and 140 (a Kaliningrad amber and furniture company; a Bengaluru
 * software-services company, Indian English), fixed in the sixteenth session after they were scored
 * blind, and tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Kolkata';
// Friday 2027-02-12, 10:00 Kolkata.
const NOW = instantOfWallTime({ year: 2027, month: 2, day: 12, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Anitha', lastName: 'Rao', gender: 'F' },
    { id: 2, name: 'Suresh', lastName: 'Babu', gender: 'M' },
    { id: 3, name: 'Zulkarnain', lastName: 'Hamid', gender: 'M' },
    { id: 4, name: 'Syafiqah', lastName: 'Yusof', gender: 'F' },
  ],
};
const parse = kindsParser(dir, NOW, TZ);
const ru = kindsParser({ self: 1, timeZone: 'Europe/Moscow', users: [{ id: 1, name: 'Ирина', lastName: 'Лаурайтис', gender: 'F' }, { id: 2, name: 'Витаутас', lastName: 'Пятрайтис', gender: 'M' }] }, instantOfWallTime({ year: 2027, month: 2, day: 12, hour: 10, minute: 0 }, 'Europe/Moscow'), 'Europe/Moscow');

it('Malaysian: Tues, Zul, Fiqa, tak nak; Indian: an initial before a name, swalpa, howdu, "correct only"; a stranger before the task\'s verb', () => {
  expect(parse('book a call with Suresh on Tues 3pm').slots).toEqual({ title: 'call', start: '2027-02-16T15:00', attendees: [{ userId: 2 }] });
  expect(parse('create task for zul chase the forwarder').slots).toEqual({ title: 'chase the forwarder', responsible: { userId: 3 } });
  expect(parse('add a to-do for Fiqa: count the pallets').slots).toEqual({ title: 'count the pallets', responsible: { userId: 4 } });
  expect(parse('tak nak').intent).toBe('reject');
  expect(parse('assign a task to S. Suresh to renew the SSL certificate').slots).toEqual({ title: 'renew the SSL certificate', responsible: { userId: 2 } });
  expect(parse('swalpa remind me to call the landlord at four').slots).toEqual({ title: 'call the landlord', responsible: { self: true }, deadline: '2027-02-12T16:00' });
  expect(parse('howdu').intent).toBe('confirm');
  expect(parse('correct only, create it').intent).toBe('confirm');
  expect(parse('make a task for dinesh send the invoice to the client').slots).toEqual({ title: 'send the invoice to the client', responsible: { unresolved: 'Dinesh' } });
});

it('news of a task done with fillers and "close" after it; a lead\'s number after its noun said again', () => {
  expect(parse('Task 512 done already, pls close').slots).toEqual({ task: { id: 512 } });
  expect(parse('the vendor onboarding task is finished, close it').slots).toEqual({ task: { query: 'vendor onboarding' } });
  expect(parse('check lead score for lead number two hundred and twelve').slots).toEqual({ lead: { id: 212 } });
});

it('Russian: Витас for a Витаутас', () => {
  expect(ru('созвон с витасом завтра в десять').slots).toEqual({ title: 'созвон', start: '2027-02-13T10:00', attendees: [{ userId: 2 }] });
});
