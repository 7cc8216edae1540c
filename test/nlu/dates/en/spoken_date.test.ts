import { expectMentions, expectNone } from '../helpers';

describe('ENSpokenDateParser', () => {
  it('month + cardinal or ordinal day, either order; the next twelve months', () => {
    expectMentions('mark april twenty as my birthday', 'en', [{ text: 'april twenty', start: '2027-04-20', tag: 'parser/ENSpokenDateParser' }]);
    expectMentions('practice on feb four at two pm', 'en', [{ text: 'on feb four at two pm', start: '2027-02-04T14:00' }]);
    expectMentions('on march twenty first at ten', 'en', [{ text: 'on march twenty first at ten', start: '2027-03-21T10:00' }]);
    expectMentions('meeting with jack on ten march', 'en', [{ text: 'on ten march', start: '2027-03-10' }]);
    expectMentions('on the twenty second of june', 'en', [{ text: 'on the twenty second of june', start: '2027-06-22' }]);
    expectMentions('what is on november twenty six', 'en', [{ text: 'on november twenty six', start: '2026-11-26' }]);
    expectMentions('on november twenty five', 'en', [{ text: 'on november twenty five', start: '2027-11-25' }]);
  });

  it('a year in words or digits is kept even in the past', () => {
    expectMentions('free on april one two thousand and seventeen', 'en', [{ text: 'on april one two thousand and seventeen', start: '2017-04-01' }]);
    expectMentions('the twenty second of march twenty seventeen', 'en', [{ text: 'the twenty second of march twenty seventeen', start: '2017-03-22' }]);
    expectMentions('june fourteenth 2028', 'en', [{ text: 'june fourteenth 2028', start: '2028-06-14' }]);
  });

  it('near misses: may/march as verbs, impossible days', () => {
    expectNone('one may argue', 'en');
    expectNone('you may two of them', 'en');
    expectNone('february thirty one', 'en');
    expectNone('the troops march ten miles', 'en');
  });
});
