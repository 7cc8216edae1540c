/**
 * Kinds of miss blind batch 11 showed (docs/nlu-heldout.md), with sentences and a directory of our
 * own, each failing before its fix.
 */
import type { Directory, ParseResult } from '../../src/nlu/types';
import { instantOfWallTime } from '../../src/nlu/clock';
import { kindsParser } from './kinds-harness';

const TZ = 'Europe/Samara';
// Friday 2026-12-11, 09:00 Samara.
const NOW = instantOfWallTime({ year: 2026, month: 12, day: 11, hour: 9, minute: 0 }, TZ);
const dir: Directory = {
  self: 1,
  timeZone: TZ,
  users: [
    { id: 1, name: 'Лев', lastName: 'Руднев', gender: 'M' },
    { id: 2, name: 'Ada', lastName: 'Stone', gender: 'F' },
  ],
};

const parse = kindsParser(dir, NOW, TZ);

describe('a lead named by a surname the dictionary reads as an adjective', () => {
  it.each([
    ['Покажи скоринг лида Березовой', 'Березова'],
    ['какие шансы у лида Калининой', 'Калинина'],
  ])('"%s" → %s', (text, query) => {
    expect(parse(text).slots).toEqual({ lead: { query } });
  });
  it('"скоринг лида Ивана Орехова" keeps both names (guard)', () => {
    expect(parse('скоринг лида Ивана Орехова').slots).toEqual({ lead: { query: 'Иван Орехов' } });
  });
});

describe('"assign" split by the recogniser', () => {
  it('"a sign a task to ada stone to fix the login page"', () => {
    expect(parse('a sign a task to ada stone to fix the login page')).toMatchObject({ intent: 'task.create', slots: { title: 'fix the login page', responsible: { userId: 2 } } });
  });
});
