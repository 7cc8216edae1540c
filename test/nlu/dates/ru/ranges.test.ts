import { expectMentions } from '../helpers';

describe('RUMergeTimeRangeRefiner / RUMergeDateRangeRefiner / RUTimeRangeParser', () => {
  it('joins ranges into one mention', () => {
    expectMentions('на завтра с 14 до 15', 'ru', [{ text: 'на завтра с 14 до 15', start: '2026-11-27T14:00', end: '2026-11-27T15:00' }]);
    expectMentions('завтра с 11 часов до 13 часов', 'ru', [{ text: 'завтра с 11 часов до 13 часов', start: '2026-11-27T11:00', end: '2026-11-27T13:00' }]);
    expectMentions('с 12 декабря 10:00 по 15 декабря 15:00', 'ru', [{ text: 'с 12 декабря 10:00 по 15 декабря 15:00', start: '2026-12-12T10:00', end: '2026-12-15T15:00' }]);
    expectMentions('с понедельника по среду', 'ru', [{ text: 'с понедельника по среду', start: '2026-11-30', end: '2026-12-02' }]);
    expectMentions('с 10 до 11 вечера', 'ru', [{ text: 'с 10 до 11 вечера', start: '2026-11-26T22:00', end: '2026-11-26T23:00', tag: 'parser/RUTimeRangeParser' }]);
  });
  it('keeps "завтра до 15" a deadline, not a range', () => {
    expectMentions('до 15:00', 'ru', [{ text: 'до 15:00', start: '2026-11-26T15:00', deadline: true }]);
  });
});
