/** Russian forms found in the held-out set (docs/nlu-heldout.md); reference Thu 2026-11-26 10:00. */
import { extractor, ctx, expectNone } from '../helpers';

const one = (text: string, lang: 'ru' | 'en' = 'ru') => {
  const got = extractor.extract(text, ctx(lang));
  return got.map((m) => ({ text: m.text, start: m.start, end: m.end, allDay: m.allDay }));
};

describe('spoken clock times in words (RUSpokenClockWordsParser)', () => {
  it.each([
    ['в пятнадцать тридцать', '2026-11-26T15:30'],
    ['завтра в девять сорок пять', '2026-11-27T09:45'],
    ['на завтра на пятнадцать ноль ноль', '2026-11-27T15:00'],
    ['к десяти тридцати', '2026-11-26T10:30'],
    ['в три двадцать', '2026-11-26T15:20'],
    ['в двадцать три пятнадцать', '2026-11-26T23:15'],
  ])('%s', (text, start) => {
    expect(one(text)).toEqual([{ text, start, end: undefined, allDay: undefined }]);
  });
  it('near misses', () => {
    expectNone('в два раза больше', 'ru');
    expectNone('в три этапа', 'ru');
  });
});

describe('moments counted from now (RURelativeMomentParser)', () => {
  it.each([
    ['через полтора часа', '2026-11-26T11:30'],
    ['через полчаса', '2026-11-26T10:30'],
    ['через сорок минут', '2026-11-26T10:40'],
    ['через час двадцать', '2026-11-26T11:20'],
    ['через 2 часа 15 минут', '2026-11-26T12:15'],
  ])('%s', (text, start) => {
    expect(one(text)).toEqual([{ text, start, end: undefined, allDay: undefined }]);
  });
  it('days stay dates', () => {
    expect(one('через три дня')[0]!.start).toBe('2026-11-29');
  });
});

describe('an hour right after a date', () => {
  it('whatever follows it', () => {
    expect(one('в понедельник в десять подписать акт')[0]).toMatchObject({ text: 'в понедельник в десять', start: '2026-11-30T10:00' });
    expect(one('завтра в три созвон')[0]).toMatchObject({ start: '2026-11-27T15:00' });
    expect(one('на завтра на 11')[0]).toMatchObject({ start: '2026-11-27T11:00' });
  });
  it('"на" + a number with no date before is no time', () => {
    expect(one('в пятницу на 2 человека')).toEqual([{ text: 'в пятницу', start: '2026-11-27', end: undefined, allDay: undefined }]);
    expectNone('купить на 2 тысячи', 'ru');
  });
});

describe('more phrasings', () => {
  it('next week then the weekday', () => {
    expect(one('на следующей неделе во вторник в девять утра')[0]).toMatchObject({ start: '2026-12-01T09:00' });
  });
  it('a duration before its time', () => {
    expect(one('на полчаса через два часа')[0]).toMatchObject({ start: '2026-11-26T12:00', end: '2026-11-26T12:30' });
    expect(one('на час в три')[0]).toMatchObject({ start: '2026-11-26T15:00', end: '2026-11-26T16:00' });
  });
  it('ranges to a half hour and from one o\'clock', () => {
    expect(one('послезавтра с трех до половины пятого')[0]).toMatchObject({ start: '2026-11-28T15:00', end: '2026-11-28T16:30' });
    expect(one('с часу до двух')[0]).toMatchObject({ start: '2026-11-26T13:00', end: '2026-11-26T14:00' });
  });
  it('day parts as deadlines', () => {
    expect(one('к полудню')[0]).toMatchObject({ start: '2026-11-26T12:00' });
    expect(one('до обеда')[0]).toMatchObject({ start: '2026-11-26T13:00' });
  });
  it('"на 17 часов" is an hour, "на 2 часа" a length', () => {
    expect(one('на 17 часов')[0]).toMatchObject({ start: '2026-11-26T17:00' });
    expect(one('в 15:00 на 2 часа')[0]).toMatchObject({ start: '2026-11-26T15:00', end: '2026-11-26T17:00' });
  });
  it('a day of the month before "весь день"', () => {
    expect(one('двадцать пятого весь день')[0]).toMatchObject({ start: '2026-12-25', allDay: true });
  });
  it('a recurrence word joins its first date', () => {
    expect(one('совещание каждую пятницу')[0]).toMatchObject({ text: 'каждую пятницу', start: '2026-11-27' });
  });
});

describe('English additions', () => {
  it('day parts after a date, next week, digit ordinals, no colon, duration first', () => {
    expect(one('tomorrow morning', 'en')[0]).toMatchObject({ start: '2026-11-27T09:00' });
    expectNone('the morning report', 'en');
    expect(one('by next week', 'en')[0]).toMatchObject({ start: '2026-11-30' });
    expect(one('on the 30th at 11', 'en')[0]).toMatchObject({ start: '2026-11-30T11:00' });
    expect(one('tomorrow at 9 30 am', 'en')[0]).toMatchObject({ start: '2026-11-27T09:30' });
    expect(one('for thirty minutes at four pm tomorrow', 'en')[0]).toMatchObject({ start: '2026-11-27T16:00', end: '2026-11-27T16:30' });
  });
});

describe('a duration a few words after its time', () => {
  it('ends the time, and the mention keeps the time\'s own span', () => {
    expect(one('завтра в одиннадцать тридцать с сергеем ивановым на час')).toEqual([
      { text: 'завтра в одиннадцать тридцать', start: '2026-11-27T11:30', end: '2026-11-27T12:30', allDay: undefined },
    ]);
  });
});
