/**
 * `calendar.event.*`. Errors come with an empty `error` code and a description, as the docs show.
 * Dates are returned in site format (`DD.MM.YYYY HH:MM:SS`) in the event's own zone, with the
 * UTC timestamps alongside (`DATE_FROM_TS_UTC`).
 */
import { RestError } from '../errors';
import { parsePortalDate, siteFormat, zoneOffsetMinutes, PORTAL_OFFSET_MINUTES } from '../dates';
import { asList } from '../php-query';
import type { CalendarRow, Portal } from '../portal';
import { PORTAL_TIME_ZONE } from '../portal';
import { int, isYes, param, str, type CallContext, type MethodDef } from './types';

const bad = (d: string) => new RestError('', d, 400);
const TYPES = ['user', 'group', 'company_calendar'];
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/** Parses `from`/`to`: an explicit offset wins, otherwise the value is wall time in `zone`. */
function instant(v: unknown, zone: string): number | undefined {
  if (typeof v === 'string' && !HAS_OFFSET.test(v.trim()) && !/^\d+$/.test(v.trim())) {
    const naive = parsePortalDate(v, 0);
    if (naive === undefined) return undefined;
    const off = zoneOffsetMinutes(zone, naive) ?? PORTAL_OFFSET_MINUTES;
    return naive - off * 60_000;
  }
  return parsePortalDate(v);
}

function eventOut(portal: Portal, row: CalendarRow): Record<string, unknown> {
  const fromMs = Number(row.fromMs);
  const toMs = Number(row.toMs);
  const skip = row.DT_SKIP_TIME === 'Y';
  const offFrom = zoneOffsetMinutes(str(row.TZ_FROM), fromMs) ?? PORTAL_OFFSET_MINUTES;
  const offTo = zoneOffsetMinutes(str(row.TZ_TO), toMs) ?? PORTAL_OFFSET_MINUTES;
  const attendees = (row.attendees as number[]) ?? [];
  const host = portal.user(Number(row.OWNER_ID));
  const { fromMs: _f, toMs: _t, attendees: _a, ...rest } = row;
  return {
    ...rest,
    ID: String(row.ID), PARENT_ID: String(row.ID),
    DATE_FROM: siteFormat(fromMs, skip ? 0 : offFrom, !skip, portal.opts.dateFormat), DATE_TO: siteFormat(toMs, skip ? 0 : offTo, !skip, portal.opts.dateFormat),
    TZ_OFFSET_FROM: String(offFrom * 60), TZ_OFFSET_TO: String(offTo * 60),
    DATE_FROM_TS_UTC: String(Math.floor(fromMs / 1000)), DATE_TO_TS_UTC: String(Math.floor(toMs / 1000)),
    DT_LENGTH: Math.round((toMs - fromMs) / 1000),
    ATTENDEES_CODES: row.IS_MEETING ? attendees.map((a) => `U${a}`) : [`U${row.OWNER_ID}`],
    ATTENDEE_LIST: row.IS_MEETING ? attendees.map((a) => ({ id: a, entryId: String(row.ID), status: a === Number(row.MEETING_HOST) ? 'H' : 'Q' })) : [],
    MEETING: row.IS_MEETING ? { HOST_NAME: host ? `${host.name} ${host.lastName}` : '', NOTIFY: true, REINVITE: false, ALLOW_INVITE: false, HIDE_GUESTS: false, MEETING_CREATOR: Number(row.CREATED_BY) } : undefined,
  };
}

/**
 * Who may change an event: its organiser (the meeting host, else its creator), the owner of the
 * calendar it is in, or a portal administrator — anyone else gets "Access denied", as a
 * participant does in the portal's own calendar.
 */
function mayChange(c: CallContext, row: CalendarRow): boolean {
  const organiser = Number(row.MEETING_HOST ?? 0) || Number(row.CREATED_BY);
  return c.userId === organiser || (row.CAL_TYPE === 'user' && c.userId === Number(row.OWNER_ID)) || c.portal.user(c.userId)?.admin === true;
}

