import { expectMentions, expectNone } from '../helpers';

describe('RUHalfPastHourParser', () => {
  it('reads half past the hour before the named one, in the afternoon', () => {
    expectMentions('встреча в половине третьего', 'ru', [{ text: 'в половине третьего', start: '2026-11-26T14:30', tag: 'parser/RUHalfPastHourParser' }]);
    expectMentions('звонок завтра в полтретьего', 'ru', [{ text: 'завтра в полтретьего', start: '2026-11-27T14:30' }]);
    expectMentions('в половине первого', 'ru', [{ text: 'в половине первого', start: '2026-11-26T12:30' }]);
  });
  it('near misses', () => {
    expectNone('на полтора часа', 'ru');
    expectNone('половина третьего отдела', 'ru');
  });
});
