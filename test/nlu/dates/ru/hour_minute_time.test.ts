import { expectMentions, expectNone } from '../helpers';

describe('RUHourMinuteTimeParser', () => {
  it('reads hours and minutes in words and day halves', () => {
    expectMentions('в 9 часов 31 минуту вечера', 'ru', [{ text: 'в 9 часов 31 минуту вечера', start: '2026-11-26T21:31', tag: 'parser/RUHourMinuteTimeParser' }]);
    expectMentions('в 3 часа дня', 'ru', [{ text: 'в 3 часа дня', start: '2026-11-26T15:00' }]);
    expectMentions('на субботу в 2 ночи', 'ru', [{ text: 'на субботу в 2 ночи', start: '2026-11-28T02:00' }]);
    expectMentions('на 17ч10', 'ru', [{ text: 'на 17ч10', start: '2026-11-26T17:10' }]);
    expectMentions('в пятнадцать часов', 'ru', [{ text: 'в пятнадцать часов', start: '2026-11-26T15:00' }]);
  });
  it('near misses', () => {
    expectNone('на 2 часа', 'ru');
    expectNone('15 утра', 'ru');
  });
});
