import { expectMentions } from '../helpers';

describe('MarkerRefiner (ru)', () => {
  it('includes the marker and marks deadlines', () => {
    expectMentions('закрыть акты сроком 20 января 2025 года', 'ru', [{ text: 'сроком 20 января 2025 года', start: '2025-01-20', deadline: true }]);
    expectMentions('со сроком на следующий вторник и текстом привет', 'ru', [{ text: 'со сроком на следующий вторник', start: '2026-12-01', deadline: true }]);
    expectMentions('позвонить поставщику завтра', 'ru', [{ text: 'завтра', start: '2026-11-27' }]);
  });
  it('returns a date and a time apart when words stand between them', () => {
    expectMentions('завтра позвонить в 15:00', 'ru', [
      { text: 'завтра', start: '2026-11-27' },
      { text: 'в 15:00', start: '2026-11-26T15:00' },
    ]);
  });
});
