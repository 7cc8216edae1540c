import { loadNumberWords } from '../../src/nlu/numbers';

describe('loadNumberWords', () => {
  const ru = loadNumberWords('ru');
  const en = loadNumberWords('en');
  const read = (nw: typeof ru, s: string) => nw.readAt(s.split(' '), 0);

  it.each([
    ['триста двенадцать', 312, 2],
    ['пять', 5, 1],
    ['двадцать пять', 25, 2],
    ['две тысячи двадцать шесть', 2026, 4],
    ['сто', 100, 1],
    ['тысяча двести', 1200, 2],
  ])('reads Russian "%s" as %d', (s, value, length) => {
    expect(read(ru, s)).toEqual({ value, length });
  });

  it.each([
    ['eighty seven', 87, 2],
    ['one hundred twenty', 120, 3],
    ['two thousand and five', 2005, 4],
    ['forty-two', 42, 1],
  ])('reads English "%s" as %d', (s, value, length) => {
    expect(read(en, s)).toEqual({ value, length });
  });

  it('stops where the number ends and refuses impossible sequences', () => {
    expect(read(ru, 'двенадцать часов')).toEqual({ value: 12, length: 1 });
    expect(read(ru, 'двадцать сто')).toEqual({ value: 20, length: 1 });
    expect(read(ru, 'привет')).toBeNull();
  });
});
