import { WordSet, fold } from '../../src/nlu/grammar';

describe('WordSet', () => {
  const set = new WordSet(['задач*', 'да', 'с текстом', 'и назови ее', 'назови', 'нов* задач*']);
  const w = (s: string) => fold(s).split(' ');

  it('matches exact words and stems', () => {
    expect(set.hasWord('да')).toBe(true);
    expect(set.hasWord('задачу')).toBe(true);
    expect(set.hasWord('дай')).toBe(false);
  });
  it('prefers the longest phrase at a position', () => {
    expect(set.matchAt(w('и назови её привет'), 0)).toBe(3);
    expect(set.matchAt(w('назови её'), 0)).toBe(1);
    expect(set.matchAt(w('новую задачу'), 0)).toBe(2);
    expect(set.matchAt(w('с текстом привет'), 0)).toBe(2);
  });
  it('answers 0 where nothing matches or past the end', () => {
    expect(set.matchAt(w('с тобой'), 0)).toBe(0);
    expect(set.matchAt(w('да'), 1)).toBe(0);
  });
  it('folds ё and case', () => {
    expect(fold('Назови ЕЁ')).toBe('назови ее');
  });
});
