/**
 * Kinds found by blind batch 62 (a Yekaterinburg residential developer; a Johannesburg
 * mining-equipment supplier, South African English), fixed in the tenth session after it was scored
 * blind, and tested here with sentences and a directory of our own; each failed before.
 */
import type { Directory } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Africa/Johannesburg';
// Tuesday 2027-03-09, 10:00 Johannesburg.
const NOW = instantOfWallTime({ year: 2027, month: 3, day: 9, hour: 10, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Thabo', lastName: 'Mokoena', gender: 'M' },
    { id: 2, name: 'Sibusiso', lastName: 'Dlamini', gender: 'M' },
    { id: 3, name: 'Hendrik', lastName: 'Pretorius', gender: 'M' },
    { id: 4, name: 'Christiaan', lastName: 'Nel', gender: 'M' },
    { id: 5, name: 'Christopher', lastName: 'Adams', gender: 'M' },
    { id: 6, name: 'Максим', lastName: 'Гарипов', gender: 'M' },
    { id: 7, name: 'Ольга', lastName: 'Гарипова', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('English', () => {
  it('Afrikaans short forms (Henk for Hendrik) and Chris for Christiaan', () => {
    expect(parse('create a task for henk to service the pump').slots).toEqual({ title: 'service the pump', responsible: { userId: 3 } });
    expect(parse('new task for Chris: quote the drill bits').slots).toEqual({ title: 'quote the drill bits', responsible: { candidates: [4, 5] } });
  });
  it('a long name no list shortens is called by its first syllables ("Sibu" for Sibusiso)', () => {
    expect(parse('remind sibu to send the invoice tomorrow').slots).toEqual({ title: 'send the invoice', responsible: { userId: 2 }, deadline: '2027-03-10' });
  });
  it('"ag" and "eish" open a reply as "oh" does', () => {
    expect(parse('ag cancel that', 'task.create').intent).toBe('cancel');
    expect(parse('eish no', 'task.create').intent).toBe('reject');
  });
});

describe('Russian', () => {
  const ru = (text: string, expecting?: Parameters<typeof parse>[1]) => parse(text, expecting, { ...dir, timeZone: 'Asia/Yekaterinburg' });
  it('"во 2-й секции": digits with a masculine or feminine ending before a noun are no day', () => {
    expect(ru('поставь задачу Максиму проверить откосы во 2-й парадной').slots).toEqual({ title: 'проверить откосы во 2-й парадной', responsible: { userId: 6 } });
  });
  it('a short form the dictionary reads as a word is a name addressed before "что" ("толику")', () => {
    expect(ru('напиши толику что бетон привезли').slots).toEqual({ recipient: { unresolved: 'Толик' }, text: 'бетон привезли' });
  });
  it('"не гарипову" alone corrects: "не" said short for "нет"', () => {
    expect(ru('не гарипову', 'message.send')).toEqual(expect.objectContaining({ intent: 'reject', slots: { recipient: { userId: 6 } } }));
    expect(ru('не на пятницу', 'event.create')).toEqual(expect.objectContaining({ intent: 'reject', slots: { start: '2027-03-12' } }));
    // (…and "не X, а Y" still corrects to Y.)
    expect(ru('не гарипову а гариповой', 'message.send')).toEqual(expect.objectContaining({ intent: 'reject', slots: { recipient: { userId: 7 } } }));
  });
});
