import { expectMentions, expectNone } from '../helpers';

describe('RUWeekdayParser', () => {
  it('takes the first such weekday after today', () => {
    expectMentions('во вторник', 'ru', [{ text: 'во вторник', start: '2026-12-01', tag: 'parser/RUWeekdayParser' }]);
    expectMentions('на четверг', 'ru', [{ text: 'на четверг', start: '2026-12-03' }]);
    expectMentions('в пятницу в 11', 'ru', [{ text: 'в пятницу в 11', start: '2026-11-27T11:00' }]);
  });
  it('near misses', () => {
    expectNone('средний чек', 'ru');
    expectNone('ср мой отчёт', 'ru');
  });
});
