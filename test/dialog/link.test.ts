/** readCode: what an unlinked user's words say as a code (issue 11 item 4, issue 13's numbers). */
import { readCode } from '../../src/dialog/link';
import { loadNumberWords } from '../../src/nlu/numbers';

const ru = loadNumberWords('ru');
const read = (text: string) => readCode(text, (w, i) => ru.readAt(w, i), ['код', 'мой']);

describe('readCode', () => {
  it('a code said in pairs keeps a zero that follows a tens word ("тридцать ноль два" is 30 02)', () => {
    // These lost a digit (7 of 8, "В коде восемь цифр") for about 1 code in 130 drawn at random.
    expect(read('тридцать ноль два тридцать пять сорок семь')).toEqual({ kind: 'code', digits: '30023547' });
    expect(read('двадцать семьдесят девять тридцать ноль семь')).toEqual({ kind: 'code', digits: '20793007' });
    expect(read('мой код сорок ноль шесть семьдесят три сорок четыре')).toEqual({ kind: 'code', digits: '40067344' });
  });

  it('compound numbers still read as one, and commands with numbers are not codes', () => {
    expect(read('двенадцать тридцать четыре пятьдесят шесть семьдесят восемь')).toEqual({ kind: 'code', digits: '12345678' });
    expect(read('1234 5678')).toEqual({ kind: 'code', digits: '12345678' });
    expect(read('созвон в 11')).toEqual({ kind: 'none' });
    expect(read('задача на 5 декабря')).toEqual({ kind: 'none' });
  });
});
