/**
 * Kinds found by blind batch 80 (a Murmansk fish-processing plant; a Bangalore SaaS company), fixed
 * in the eleventh session after it was scored blind, and tested here with sentences and a directory
 * of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Friday 2027-05-28, 11:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 5, day: 28, hour: 11, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Роман', lastName: 'Кудрин', gender: 'M' },
    { id: 2, name: 'Ярослав', lastName: 'Щукин', gender: 'M' },
    { id: 3, name: 'Tom', lastName: 'Baker', gender: 'M' },
    { id: 4, name: 'Vikram', lastName: 'Rao', gender: 'M' },
    { id: 5, name: 'Lakshmi', lastName: 'Nair-Pillai', gender: 'F' },
    { id: 6, name: 'Divya', lastName: 'Shetty', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);
const en = { ...dir, timeZone: 'Asia/Kolkata' };

describe('Russian', () => {
  it('a trade between the preposition and the surname belongs to the person; an event keeps it in its title', () => {
    expect(parse('поставь задачу на капитана щукина проверить трал до пятницы').slots).toEqual({ title: 'проверить трал', responsible: { userId: 2 }, deadline: '2027-06-04' });
    expect(parse('поставь созвон с капитаном щукиным в среду в шесть вечера').slots).toEqual({ title: 'созвон с капитаном', start: '2027-06-02T18:00', attendees: [{ userId: 2 }] });
  });

  it('"напиши директору Щукину, что …": a role in the dative between the verb and the person', () => {
    expect(parse('напиши директору щукину что отгрузка в понедельник').slots).toEqual({ recipient: { userId: 2 }, text: 'отгрузка в понедельник' });
  });

  it('"Напиши Tom Baker that …": an English text after a Russian command opens with "that"', () => {
    expect(parse('Напиши Tom Baker that the trawler is back on Monday').slots).toEqual({ recipient: { userId: 3 }, text: 'the trawler is back on Monday' });
  });
});

describe('English', () => {
  it('"for Vikram R to …": the initial of the one user\'s surname is part of the name', () => {
    expect(parse('Create a task for Vikram R to renew the SSL certificate', undefined, en).slots).toEqual({ title: 'renew the SSL certificate', responsible: { userId: 4 } });
  });

  it('"Mr. Nair" with only a woman of that surname here is somebody else: in the title', () => {
    expect(parse('Create a task: Call Mr. Nair from Infosys regarding renewal, assign to Divya', undefined, en).slots).toEqual({ title: 'Call Mr. Nair from Infosys regarding renewal', responsible: { userId: 6 } });
  });
});
