import { expectMentions, expectNone } from '../helpers';

describe('ENRelativeWeekdayParser', () => {
  it('next = weekday of next week; this = current week', () => {
    expectMentions('next Tuesday from 10am to 12pm', 'en', [{ text: 'next Tuesday from 10am to 12pm', start: '2026-12-01T10:00', end: '2026-12-01T12:00', tag: 'parser/ENRelativeWeekdayParser' }]);
    expectMentions('this Friday', 'en', [{ text: 'this Friday', start: '2026-11-27' }]);
  });
});

describe('ENDayPartParser', () => {
  it('this morning / tonight are today', () => {
    expectMentions('this morning', 'en', [{ text: 'this morning', start: '2026-11-26T09:00', tag: 'parser/ENDayPartParser' }]);
    expectMentions('tonight', 'en', [{ text: 'tonight', start: '2026-11-26T19:00' }]);
    expectMentions('this afternoon', 'en', [{ text: 'this afternoon', start: '2026-11-26T14:00' }]);
  });
});

describe('ENDurationParser + ENDurationEndRefiner', () => {
  it('end = start + duration', () => {
    expectMentions('Sync with vendors in 2 hours for 30 minutes', 'en', [{ text: 'in 2 hours for 30 minutes', start: '2026-11-26T12:00', end: '2026-11-26T12:30', tag: 'refiner/ENDurationEndRefiner' }]);
    expectMentions('tomorrow at 3pm for 45 minutes', 'en', [{ text: 'tomorrow at 3pm for 45 minutes', start: '2026-11-27T15:00', end: '2026-11-27T15:45' }]);
  });
});

describe('ENAllDayParser + markers', () => {
  it('all day, by/due/on', () => {
    expectMentions('Product launch on December 15 all day', 'en', [{ text: 'on December 15 all day', start: '2026-12-15', allDay: true }]);
    expectMentions('Update the page by Friday', 'en', [{ text: 'by Friday', start: '2026-11-27', deadline: true }]);
    expectMentions('Check the invoices due the day after tomorrow', 'en', [{ text: 'due the day after tomorrow', start: '2026-11-28', deadline: true }]);
    expectMentions('on January 15 at 11am called Kickoff', 'en', [{ text: 'on January 15 at 11am', start: '2027-01-15T11:00' }]);
    expectMentions('12/25', 'en', [{ text: '12/25', start: '2026-12-25' }]);
  });
  it('near misses', () => {
    expectNone("What's the score of lead 87?", 'en');
    expectNone('Play some jazz', 'en');
    expectNone("I'll be five minutes late", 'en');
  });
});

describe('a time range whose end is a day of a month', () => {
  it('"9:00 to 12 March": the 12 is the other end\'s day, not an hour', () => {
    expectMentions('from 8 March 9:00 to 12 March 18:00', 'en', [{ text: 'from 8 March 9:00 to 12 March 18:00', start: '2027-03-08T09:00', end: '2027-03-12T18:00' }]);
    expectMentions('from 8 March 9am till 12 of March 6pm', 'en', [{ text: 'from 8 March 9am till 12 of March 6pm', start: '2027-03-08T09:00', end: '2027-03-12T18:00' }]);
  });
  it('an hour range stays an hour range', () => {
    expectMentions('on 8 March from 9 to 12', 'en', [{ text: 'on 8 March from 9 to 12', start: '2027-03-08T09:00', end: '2027-03-08T12:00' }]);
    expectMentions('from 9 to 12 on March 8', 'en', [{ text: 'from 9 to 12 on March 8', start: '2027-03-08T09:00', end: '2027-03-08T12:00' }]);
  });
});
