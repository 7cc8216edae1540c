import { expectMentions, expectNone } from '../helpers';

// Reference: Thursday 2026-11-26 10:00, Europe/Moscow.
describe('ENSpokenTimeParser', () => {
  it('am/pm are literal; a time with no date is today if ahead, else tomorrow', () => {
    expectMentions('set a reminder at two pm', 'en', [{ text: 'at two pm', start: '2026-11-26T14:00', tag: 'parser/ENSpokenTimeParser' }]);
    expectMentions('wake me at six am', 'en', [{ text: 'at six am', start: '2026-11-27T06:00' }]);
    expectMentions('set an alarm for six thirty am', 'en', [{ text: 'for six thirty am', start: '2026-11-27T06:30' }]);
    expectMentions('dinner at eleven pm', 'en', [{ text: 'at eleven pm', start: '2026-11-26T23:00' }]);
    expectMentions('at twelve am', 'en', [{ text: 'at twelve am', start: '2026-11-27T00:00' }]);
  });

  it("o'clock, minutes, and the afternoon rule for a bare 1..7", () => {
    expectMentions("go to the library at five o'clock", 'en', [{ text: "at five o'clock", start: '2026-11-26T17:00' }]);
    expectMentions('an appointment twelve o clock on saturday', 'en', [{ text: 'twelve o clock on saturday', start: '2026-11-28T12:00' }]);
    expectMentions('lunch at eleven thirty', 'en', [{ text: 'at eleven thirty', start: '2026-11-26T11:30' }]);
    expectMentions('call at ten oh five', 'en', [{ text: 'at ten oh five', start: '2026-11-26T10:05' }]);
    expectMentions('set an alarm for five thirty', 'en', [{ text: 'for five thirty', start: '2026-11-26T17:30' }]);
    expectMentions('wake me up at ten', 'en', [{ text: 'at ten', start: '2026-11-27T10:00' }]);
    expectMentions('see you by seven', 'en', [{ text: 'by seven', start: '2026-11-26T19:00', deadline: true }]);
  });

  it('day halves in words, noon and midnight', () => {
    expectMentions('set an alarm at six in the morning', 'en', [{ text: 'at six in the morning', start: '2026-11-27T06:00' }]);
    expectMentions('be in at four in the evening', 'en', [{ text: 'at four in the evening', start: '2026-11-26T16:00' }]);
    expectMentions('pick me up by twelve noon', 'en', [{ text: 'by twelve noon', start: '2026-11-26T12:00', deadline: true }]);
    expectMentions('at twelve midnight', 'en', [{ text: 'at twelve midnight', start: '2026-11-27T00:00' }]);
    expectMentions('a band playing tonight at nine at the jazz bar', 'en', [{ text: 'tonight at nine', start: '2026-11-26T21:00' }]);
  });

  it('joins dates, and spoken ranges take the end half of the day', () => {
    expectMentions('remind me tomorrow at two pm', 'en', [{ text: 'tomorrow at two pm', start: '2026-11-27T14:00' }]);
    expectMentions('wake me at six am thursday', 'en', [{ text: 'at six am thursday', start: '2026-12-03T06:00' }]);
    expectMentions('alarms between six and nine am', 'en', [{ text: 'six and nine am', start: '2026-11-27T06:00', end: '2026-11-27T09:00' }]);
    expectMentions('busy between eight am and five pm today', 'en', [{ text: 'eight am and five pm today', start: '2026-11-26T08:00', end: '2026-11-26T17:00' }]);
    expectMentions('unavailable from four to six in the evening tomorrow', 'en', [
      { text: 'from four to six in the evening tomorrow', start: '2026-11-27T16:00', end: '2026-11-27T18:00' },
    ]);
    expectMentions('from eleven to one pm', 'en', [{ text: 'from eleven to one pm', start: '2026-11-26T11:00', end: '2026-11-26T13:00' }]);
  });

  it('clock times said as hundreds need am/pm', () => {
    expectMentions('news for six hundred and forty five am', 'en', [{ text: 'for six hundred and forty five am', start: '2026-11-27T06:45' }]);
    expectNone('order six hundred and forty five boxes', 'en');
  });

  it('near misses: counts, number tails, no preposition', () => {
    expectNone('alert me at five hours', 'en');
    expectNone('look at one email', 'en');
    expectNone('forty five am', 'en');
    expectNone('i have five apples', 'en');
    expectNone('reply with the response six thirty', 'en');
    expectNone('what is five plus seven', 'en');
  });
});
