import { expectMentions } from '../helpers';

describe('RUAllDayParser + RUAllDayRefiner', () => {
  it('marks the neighbouring date all day', () => {
    expectMentions('на 12 декабря на весь день и назови её сессия', 'ru', [{ text: 'на 12 декабря на весь день', start: '2026-12-12', allDay: true, tag: 'refiner/RUAllDayRefiner' }]);
    expectMentions('послезавтра весь день', 'ru', [{ text: 'послезавтра весь день', start: '2026-11-28', allDay: true }]);
    expectMentions('весь день', 'ru', [{ text: 'весь день', start: '2026-11-26', allDay: true }]);
  });
});
