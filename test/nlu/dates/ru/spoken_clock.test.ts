import { expectMentions, expectNone } from '../helpers';

describe('RUSpokenClockParser', () => {
  it('reads hour and minutes without a colon', () => {
    expectMentions('на следующую среду в 11 30', 'ru', [{ text: 'на следующую среду в 11 30', start: '2026-12-02T11:30', tag: 'parser/RUSpokenClockParser' }]);
    expectMentions('в 13 15', 'ru', [{ text: 'в 13 15', start: '2026-11-26T13:15' }]);
    expectMentions('в 5 30', 'ru', [{ text: 'в 5 30', start: '2026-11-26T17:30' }]);
  });
  it('near misses', () => {
    expectNone('дом 13 15', 'ru');
  });
});
