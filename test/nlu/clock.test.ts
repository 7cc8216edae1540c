import { instantOfWallTime, parseWallTime, wallTimeAt } from '../../src/nlu/clock';

describe('clock', () => {
  it('finds the instant of a wall time in a zone, whatever the process zone is', () => {
    const d = instantOfWallTime({ year: 2026, month: 11, day: 26, hour: 10, minute: 0 }, 'Europe/Moscow');
    expect(d.toISOString()).toBe('2026-11-26T07:00:00.000Z');
    const g = instantOfWallTime({ year: 2013, month: 2, day: 12, hour: 4, minute: 30 }, 'Etc/GMT+2');
    expect(g.toISOString()).toBe('2013-02-12T06:30:00.000Z');
  });
  it('handles a zone with daylight saving on both sides of the change', () => {
    const summer = instantOfWallTime({ year: 2026, month: 7, day: 1, hour: 12, minute: 0 }, 'America/New_York');
    const winter = instantOfWallTime({ year: 2026, month: 12, day: 1, hour: 12, minute: 0 }, 'America/New_York');
    expect(summer.toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(winter.toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });
  it('reads the wall clock back', () => {
    expect(wallTimeAt(new Date('2026-11-26T21:30:00Z'), 'Asia/Tokyo')).toMatchObject({ year: 2026, month: 11, day: 27, hour: 6, minute: 30 });
  });
  it('parses wall-time strings and refuses malformed ones', () => {
    expect(parseWallTime('2026-11-26T10:00')).toEqual({ year: 2026, month: 11, day: 26, hour: 10, minute: 0 });
    expect(parseWallTime('2026-11-26')).toEqual({ year: 2026, month: 11, day: 26, hour: 0, minute: 0 });
    expect(parseWallTime('2026-13-01')).toBeNull();
    expect(parseWallTime('tomorrow')).toBeNull();
  });
});
