import { MAX_INPUT_CHARS, detectLang, normalizeInput } from '../../src/nlu/normalize';

describe('normalizeInput', () => {
  it('folds white space and trims', () => {
    expect(normalizeInput('  Поставь\tзадачу \n на завтра ')).toBe('Поставь задачу на завтра');
  });
  it('answers an empty string for what is not a string', () => {
    expect(normalizeInput(undefined)).toBe('');
    expect(normalizeInput(42)).toBe('');
    expect(normalizeInput({})).toBe('');
  });
  it('drops control characters and lone surrogates', () => {
    expect(normalizeInput('a\u0000b\u0007c\uD800d')).toBe('a b c d');
  });
  it(`cuts input longer than ${MAX_INPUT_CHARS} characters at a word boundary`, () => {
    const s = normalizeInput('слово '.repeat(10_000));
    expect(s.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(s.endsWith('слово')).toBe(true);
  });
});

describe('detectLang', () => {
  it('tells Russian from English by letters', () => {
    expect(detectLang('Поставь задачу на Google Ассистент')).toBe('ru');
    expect(detectLang('Send Emily a message')).toBe('en');
    expect(detectLang('12:00')).toBe('ru');
  });
});
