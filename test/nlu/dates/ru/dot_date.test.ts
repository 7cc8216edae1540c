import { expectMentions, expectNone } from '../helpers';

describe('RUDotDateParser', () => {
  it('reads day.month[.year] and ranges', () => {
    expectMentions('корпоратив 25.12 на весь день', 'ru', [{ text: '25.12 на весь день', start: '2026-12-25', allDay: true, tag: 'parser/RUDotDateParser' }]);
    expectMentions('на 31.10.80', 'ru', [{ text: 'на 31.10.80', start: '1980-10-31' }]);
    expectMentions('на 15.2', 'ru', [{ text: 'на 15.2', start: '2027-02-15' }]);
    expectMentions('с 14.10. по 15.10.2018', 'ru', [{ text: 'с 14.10. по 15.10.2018', start: '2018-10-14', end: '2018-10-15' }]);
  });
  it('leaves "в 10.10" to the time parsers', () => {
    expectMentions('в 10.10', 'ru', [{ text: 'в 10.10', start: '2026-11-26T10:10' }]);
  });
  it('near misses', () => {
    expectNone('версия 2.45', 'ru');
    expectNone('оценка 4.5', 'ru');
  });
});
