import { wallClockAt } from '../../../src/nlu/dates/clock';

describe('wallClockAt', () => {
  it('answers every instant of a minute alike and the next minute anew, across a DST change', () => {
    // New York springs forward at 2026-03-08 07:00 UTC: 01:59 EST is followed by 03:00 EDT.
    const zone = 'America/New_York';
    expect(wallClockAt(new Date('2026-03-08T06:59:00.000Z'), zone)).toEqual({ year: 2026, month: 3, day: 8, hour: 1, minute: 59 });
    expect(wallClockAt(new Date('2026-03-08T06:59:59.999Z'), zone)).toEqual({ year: 2026, month: 3, day: 8, hour: 1, minute: 59 });
    expect(wallClockAt(new Date('2026-03-08T07:00:00.000Z'), zone)).toEqual({ year: 2026, month: 3, day: 8, hour: 3, minute: 0 });
    // The same minute in another zone is its own answer.
    expect(wallClockAt(new Date('2026-03-08T07:00:30.000Z'), 'Europe/Moscow')).toEqual({ year: 2026, month: 3, day: 8, hour: 10, minute: 0 });
  });

  it('hands out a copy: changing one answer does not change the next', () => {
    const a = wallClockAt(new Date('2026-11-28T10:00:00Z'), 'UTC');
    a.hour = 23;
    expect(wallClockAt(new Date('2026-11-28T10:00:10Z'), 'UTC').hour).toBe(10);
  });

  it('keeps the seconds of an old local mean time (Monrovia −0:44:30 until 1972)', () => {
    // 1960-01-01T00:44:00Z is 23:59:30 local; thirty seconds later it is 00:00 the next day.
    expect(wallClockAt(new Date('1960-01-01T00:44:00Z'), 'Africa/Monrovia')).toMatchObject({ day: 31, hour: 23, minute: 59 });
    expect(wallClockAt(new Date('1960-01-01T00:44:40Z'), 'Africa/Monrovia')).toMatchObject({ day: 1, hour: 0, minute: 0 });
  });
});
