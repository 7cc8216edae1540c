import { expectMentions, expectNone } from '../helpers';

describe('RUDeadlineWeekdayParser', () => {
  it('reads до/к + weekday as a deadline', () => {
    expectMentions('сделать к понедельнику', 'ru', [{ text: 'к понедельнику', start: '2026-11-30', deadline: true, tag: 'parser/RUDeadlineWeekdayParser' }]);
    expectMentions('до пятницы', 'ru', [{ text: 'до пятницы', start: '2026-11-27', deadline: true }]);
  });
  it('near misses', () => {
    expectNone('до пятисот рублей', 'ru');
  });
});
