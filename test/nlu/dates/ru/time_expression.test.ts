import { expectMentions, expectNone } from '../helpers';

describe('RUTimeExpressionParser', () => {
  it('reads digit times: today if ahead, else tomorrow', () => {
    expectMentions('в 15:00', 'ru', [{ text: 'в 15:00', start: '2026-11-26T15:00', tag: 'parser/RUTimeExpressionParser' }]);
    expectMentions('в 9:00', 'ru', [{ text: 'в 9:00', start: '2026-11-27T09:00' }]);
    expectMentions('в 9', 'ru', [{ text: 'в 9', start: '2026-11-27T09:00' }]);
    expectMentions('на 9:30 - 11:00', 'ru', [{ text: 'на 9:30 - 11:00', start: '2026-11-27T09:30', end: '2026-11-27T11:00' }]);
  });
  it('near misses', () => {
    expectNone('в два раза больше', 'ru');
    expectNone('в 2 раза', 'ru');
    expectNone('лид 4521', 'ru');
  });
});
