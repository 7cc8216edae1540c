/**
 * Wall-clock arithmetic. `now` is an instant; everything the extractor returns is local to the
 * user's zone. We convert once with Intl and then work on civil dates (UTC-based Date used as a
 * calendar), so the server's own zone never enters the result.
 */

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number;
}

export interface WallClock extends CivilDate {
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError for an invalid instant or an unknown zone (cheap: formatters are cached). */
export function checkMoment(instant: Date, timeZone: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('now must be a valid Date');
  }
  formatterFor(timeZone);
}

/**
 * The last answer, per UTC minute: formatToParts is the costly part, and every turn of the same
 * minute has the same wall clock. Exact since 1980: every zone's offset has been a whole number
 * of minutes since the early 1970s (older local mean times, like Monrovia's −0:44:30, were not).
 */
let last: { zone: string; minute: number; wall: WallClock } | undefined;
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1980, 0, 1);

/** The wall clock in `timeZone` at `instant`. Throws RangeError for an unknown zone or invalid instant. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  checkMoment(instant, timeZone);
  const ms = instant.getTime();
  const minute = ms >= WHOLE_MINUTE_OFFSETS_SINCE ? Math.floor(ms / 60_000) : NaN; // NaN never matches
  if (last && last.minute === minute && last.zone === timeZone) return { ...last.wall };
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
  last = { zone: timeZone, minute, wall };
  return { ...wall };
}

/** The instant at which a wall clock given with a fixed UTC offset (minutes east) occurs. */
export function instantAtOffset(w: WallClock, offsetMinutes: number): Date {
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - offsetMinutes * 60000);
}

function toUtc(d: CivilDate): Date {
  const date = new Date(Date.UTC(2000, d.month - 1, d.day));
  date.setUTCFullYear(d.year);
  return date;
}

function fromUtc(date: Date): CivilDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CivilDate, days: number): CivilDate {
  const date = toUtc(d);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(d: CivilDate): number {
  const w = toUtc(d).getUTCDay();
  return w === 0 ? 7 : w;
}

export function isValidCivil(d: CivilDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return false;
  const back = fromUtc(toUtc(d));
  return back.year === d.year && back.month === d.month && back.day === d.day;
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Add minutes to a wall clock, rolling the date over as needed. */
export function addMinutes(w: WallClock, minutes: number): WallClock {
  const t = toUtc(w).getTime() + (w.hour * 60 + w.minute + minutes) * 60000;
  const date = new Date(t);
  return { ...fromUtc(date), hour: date.getUTCHours(), minute: date.getUTCMinutes() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatDateTime(w: WallClock): string {
  return `${formatDate(w)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * A system-local Date whose local components equal the wall clock: chrono reads its reference
 * with local getters, so this makes chrono see the user's wall clock whatever the server's zone.
 */
export function chronoReference(w: WallClock): Date {
  const d = new Date(2000, 0, 1, 0, 0, 0, 0);
  d.setFullYear(w.year, w.month - 1, w.day);
  d.setHours(w.hour, w.minute, 0, 0);
  return d;
}

/** The wall clock chrono's reference stands for (inverse of chronoReference). */
export function wallClockOfReference(ref: Date): WallClock {
  return { year: ref.getFullYear(), month: ref.getMonth() + 1, day: ref.getDate(), hour: ref.getHours(), minute: ref.getMinutes() };
}
