import { expectMentions, expectNone } from '../helpers';

describe('RUNumberWordsTimeParser', () => {
  it('reads an hour word after a preposition', () => {
    expectMentions('в среду в десять', 'ru', [{ text: 'в среду в десять', start: '2026-12-02T10:00', tag: 'parser/RUNumberWordsTimeParser' }]);
    expectMentions('с двух до четырёх', 'ru', [{ text: 'с двух до четырёх', start: '2026-11-26T14:00', end: '2026-11-26T16:00' }]);
  });
  it('near misses', () => {
    expectNone('опаздываю минут на десять', 'ru');
    expectNone('оцени лид номер триста двенадцать', 'ru');
    expectNone('в два раза', 'ru');
  });
});
