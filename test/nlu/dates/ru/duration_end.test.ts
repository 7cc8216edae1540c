import { expectMentions, expectNone } from '../helpers';

describe('RUDurationParser + RUDurationEndRefiner', () => {
  it('makes the end the start plus the duration', () => {
    expectMentions('в четверг в 15:00 на 2 часа', 'ru', [{ text: 'в четверг в 15:00 на 2 часа', start: '2026-12-03T15:00', end: '2026-12-03T17:00', tag: 'refiner/RUDurationEndRefiner' }]);
    expectMentions('в следующий вторник в половине третьего на полчаса', 'ru', [{ text: 'в следующий вторник в половине третьего на полчаса', start: '2026-12-01T14:30', end: '2026-12-01T15:00' }]);
    expectMentions('завтра в 23:00 на полтора часа', 'ru', [{ text: 'завтра в 23:00 на полтора часа', start: '2026-11-27T23:00', end: '2026-11-28T00:30' }]);
  });
  it('near misses: a duration with no time before it', () => {
    expectNone('на полтора часа', 'ru');
  });
});
