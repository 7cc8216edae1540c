import { expectMentions } from '../helpers';

describe('chrono relative parsers through the conventions', () => {
  it('через N часов/минут is a moment; через N дней/неделю a date', () => {
    expectMentions('через 2 часа', 'ru', [{ text: 'через 2 часа', start: '2026-11-26T12:00' }]);
    expectMentions('через 15 минут', 'ru', [{ text: 'через 15 минут', start: '2026-11-26T10:15' }]);
    expectMentions('через 3 дня', 'ru', [{ text: 'через 3 дня', start: '2026-11-29' }]);
    expectMentions('через неделю', 'ru', [{ text: 'через неделю', start: '2026-12-03' }]);
  });
  it('casual days', () => {
    expectMentions('на позапозавчера', 'ru', [{ text: 'на позапозавчера', start: '2026-11-23' }]);
    expectMentions('послепослезавтра', 'ru', [{ text: 'послепослезавтра', start: '2026-11-29' }]);
  });
  it('converts an explicit zone into the user zone', () => {
    expectMentions('в 16:00 CET', 'ru', [{ text: 'в 16:00 CET', start: '2026-11-26T18:00' }]);
  });
});
