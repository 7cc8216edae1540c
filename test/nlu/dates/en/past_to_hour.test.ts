import { expectMentions, expectNone } from '../helpers';

describe('ENPastToHourParser', () => {
  it('half past, quarter past/to/of, minutes past', () => {
    expectMentions('meet at half past three', 'en', [{ text: 'at half past three', start: '2026-11-26T15:30', tag: 'parser/ENPastToHourParser' }]);
    expectMentions('a quarter to five', 'en', [{ text: 'a quarter to five', start: '2026-11-26T16:45' }]);
    expectMentions('quarter past eleven', 'en', [{ text: 'quarter past eleven', start: '2026-11-26T11:15' }]);
    expectMentions('quarter of twelve', 'en', [{ text: 'quarter of twelve', start: '2026-11-26T11:45' }]);
    expectMentions('ten past six pm', 'en', [{ text: 'ten past six pm', start: '2026-11-26T18:10' }]);
    expectMentions('twenty minutes to nine am', 'en', [{ text: 'twenty minutes to nine am', start: '2026-11-27T08:40' }]);
    expectMentions('half past 8 tomorrow', 'en', [{ text: 'half past 8 tomorrow', start: '2026-11-27T08:30' }]);
  });

  it('near misses: a range is not minutes to the hour', () => {
    expectMentions('from five to seven', 'en', [{ text: 'from five to seven', start: '2026-11-26T17:00', end: '2026-11-26T19:00' }]);
    expectNone('one after another', 'en');
  });
});
