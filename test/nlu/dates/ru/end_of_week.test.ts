import { expectMentions, expectNone } from '../helpers';

describe('RUEndOfWeekParser', () => {
  it('is Friday of this week, a deadline', () => {
    expectMentions('подготовить договор до конца недели', 'ru', [{ text: 'до конца недели', start: '2026-11-27', deadline: true, tag: 'parser/RUEndOfWeekParser' }]);
  });
  it('near misses', () => {
    expectNone('до конца', 'ru');
  });
});
