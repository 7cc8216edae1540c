/** Wall-clock time in a zone, without the process's own zone ever leaking in. */

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Is `timeZone` a zone this runtime knows? */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const recent = new Map<string, WallTime & { second: number }>();

/** The wall clock in `timeZone` at `instant`. */
export function wallTimeAt(instant: Date, timeZone: string): WallTime & { second: number } {
  // A turn asks for the same few instants many times; formatToParts is the costly part, so the
  // latest answers are kept (a copy is returned, callers may change theirs).
  const key = `${timeZone}\u0000${instant.getTime()}`;
  const hit = recent.get(key);
  if (hit) return { ...hit };
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
  if (recent.size >= 512) recent.clear();
  recent.set(key, wall);
  return { ...wall };
}

/** The instant at which the wall clock in `timeZone` shows `wall` (the earlier one in a DST overlap). */
export function instantOfWallTime(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Two passes converge for every real zone offset change.
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const w = wallTimeAt(new Date(guess), timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    const diff = shown - asUtc;
    if (diff === 0) break;
    guess -= diff;
  }
  return new Date(guess);
}

/** Parse "2026-11-26T10:00" (local wall time, seconds optional) into its parts; null if malformed. */
export function parseWallTime(s: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(s.trim());
  if (!m) return null;
  const w = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: m[4] ? +m[4] : 0, minute: m[5] ? +m[5] : 0 };
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31 || w.hour > 23 || w.minute > 59) return null;
  return w;
}
