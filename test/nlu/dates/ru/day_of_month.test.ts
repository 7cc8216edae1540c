import { expectMentions, expectNone } from '../helpers';

describe('RUDayOfMonthParser', () => {
  it('places a day alone in this month if not past, else the next', () => {
    expectMentions('двадцать восьмого', 'ru', [{ text: 'двадцать восьмого', start: '2026-11-28', tag: 'parser/RUDayOfMonthParser' }]);
    expectMentions('двадцать пятого', 'ru', [{ text: 'двадцать пятого', start: '2026-12-25' }]);
    expectMentions('на 30-е', 'ru', [{ text: 'на 30-е', start: '2026-11-30' }]);
  });
  it('a bare genitive before an infinitive is the day; before a noun it is no date', () => {
    expectMentions('тридцатого оплатить аренду', 'ru', [{ text: 'тридцатого', start: '2026-11-30' }]);
    expectNone('позвонить в отдел третьего этажа', 'ru');
    expectNone('проверить пятого клиента', 'ru');
  });
  it('near misses', () => {
    expectNone('первое сообщение', 'ru');
    expectNone('сделка 45', 'ru');
  });
});
