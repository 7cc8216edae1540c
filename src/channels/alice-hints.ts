/**
 * Alice's named entities (`request.nlu.entities`) → `Turn.hints`. YANDEX.NUMBER is a bare number,
 * YANDEX.FIO an object of lower-cased name parts, YANDEX.DATETIME an object of absolute or relative
 * calendar fields (`day: 1, day_is_relative: true` = tomorrow), resolved here against the user's
 * wall clock into the parser's local-time strings ("2026-12-01" or "2026-12-01T13:15").
 */
import type { TurnHints } from '../dialog/types';
import { isObject } from './http';

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall clock in `timeZone` at `now`. */
export function wallClock(now: Date, timeZone: string): Wall {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** One YANDEX.DATETIME value → a local date or date-time; undefined when it says nothing usable. */
export function resolveAliceDatetime(value: unknown, now: Date, timeZone: string): string | undefined {
  if (!isObject(value)) return undefined;
  const num = (k: string) => (typeof value[k] === 'number' && Number.isFinite(value[k]) ? (value[k] as number) : undefined);
  const rel = (k: string) => value[`${k}_is_relative`] === true;
  const fields = ['year', 'month', 'day', 'hour', 'minute'] as const;
  if (!fields.some((f) => num(f) !== undefined)) return undefined;
  const w = wallClock(now, timeZone);
  // Build in a UTC scratch date so month/day overflow normalises itself.
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute));
  let timeSaid = false;
  for (const f of fields) {
    const v = num(f);
    if (v === undefined) continue;
    const relative = rel(f);
    if (f === 'hour' || f === 'minute') timeSaid = true;
    switch (f) {
      case 'year':
        if (relative) d.setUTCFullYear(d.getUTCFullYear() + v);
        else d.setUTCFullYear(v);
        break;
      case 'month':
        if (relative) d.setUTCMonth(d.getUTCMonth() + v);
        else d.setUTCMonth(v - 1);
        break;
      case 'day':
        if (relative) d.setUTCDate(d.getUTCDate() + v);
        else d.setUTCDate(v);
        break;
      case 'hour':
        if (relative) d.setUTCHours(d.getUTCHours() + v);
        else d.setUTCHours(v, num('minute') === undefined ? 0 : d.getUTCMinutes());
        break;
      case 'minute':
        if (relative) d.setUTCMinutes(d.getUTCMinutes() + v);
        else d.setUTCMinutes(v);
        break;
    }
  }
  // An absolute month without a day ("в декабре") means its first day.
  if (num('month') !== undefined && !rel('month') && num('day') === undefined) d.setUTCDate(1);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return timeSaid ? `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}

/** `request.nlu.entities` → hints; unknown or malformed entities are skipped. */
export function aliceHints(entities: unknown, now: Date, timeZone: string): TurnHints | undefined {
  if (!Array.isArray(entities)) return undefined;
  const hints: TurnHints = {};
  for (const e of entities) {
    if (!isObject(e)) continue;
    const v = e.value;
    switch (e.type) {
      case 'YANDEX.NUMBER':
        if (typeof v === 'number' && Number.isFinite(v)) (hints.numbers ??= []).push(v);
        break;
      case 'YANDEX.FIO':
        if (isObject(v)) {
          const name: NonNullable<TurnHints['names']>[number] = {};
          if (typeof v.first_name === 'string') name.firstName = v.first_name;
          if (typeof v.last_name === 'string') name.lastName = v.last_name;
          if (typeof v.patronymic_name === 'string') name.patronymicName = v.patronymic_name;
          if (Object.keys(name).length) (hints.names ??= []).push(name);
        }
        break;
      case 'YANDEX.DATETIME': {
        const local = resolveAliceDatetime(v, now, timeZone);
        if (local) (hints.datetimes ??= []).push(local);
        break;
      }
      default:
        break;
    }
  }
  return Object.keys(hints).length ? hints : undefined;
}
