import { expectMentions, expectNone } from '../helpers';

describe('RUNextWeekParser', () => {
  it('is Monday of next week, date only', () => {
    expectMentions('планёрку на следующей неделе', 'ru', [{ text: 'на следующей неделе', start: '2026-11-30', tag: 'parser/RUNextWeekParser' }]);
  });
  it('near misses', () => {
    expectNone('неделя качества', 'ru');
  });
});
