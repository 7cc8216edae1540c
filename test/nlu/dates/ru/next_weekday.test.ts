import { expectMentions, expectNone } from '../helpers';

describe('RUNextWeekdayParser', () => {
  it('takes the weekday of next week (weeks start on Monday)', () => {
    expectMentions('на следующий вторник в 13:15', 'ru', [{ text: 'на следующий вторник в 13:15', start: '2026-12-01T13:15', tag: 'parser/RUNextWeekdayParser' }]);
    expectMentions('в следующую пятницу', 'ru', [{ text: 'в следующую пятницу', start: '2026-12-04' }]);
    expectMentions('в след среду', 'ru', [{ text: 'в след среду', start: '2026-12-02' }]);
    expectMentions('на вторник на следующей неделе', 'ru', [{ text: 'на вторник на следующей неделе', start: '2026-12-01' }]);
  });
  it('near misses', () => {
    expectNone('следующий шаг', 'ru');
  });
});
