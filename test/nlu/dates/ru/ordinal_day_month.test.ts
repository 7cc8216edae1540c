import { expectMentions, expectNone } from '../helpers';

describe('RUOrdinalDayMonthParser', () => {
  it('reads suffixed and word days with a month, in the next twelve months unless a year is said', () => {
    expectMentions('на 18-е февраля', 'ru', [{ text: 'на 18-е февраля', start: '2027-02-18', tag: 'parser/RUOrdinalDayMonthParser' }]);
    expectMentions('к двадцать четвёртому февраля', 'ru', [{ text: 'к двадцать четвёртому февраля', start: '2027-02-24', deadline: true }]);
    expectMentions('двенадцатого декабря в десять утра', 'ru', [{ text: 'двенадцатого декабря в десять утра', start: '2026-12-12T10:00' }]);
    expectMentions('на 12 апреля 2012 года', 'ru', [{ text: 'на 12 апреля 2012 года', start: '2012-04-12' }]);
    expectMentions('на 26 ноября', 'ru', [{ text: 'на 26 ноября', start: '2026-11-26' }]);
  });
  it('near misses', () => {
    expectNone('отчёт за март', 'ru');
    expectNone('график на январь', 'ru');
  });
});
