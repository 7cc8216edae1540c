/**
 * Kinds found by blind batch 73 (an Irkutsk children's clinic; a Melbourne AV hire company), fixed
 * in the eleventh session after it was scored blind, and tested here with sentences and a directory
 * of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Moscow';
// Thursday 2027-09-09, 10:00 Moscow.
const NOW = instantOfWallTime({ year: 2027, month: 9, day: 9, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Роман', lastName: 'Кудрин', gender: 'M' },
    { id: 2, name: 'Кира', lastName: 'Ланская', gender: 'F' },
    { id: 3, name: 'Глеб', lastName: 'Суворов', gender: 'M' },
    { id: 4, name: 'Nikos', lastName: 'Andreou', gender: 'M' },
    { id: 5, name: 'Nikos', lastName: 'Vlachos', gender: 'M' },
    { id: 6, name: 'Frances', lastName: 'Oduya', gender: 'F' },
    { id: 7, name: 'Dimitra', lastName: 'Papathanasiou', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('Russian', () => {
  it('"запланируй" + a noun no list has + a date is an event, its noun in the nominative', () => {
    expect(parse('запланируй инвентаризацию аптечного склада в пятницу с девяти до двенадцати')).toMatchObject({
      intent: 'event.create',
      slots: { title: 'инвентаризация аптечного склада', start: '2027-09-10T09:00', end: '2027-09-10T12:00' },
    });
    expect(parse('запланируй еженедельную сверку остатков на понедельник в 9').slots).toEqual({ title: 'еженедельная сверка остатков', start: '2027-09-13T09:00' });
    // (An infinitive after it is a task's content, never an event.)
    expect(parse('запланируй позвонить поставщику завтра в 10').intent).not.toBe('event.create');
  });

  it('a title between the preposition and the surname ("на доктора Суворова") is no title word', () => {
    expect(parse('поставь задачу на доктора Суворова пересмотреть схему лечения до пятницы').slots).toEqual({ title: 'пересмотреть схему лечения', responsible: { userId: 3 }, deadline: '2027-09-10' });
    // (An event keeps the role in its title: "Words after the kind that are neither a date nor a
    // directory person stay with it", nlu.md.)
    expect(parse('запланируй консилиум с профессором Суворовым завтра в 11').slots).toEqual({ title: 'консилиум с профессором', start: '2027-09-10T11:00', attendees: [{ userId: 3 }] });
  });

  it('somebody nobody here has, "из" another organisation, stays in the event title', () => {
    expect(parse('запланируй встречу с Арменом из Медтехники завтра в 15').slots).toEqual({ title: 'встреча с Арменом из Медтехники', start: '2027-09-10T15:00' });
  });
});

describe('English', () => {
  const en = { ...dir, timeZone: 'Australia/Melbourne' };
  it('a place ending in a place noun after "for" stays inside a named title', () => {
    expect(parse('give Kira a task called Check the LED wall for Margaret Court Arena due friday', undefined, en).slots).toEqual({ title: 'Check the LED wall for Margaret Court Arena', responsible: { userId: 2 }, deadline: '2027-09-10' });
  });

  it('Nick for a Nikos, Frankie for a Frances', () => {
    expect(parse('book a sync with nick on monday at ten', undefined, en).slots).toEqual({ title: 'sync', start: '2027-09-13T10:00', attendees: [{ candidates: [4, 5] }] });
    expect(parse('message Frankie that the truck is loaded', undefined, en).slots).toEqual({ recipient: { userId: 6 }, text: 'the truck is loaded' });
  });

  it('a misspelt surname after "a message to", the text opening with "the"', () => {
    expect(parse('send a message to papathanasio the quote is approved', undefined, en).slots).toEqual({ recipient: { userId: 7 }, text: 'the quote is approved' });
  });

  it('"someone from <company>" is no attendee: the event title keeps them', () => {
    expect(parse('call with greg from audiotech tomorrow at 2', undefined, en).slots).toEqual({ title: 'call with greg from audiotech', start: '2027-09-10T14:00' });
  });

  it('a misspelt kind of meeting names the event by the kind', () => {
    expect(parse('set up a meting with Kira at 3 tomorrow', undefined, en).slots).toEqual({ title: 'meeting', start: '2027-09-10T15:00', attendees: [{ userId: 2 }] });
  });

  it('", it\'s done" after the task is no word of its query', () => {
    expect(parse("close the venue deposit task, it's done", undefined, en).slots).toEqual({ task: { query: 'venue deposit' } });
  });
});
