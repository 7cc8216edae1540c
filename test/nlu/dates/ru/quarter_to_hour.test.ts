import { expectMentions, expectNone } from '../helpers';

describe('RUQuarterToHourParser', () => {
  it('reads minutes before the named hour', () => {
    expectMentions('собрание в среду без четверти пять', 'ru', [{ text: 'в среду без четверти пять', start: '2026-12-02T16:45', tag: 'parser/RUQuarterToHourParser' }]);
    expectMentions('сегодня без пятнадцати пять', 'ru', [{ text: 'сегодня без пятнадцати пять', start: '2026-11-26T16:45' }]);
    expectMentions('без четверти час', 'ru', [{ text: 'без четверти час', start: '2026-11-26T12:45' }]);
  });
  it('near misses', () => {
    expectNone('без четверти', 'ru');
    expectNone('без пяти минут директор', 'ru');
  });
});
