import { expectMentions, expectNone } from '../helpers';

describe('EndOfWeekParser (English)', () => {
  it('"by the end of the week" is Friday of this week, a deadline', () => {
    expectMentions('renew the insurance by the end of the week', 'en', [{ text: 'by the end of the week', start: '2026-11-27', deadline: true, tag: 'parser/EndOfWeekParser' }]);
    expectMentions('renew the insurance by end of week', 'en', [{ text: 'by end of week', start: '2026-11-27', deadline: true, tag: 'parser/EndOfWeekParser' }]);
  });
  it('near misses', () => {
    expectNone('the end of the story', 'en');
  });
});
