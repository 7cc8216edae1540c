/**
 * Kinds found by blind batch 93 (a Yaroslavl river-cruise operator, 150/150 blind; a Minneapolis
 * health-insurance claims department), fixed in the twelfth session after it was scored blind, and
 * tested here with sentences of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'America/Chicago';
// Tuesday 2027-06-08, 10:00 Chicago.
const NOW = instantOfWallTime({ year: 2027, month: 6, day: 8, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Dana', lastName: 'Kowalski', gender: 'F' },
    { id: 2, name: 'Connor', lastName: 'MacKenzie', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

it('Mc and Mac are said alike: "mc kenzie", "mckenzie" for MacKenzie', () => {
  expect(parse('send a message to connor mc kenzie the appeal is filed').slots).toEqual({ recipient: { userId: 2 }, text: 'the appeal is filed' });
  expect(parse('message mckenzie: the appeal is filed').slots).toEqual({ recipient: { userId: 2 }, text: 'the appeal is filed' });
});

it('"due Friday EOD": the end of the day said after a day is that day\'s', () => {
  expect(parse('add a task to send the audit sample, due thursday eod').slots).toEqual({ title: 'send the audit sample', deadline: '2027-06-10' });
});

it('"a call with doctor patel\'s office": a possessive before a thing after "with" invites nobody', () => {
  expect(parse("schedule a call with Dr. Okafor's clinic tomorrow at 2pm").slots).toEqual({ title: "call with Dr. Okafor's clinic", start: '2027-06-09T14:00' });
});

it('"what\'s the CPT code for an office visit": a kind of meeting in general is no plan asked about', () => {
  expect(parse("what's the copay for a specialist appointment").intent).toBe('unknown');
});