export const calendarMethods: Record<string, MethodDef> = {
  'calendar.event.add': {
    scope: 'calendar',
    handler: (c: CallContext) => {
      const type = str(param(c, 'type'));
      if (!TYPES.includes(type)) throw bad('The required parameter "type" for the method "calendar.event.add" is not set');
      const ownerRaw = param(c, 'ownerId');
      const ownerId = type === 'company_calendar' ? int(ownerRaw) ?? 0 : int(ownerRaw);
      if (ownerId === undefined) throw bad('The required parameter "ownerId" for the method "calendar.event.add" is not set');
      if (type === 'user' && !c.portal.user(ownerId)) throw bad('Access denied');
      // Documented "Доступ запрещен": events in another user's calendar only for an administrator.
      if (type === 'user' && ownerId !== c.userId && !c.portal.user(c.userId)?.admin) throw bad('Доступ запрещен');
      const name = str(param(c, 'name')).trim();
      if (!name) throw bad('The required parameter "name" for the method "calendar.event.add" is not set');
      if (!str(param(c, 'section')) && !isYes(param(c, 'auto_detect_section')))
        throw bad('The required parameter "section" for the method "calendar.event.add" is not set');
      const caller = c.portal.user(c.userId);
      const tzFrom = str(param(c, 'timezone_from')) || caller?.timeZone || PORTAL_TIME_ZONE;
      const tzTo = str(param(c, 'timezone_to')) || str(param(c, 'timezone_from')) || tzFrom;
      if (zoneOffsetMinutes(tzFrom, 0) === undefined || zoneOffsetMinutes(tzTo, 0) === undefined) throw bad('Invalid time zone');
      const skip = isYes(param(c, 'skip_time'));
      const fromRaw = param(c, 'from') ?? param(c, 'from_ts');
      const toRaw = param(c, 'to') ?? param(c, 'to_ts');
      if (fromRaw === undefined || fromRaw === '') throw bad('The required parameter "from" for the method "calendar.event.add" is not set');
      if (toRaw === undefined || toRaw === '') throw bad('The required parameter "to" for the method "calendar.event.add" is not set');
      let fromMs = skip ? parsePortalDate(str(fromRaw).slice(0, 10), 0) : instant(fromRaw, tzFrom);
      let toMs = skip ? parsePortalDate(str(toRaw).slice(0, 10), 0) : instant(toRaw, tzTo);
      if (fromMs === undefined) throw bad('Invalid value of parameter "from"');
      if (toMs === undefined) throw bad('Invalid value of parameter "to"');
      if (toMs < fromMs) throw bad('The end date of the event must be later than the start date');
      if (skip) toMs = Math.max(toMs, fromMs);
      fromMs = Math.floor(fromMs);
      const isMeeting = isYes(param(c, 'is_meeting'));
      const attendees = asList(param(c, 'attendees')).map((a) => int(a)).filter((a): a is number => a !== undefined);
      for (const a of attendees) if (!c.portal.user(a)) throw bad(`User ${a} not found`);
      const id = c.portal.nextId('calendar', 1000);
      const row: CalendarRow = {
        ID: id, DELETED: 'N', CAL_TYPE: type, OWNER_ID: String(ownerId), NAME: name,
        TZ_FROM: tzFrom, TZ_TO: tzTo, DT_SKIP_TIME: skip ? 'Y' : 'N', EVENT_TYPE: null, CREATED_BY: String(c.userId),
        DESCRIPTION: str(param(c, 'description')), PRIVATE_EVENT: isYes(param(c, 'private_event')) ? '1' : '',
        ACCESSIBILITY: str(param(c, 'accessibility')) || 'busy', IMPORTANCE: str(param(c, 'importance')) || 'normal',
        IS_MEETING: isMeeting, MEETING_STATUS: isMeeting ? 'H' : null, MEETING_HOST: isMeeting ? String(c.userId) : null,
        LOCATION: str(param(c, 'location')), COLOR: str(param(c, 'color')) || '#9dcf00', REMIND: param(c, 'remind') ?? [],
        SECTION_ID: str(param(c, 'section')) || String(ownerId + 1), UF_CRM_CAL_EVENT: asList(param(c, 'crm_fields')).map(str),
        fromMs, toMs, attendees: isMeeting ? [...new Set([c.userId, ...attendees])] : [],
      };
      c.portal.calendar.set(id, row);
      return id;
    },
  },
  'calendar.event.getbyid': {
    scope: 'calendar',
    handler: (c) => {
      const id = int(param(c, 'id'));
      if (id === undefined) throw bad('The required parameter "id" for the method "calendar.event.getbyid" is not set');
      const row = c.portal.calendar.get(id);
      if (!row) return null;
      return eventOut(c.portal, row);
    },
  },
  'calendar.event.get': {
    scope: 'calendar',
    handler: (c) => {
      const type = str(param(c, 'type'));
      if (!TYPES.includes(type)) throw bad('The required parameter "type" for the method "calendar.event.get" is not set');
      const ownerId = int(param(c, 'ownerId')) ?? (type === 'company_calendar' ? 0 : undefined);
      if (ownerId === undefined) throw bad('The required parameter "ownerId" for the method "calendar.event.get" is not set');
      const now = c.now();
      const from = parsePortalDate(param(c, 'from')) ?? now - 30 * 86400_000;
      const to = parsePortalDate(param(c, 'to')) ?? now + 90 * 86400_000;
      return c.portal.calendar.values()
        .filter((r) => r.CAL_TYPE === type && (Number(r.OWNER_ID) === ownerId || (type === 'user' && (r.attendees as number[]).includes(ownerId))))
        .filter((r) => Number(r.toMs) >= from && Number(r.fromMs) <= to + 86400_000)
        .sort((a, b) => Number(a.fromMs) - Number(b.fromMs) || a.ID - b.ID)
        .map((r) => eventOut(c.portal, r));
    },
  },
  'calendar.event.delete': {
    scope: 'calendar',
    handler: (c) => {
      const id = int(param(c, 'id'));
      const row = id === undefined ? undefined : c.portal.calendar.get(id);
      if (id === undefined || !row) throw bad('Event not found');
      if (!mayChange(c, row)) throw bad('Access denied');
      c.portal.calendar.delete(id);
      return true;
    },
  },
  // calendar.event.update: id, type, ownerId, name and section required (calendar-event-update.md);
  // from/to (or from_ts/to_ts), skip_time, timezone_from/to as for calendar.event.add; returns the id.
  'calendar.event.update': {
    scope: 'calendar',
    handler: (c) => {
      const required = (k: string) => {
        const v = param(c, k);
        if (v === undefined || v === '') throw bad(`The required parameter "${k}" for the method "calendar.event.update" is not set`);
        return v;
      };
      const id = int(required('id'));
      const type = str(required('type'));
      if (!TYPES.includes(type)) throw bad('The required parameter "type" for the method "calendar.event.update" is not set');
      const ownerId = int(required('ownerId'));
      const name = str(required('name')).trim();
      if (!name) throw bad('The required parameter "name" for the method "calendar.event.update" is not set');
      const section = str(required('section'));
      const row = id === undefined ? undefined : c.portal.calendar.get(id);
      if (!row || row.CAL_TYPE !== type || Number(row.OWNER_ID) !== ownerId) throw bad('Event not found');
      if (!mayChange(c, row)) throw bad('Access denied');
      const skip = param(c, 'skip_time') === undefined ? row.DT_SKIP_TIME === 'Y' : isYes(param(c, 'skip_time'));
      const tzFrom = str(param(c, 'timezone_from')) || str(row.TZ_FROM) || PORTAL_TIME_ZONE;
      const tzTo = str(param(c, 'timezone_to')) || str(param(c, 'timezone_from')) || str(row.TZ_TO) || tzFrom;
      if (zoneOffsetMinutes(tzFrom, 0) === undefined || zoneOffsetMinutes(tzTo, 0) === undefined) throw bad('Invalid time zone');
      const fromRaw = param(c, 'from') ?? param(c, 'from_ts');
      const toRaw = param(c, 'to') ?? param(c, 'to_ts');
      const read = (v: unknown, zone: string, name: string, old: number) => {
        if (v === undefined || v === '') return old;
        const ms = skip ? parsePortalDate(str(v).slice(0, 10), 0) : instant(v, zone);
        if (ms === undefined) throw bad(`Invalid value of parameter "${name}"`);
        return ms;
      };
      const fromMs = read(fromRaw, tzFrom, 'from', Number(row.fromMs));
      const toMs = read(toRaw, tzTo, 'to', Number(row.toMs));
      if (toMs < fromMs) throw bad('The end date of the event must be later than the start date');
      Object.assign(row, { NAME: name, SECTION_ID: section, TZ_FROM: tzFrom, TZ_TO: tzTo, DT_SKIP_TIME: skip ? 'Y' : 'N', fromMs, toMs });
      if (param(c, 'description') !== undefined) row.DESCRIPTION = str(param(c, 'description'));
      c.portal.calendar.set(row.ID, row);
      return row.ID;
    },
  },
};
