/**
 * Local wall time + IANA zone → what Bitrix24 wants. Tasks take ISO 8601 with the user's offset
 * (an offset-less DEADLINE would be read in the portal's zone, not the user's); calendar events
 * take wall time plus timezone_from/timezone_to.
 */
import { BitrixApiError } from './errors';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function bad(description: string): never {
  throw new BitrixApiError({ method: 'time', code: 'BAD_ARGUMENT', status: 0, description });
}

function parts(local: string): { y: number; mo: number; d: number; h?: number; mi?: number; s?: number } {
  const m = typeof local === 'string' ? LOCAL.exec(local) : null;
  if (!m) bad(`"${String(local)}" is not a local date or date-time (YYYY-MM-DD[THH:MM])`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) bad(`"${local}" is not a real date`);
  if (m[4] === undefined) return { y, mo, d };
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) bad(`"${local}" is not a real time`);
  return { y, mo, d, h, mi, s };
}

function checkZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    bad(`"${zone}" is not an IANA time zone`);
  }
}

/** The zone's offset from UTC at instant `utcMs`, in minutes. */
export function offsetMinutes(zone: string, utcMs: number): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** "2026-12-01T13:15" in Europe/Moscow → "2026-12-01T13:15:00+03:00"; a bare date gets `defaultHour`. */
export function localToOffsetIso(local: string, zone: string, defaultHour = 12): string {
  checkZone(zone);
  const t = parts(local);
  const h = t.h ?? defaultHour;
  const mi = t.mi ?? 0;
  const s = t.s ?? 0;
  const wall = Date.UTC(t.y, t.mo - 1, t.d, h, mi, s);
  // Two passes settle the offset around DST changes (a wall time in a gap moves forward).
  let off = offsetMinutes(zone, wall);
  off = offsetMinutes(zone, wall - off * 60_000);
  const sign = off < 0 ? '-' : '+';
  return `${t.y}-${pad(t.mo)}-${pad(t.d)}T${pad(h)}:${pad(mi)}:${pad(s)}${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}

/** Wall time for calendar.event.add: "2026-12-01T13:15:00", or "2026-12-01" when all-day. */
export function localToWall(local: string, zone: string, allDay: boolean): string {
  checkZone(zone);
  const t = parts(local);
  const date = `${t.y}-${pad(t.mo)}-${pad(t.d)}`;
  if (allDay) return date;
  return `${date}T${pad(t.h ?? 0)}:${pad(t.mi ?? 0)}:${pad(t.s ?? 0)}`;
}
