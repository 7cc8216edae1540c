/**
 * Kinds found by blind batch 77 (a Chelyabinsk plant's procurement department; a Lahore textile
 * exporter), fixed in the eleventh session after it was scored blind, and tested here with
 * sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Asia/Karachi';
// Thursday 2027-09-09, 10:00 Karachi.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 9, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Роман', lastName: 'Кудрин', gender: 'M' },
    { id: 2, name: 'Пётр', lastName: 'Лебедев', gender: 'M' },
    { id: 3, name: 'Нина', lastName: 'Лебедева', gender: 'F' },
    { id: 4, name: 'Bilal', lastName: 'Chaudhry', gender: 'M' },
    { id: 5, name: 'Hina', lastName: 'Malik', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('Russian', () => {
  it('"пригласи Лебедеву": the invited person is in the accusative — the woman', () => {
    expect(parse('назначь планёрку завтра в 9, пригласи Лебедеву', undefined, { ...dir, timeZone: 'Europe/Moscow' }).slots).toEqual({ title: 'планёрка', start: '2027-09-10T09:00', attendees: [{ userId: 3 }] });
    expect(parse('назначь планёрку завтра в 9, позови Лебедева и Лебедеву', undefined, { ...dir, timeZone: 'Europe/Moscow' }).slots).toEqual({ title: 'планёрка', start: '2027-09-10T09:00', attendees: [{ userId: 2 }, { userId: 3 }] });
  });
});

describe('English', () => {
  it('"bhai", "sahab" after a name are part of it', () => {
    expect(parse('make a task for bilal bhai check the dye lot by friday').slots).toEqual({ title: 'check the dye lot', responsible: { userId: 4 }, deadline: '2027-09-10' });
    expect(parse('message chaudhry sahab that the buyer has landed').slots).toEqual({ recipient: { userId: 4 }, text: 'the buyer has landed' });
  });

  it('"note down a task …" makes a task', () => {
    expect(parse('note down a task renew the export licence by the 20th').slots).toEqual({ title: 'renew the export licence', deadline: '2027-09-20' });
  });

  it('"the task on <topic>": "on" after a task noun marks its title, a date after it stays a date', () => {
    expect(parse("mark Hina's task on vendor audit done").slots).toEqual({ task: { query: 'vendor audit', person: { userId: 5 } } });
    expect(parse('close the task on friday').slots).toEqual({ task: { at: '2027-09-10' } });
  });

  it('a verb said with its particle takes none from the title ("hand over … follow up to X")', () => {
    expect(parse('hand over the task about the payment follow up to Hina').slots).toEqual({ responsible: { userId: 5 }, task: { query: 'payment follow up' } });
  });

  it('"Task 2298: change responsible to X and deadline to …"', () => {
    expect(parse('Task 2298: change responsible to Hina and deadline to 15 Sep').slots).toEqual({ responsible: { userId: 5 }, deadline: '2027-09-15', task: { id: 2298 } });
  });

  it('Urdu yes and no: "haan ji bilkul", "nahin"; "ok done, save it"', () => {
    expect(parse('haan ji bilkul').intent).toBe('confirm');
    expect(parse('ok done, save it').intent).toBe('confirm');
    expect(parse('nahin').intent).toBe('reject');
    expect(parse('nahi next monday', 'event.create').slots).toEqual({ start: '2027-09-13' });
  });
});
