/**
 * Portal-time formatting. The sandbox portal lives in Europe/Moscow (UTC+3 all year since 2014),
 * so a fixed offset is exact and keeps output independent of the host's time zone.
 */
export const PORTAL_OFFSET_MINUTES = 180;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function shifted(ms: number, offsetMinutes: number): Date {
  return new Date(ms + offsetMinutes * 60_000);
}

function offsetString(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** `2024-05-01T10:00:00+03:00`, the REST `datetime` type. */
export function isoPortal(ms: number, offsetMinutes = PORTAL_OFFSET_MINUTES): string {
  const d = shifted(ms, offsetMinutes);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${offsetString(offsetMinutes)}`
  );
}

/** A portal's configured site date format: Russian `DD.MM.YYYY HH:MI:SS` or US `MM/DD/YYYY HH:MI:SS am`. */
export type SiteDateFormat = 'ru' | 'us';

/**
 * Site-format dates (calendar fields): `11.12.2024 17:59:00` on a Russian-format portal,
 * `12/11/2024 05:59:00 pm` on a US-format one (calendar-event-get.md shows the latter).
 */
export function siteFormat(ms: number, offsetMinutes = PORTAL_OFFSET_MINUTES, withTime = true, format: SiteDateFormat = 'ru'): string {
  const d = shifted(ms, offsetMinutes);
  if (format === 'us') {
    const date = `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
    const h = d.getUTCHours();
    const h12 = h % 12 === 0 ? 12 : h % 12;
    return withTime ? `${date} ${pad(h12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'am' : 'pm'}` : date;
  }
  const date = `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : date;
}

/**
 * Parses the date forms clients send: ISO with or without offset (no offset = portal time),
 * `YYYY-MM-DD`, `DD.MM.YYYY[ HH:MM[:SS]]`, or unix seconds. Returns epoch ms or undefined.
 */
export function parsePortalDate(v: unknown, offsetMinutes = PORTAL_OFFSET_MINUTES): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v * 1000;
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const s = v.trim();
  if (/^\d{9,11}$/.test(s)) return Number(s) * 1000;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) {
    const utc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    if (m[7]) {
      if (m[7] === 'Z') return utc;
      const sign = m[7][0] === '-' ? -1 : 1;
      const digits = m[7].slice(1).replace(':', '');
      return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    }
    return utc - offsetMinutes * 60_000;
  }
  m = /^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) - offsetMinutes * 60_000;
  return undefined;
}

/** Offset in minutes of an IANA zone at an instant (for `timezone_from`), via Intl. */
export function zoneOffsetMinutes(zone: string, ms: number): number | undefined {
  try {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    const parts = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
    return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  } catch {
    return undefined;
  }
}
