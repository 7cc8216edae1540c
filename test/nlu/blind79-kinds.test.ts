/**
 * Kinds found by blind batch 79 (a Voronezh TV and radio company; a Manchester football club's
 * commercial office), fixed in the eleventh session after it was scored blind, and tested here with
 * sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Friday 2027-08-13, 11:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 8, day: 13, hour: 11, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Роман', lastName: 'Кудрин', gender: 'M' },
    { id: 2, name: 'Дина', lastName: 'Ахметова', gender: 'F' },
    { id: 3, name: 'Javier', lastName: 'Ruiz', gender: 'M' },
    { id: 4, name: 'Rhys', lastName: 'Morgan', gender: 'M' },
    { id: 5, name: 'Declan', lastName: 'Walsh', gender: 'M' },
    { id: 6, name: 'Kieran', lastName: 'Boyle', gender: 'M' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);
const en = { ...dir, timeZone: 'Europe/London' };

describe('Russian', () => {
  it('"сделка по <name>" names the deal as "сделка с <name>" does', () => {
    expect(parse('какая вероятность закрыть сделку по автосалону').slots).toEqual({ lead: { query: 'автосалон', entity: 'deal' } });
  });

  it('a marked title ends before "и <command verb>" and the person or date after it', () => {
    expect(parse('создай задачу с названием сверстать афишу и поставь на дину к пятнице').slots).toEqual({ title: 'сверстать афишу', responsible: { userId: 2 }, deadline: '2027-08-20' });
  });

  it('"к трём", "к двум", "к трём часам": the dative of an hour after "к" is a deadline', () => {
    expect(parse('поставь задачу на дину смонтировать сюжет к трём').slots).toEqual({ title: 'смонтировать сюжет', responsible: { userId: 2 }, deadline: '2027-08-13T15:00' });
    expect(parse('поставь задачу на дину смонтировать сюжет к двум часам').slots).toEqual({ title: 'смонтировать сюжет', responsible: { userId: 2 }, deadline: '2027-08-13T14:00' });
  });

  it('"ко" is glued only before в/ф and a consonant, or мн ("копродукция" stays one word)', () => {
    expect(parse('поставь задачу дине согласовать бюджет копродукции').slots).toEqual({ title: 'согласовать бюджет копродукции', responsible: { userId: 2 } });
  });

  it('"я не успеваю на планёрку к восьми": a deadline-like time makes no meeting of a statement', () => {
    expect(parse('я не успеваю на планёрку к восьми').intent).toBe('unknown');
  });
});

describe('English', () => {
  it('Javi for Javier, Reece for Rhys', () => {
    expect(parse('Create task for Javi: check the turnstiles, for Monday', undefined, en).slots).toEqual({ title: 'check the turnstiles', responsible: { userId: 3 }, deadline: '2027-08-16' });
    expect(parse('send a message to reece morgan saying the kits came in', undefined, en).slots).toEqual({ recipient: { userId: 4 }, text: 'the kits came in' });
  });

  it('"whats <name misheard> got on this week"', () => {
    expect(parse('whats kiernan got on this week', undefined, en).slots).toEqual({ person: { userId: 6 }, from: '2027-08-09', to: '2027-08-15' });
  });

  it('"Friday 27th August": the day with its month after it', () => {
    expect(parse('add the open day on Friday 27th August', undefined, en).slots).toEqual({ title: 'open day', start: '2027-08-27' });
  });

  it('"Friday the 27th of August": a weekday, "the" and the date with its month are one date', () => {
    expect(parse('add the open day on Friday the 27th of August', undefined, en).slots).toEqual({ title: 'open day', start: '2027-08-27' });
  });

  it('British endearments and "spot on": "leave it love", "yeah thats spot on"', () => {
    expect(parse('leave it love', undefined, en).intent).toBe('cancel');
    expect(parse('yeah thats spot on', undefined, en).intent).toBe('confirm');
  });

  it('a number word after "to" is no person ("moved to three")', () => {
    expect(parse('no change the text to kick off moved to three', 'message.send', en).slots).toEqual({ text: 'kick off moved to three' });
  });

  it('"latest by tuesday" is the deadline', () => {
    expect(parse('remind declan to send the stats latest by tuesday', undefined, en).slots).toEqual({ title: 'send the stats', responsible: { userId: 5 }, deadline: '2027-08-17' });
  });
});
