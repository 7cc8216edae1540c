import { expectMentions, expectNone } from '../helpers';

describe('RUThisWeekdayParser', () => {
  it('takes the weekday of the current week', () => {
    expectMentions('в эту пятницу в 16:00', 'ru', [{ text: 'в эту пятницу в 16:00', start: '2026-11-27T16:00', tag: 'parser/RUThisWeekdayParser' }]);
    expectMentions('в этот вторник', 'ru', [{ text: 'в этот вторник', start: '2026-11-24' }]);
  });
  it('near misses', () => {
    expectNone('эту задачу', 'ru');
  });
});
