import { localToOffsetIso, localToWall, offsetMinutes } from '../../src/bitrix/time';

describe('localToOffsetIso', () => {
  it('adds the zone offset of that date', () => {
    expect(localToOffsetIso('2026-12-01T13:15', 'Europe/Moscow')).toBe('2026-12-01T13:15:00+03:00');
    expect(localToOffsetIso('2026-07-01T09:00', 'Europe/Berlin')).toBe('2026-07-01T09:00:00+02:00');
    expect(localToOffsetIso('2026-01-01T09:00', 'Europe/Berlin')).toBe('2026-01-01T09:00:00+01:00');
    expect(localToOffsetIso('2026-03-01T09:30', 'America/St_Johns')).toBe('2026-03-01T09:30:00-03:30');
    expect(localToOffsetIso('2026-12-01', 'Asia/Yekaterinburg', 12)).toBe('2026-12-01T12:00:00+05:00');
  });
  it('settles on the later offset inside a DST gap', () => {
    // 2026-03-29 02:30 does not exist in Berlin (clocks jump 02:00 → 03:00)
    expect(localToOffsetIso('2026-03-29T02:30', 'Europe/Berlin')).toMatch(/\+0[12]:00$/);
  });
  it('rejects bad dates and zones', () => {
    expect(() => localToOffsetIso('2026-02-30', 'Europe/Moscow')).toThrow(/real date/);
    expect(() => localToOffsetIso('tomorrow', 'Europe/Moscow')).toThrow(/local date/);
    expect(() => localToOffsetIso('2026-02-03T25:00', 'Europe/Moscow')).toThrow(/real time/);
    expect(() => localToOffsetIso('2026-02-03', 'Nowhere/City')).toThrow(/IANA/);
  });
  it('offsetMinutes agrees with known zones', () => {
    expect(offsetMinutes('UTC', Date.UTC(2026, 0, 1))).toBe(0);
    expect(offsetMinutes('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(330);
  });
});

describe('localToWall', () => {
  it('gives wall time or a date for all-day', () => {
    expect(localToWall('2026-12-01T13:15', 'Europe/Moscow', false)).toBe('2026-12-01T13:15:00');
    expect(localToWall('2026-12-01T13:15', 'Europe/Moscow', true)).toBe('2026-12-01');
    expect(localToWall('2026-12-01', 'Europe/Moscow', false)).toBe('2026-12-01T00:00:00');
  });
});
