import { expectMentions, expectNone } from '../helpers';

describe('ENSpokenRelativeParser and durations in words', () => {
  it('minutes and hours give a moment, days a date', () => {
    expectMentions('wake me up in thirty minutes', 'en', [{ text: 'in thirty minutes', start: '2026-11-26T10:30', tag: 'parser/ENSpokenRelativeParser' }]);
    expectMentions('in twenty five minutes', 'en', [{ text: 'in twenty five minutes', start: '2026-11-26T10:25' }]);
    expectMentions('in fifteen hours', 'en', [{ text: 'in fifteen hours', start: '2026-11-27T01:00' }]);
    expectMentions('in two hours', 'en', [{ text: 'in two hours', start: '2026-11-26T12:00' }]);
    expectMentions('in ten days', 'en', [{ text: 'in ten days', start: '2026-12-06' }]);
  });

  it('a duration in words ends the time before it', () => {
    expectMentions('tomorrow at three pm for thirty minutes', 'en', [{ text: 'tomorrow at three pm for thirty minutes', start: '2026-11-27T15:00', end: '2026-11-27T15:30' }]);
  });

  it('near misses: no count, or before an event (not ours)', () => {
    expectNone('in fifteen', 'en');
    expectNone('in many minutes', 'en');
  });
});
