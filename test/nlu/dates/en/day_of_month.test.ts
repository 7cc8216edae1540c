import { expectMentions, expectNone } from '../helpers';

describe('ENDayOfMonthParser', () => {
  it('an ordinal alone: this month if not past, else the next', () => {
    expectMentions('a flight on the fifteenth', 'en', [{ text: 'on the fifteenth', start: '2026-12-15', tag: 'parser/ENDayOfMonthParser' }]);
    expectMentions('a party on the thirtieth', 'en', [{ text: 'on the thirtieth', start: '2026-11-30' }]);
    expectMentions('on the twenty sixth', 'en', [{ text: 'on the twenty sixth', start: '2026-11-26' }]);
    expectMentions('add a meeting on twenty first at seven', 'en', [{ text: 'on twenty first at seven', start: '2026-12-21T19:00' }]);
    expectMentions('on monday the twentieth i am busy', 'en', [{ text: 'on monday the twentieth', start: '2026-12-20' }]);
    expectMentions('pay the bill on the first of next month', 'en', [{ text: 'on the first of next month', start: '2026-12-01' }]);
    expectMentions('is the event on fourteenth of this month', 'en', [{ text: 'on fourteenth of this month', start: '2026-11-14' }]);
  });

  it('near misses: ordinals that count things', () => {
    expectNone('what is my first appointment', 'en');
    expectNone('delete the second meeting', 'en');
    expectNone('on second thought', 'en');
    expectNone('for the third time', 'en');
  });
});
