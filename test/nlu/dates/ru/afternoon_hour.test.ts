import { expectMentions } from '../helpers';

describe('RUAfternoonHourRefiner', () => {
  it('reads a bare hour 1–7 as afternoon', () => {
    expectMentions('послезавтра в 3', 'ru', [{ text: 'послезавтра в 3', start: '2026-11-28T15:00', tag: 'refiner/RUAfternoonHourRefiner' }]);
  });
  it('keeps утра, ночи and a typed leading zero literal', () => {
    expectMentions('завтра в 7 утра', 'ru', [{ text: 'завтра в 7 утра', start: '2026-11-27T07:00' }]);
    expectMentions('завтра в 05:30', 'ru', [{ text: 'завтра в 05:30', start: '2026-11-27T05:30' }]);
    expectMentions('завтра в 8', 'ru', [{ text: 'завтра в 8', start: '2026-11-27T08:00' }]);
  });
});
