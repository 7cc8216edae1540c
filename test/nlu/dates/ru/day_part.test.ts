import { expectMentions, expectNone } from '../helpers';

describe('RUDayPartParser', () => {
  it('gives each part of the day its hour and joins it to the date', () => {
    expectMentions('в понедельник утром', 'ru', [{ text: 'в понедельник утром', start: '2026-11-30T09:00', tag: 'parser/RUDayPartParser' }]);
    expectMentions('завтра в обед', 'ru', [{ text: 'завтра в обед', start: '2026-11-27T13:00' }]);
    expectMentions('в пятницу после обеда', 'ru', [{ text: 'в пятницу после обеда', start: '2026-11-27T14:00' }]);
    expectMentions('в субботу днём', 'ru', [{ text: 'в субботу днём', start: '2026-11-28T13:00' }]);
    expectMentions('на сегодня вечером встречу', 'ru', [{ text: 'на сегодня вечером', start: '2026-11-26T19:00' }]);
    expectMentions('завтра в полдень', 'ru', [{ text: 'завтра в полдень', start: '2026-11-27T12:00' }]);
  });
  it('near misses', () => {
    expectNone('обедом угощаю', 'ru');
    expectNone('вечеринка', 'ru');
  });
});
