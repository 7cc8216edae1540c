/**
 * Dates as a portal writes them. REST `datetime` values are ISO 8601 with an offset
 * (`2024-11-22T13:58:17+02:00`, api-reference/data-types.md), but "site format" fields — the
 * calendar's DATE_FROM/DATE_TO among them — follow the portal's configured format: Russian
 * `11.12.2024 17:59:00`, US `12/11/2024 05:59:00 pm` (calendar-event-get.md shows the latter),
 * or `2024-12-11 17:59:00`. `readPortalDate` reads all of them into wall-clock parts (plus the
 * offset when the value carries one); it never guesses a day/month order other than the
 * documented ones (dots: day first; slashes: month first, as the US example).
 */
export interface PortalWall {
  /** "YYYY-MM-DD" */
  date: string;
  /** "HH:MM:SS" (24 h) when the value has a time. */
  time?: string;
  /** Minutes east of UTC when the value names its offset. */
  offsetMinutes?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

function wall(y: number, mo: number, d: number, t?: [number, number, number]): PortalWall | null {
  if (!valid(y, mo, d, ...(t ?? [0, 0, 0]))) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  return t ? { date, time: `${pad(t[0])}:${pad(t[1])}:${pad(t[2])}` } : { date };
}

/** One portal date in any documented format → wall-clock parts; null when it is none of them. */
export function readPortalDate(value: unknown): PortalWall | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  // ISO / SQL: 2024-12-11T17:59:00+02:00, 2024-12-11 17:59:00, 2024-12-11
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(v);
  if (m) {
    const w = wall(+m[1]!, +m[2]!, +m[3]!, m[4] ? [+m[4], +m[5]!, +(m[6] ?? 0)] : undefined);
    if (!w || !m[7]) return w;
    const z = m[7].toUpperCase();
    const digits = z.slice(1).replace(':', '');
    return { ...w, offsetMinutes: z === 'Z' ? 0 : (z[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) };
  }
  // Russian site format: 11.12.2024[ 17:59[:00]]
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (m) return wall(+m[3]!, +m[2]!, +m[1]!, m[4] ? [+m[4], +m[5]!, +(m[6] ?? 0)] : undefined);
  // US site format: 12/11/2024[ 05:59[:00][ pm]]
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i.exec(v);
  if (m) {
    if (!m[4]) return wall(+m[3]!, +m[1]!, +m[2]!);
    let h = +m[4];
    const ampm = m[7]?.toLowerCase().replace(/\./g, '');
    if (ampm) {
      if (h < 1 || h > 12) return null;
      h = ampm === 'pm' ? (h % 12) + 12 : h % 12;
    }
    return wall(+m[3]!, +m[1]!, +m[2]!, [h, +m[5]!, +(m[6] ?? 0)]);
  }
  return null;
}
