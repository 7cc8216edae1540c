/**
 * Reading and changing existing tasks and events (issue 14), over the portal client:
 * - the agenda: open tasks (`tasks.task.list` with the documented filters RESPONSIBLE_ID,
 *   REAL_STATUS, DEADLINE range, the overdue meta-status STATUS=-1, ordered by DEADLINE) and the
 *   range's events (`calendar.event.get`), all in ONE `batch` call;
 * - what the speaker can see: a task they are responsible for, created, audit or help with (for a
 *   colleague's plan, only tasks the speaker takes part in), an event in their calendar;
 * - changes at most once per key through the action log: `tasks.task.complete`,
 *   `tasks.task.update`, `calendar.event.update` (length kept by the caller), `calendar.event.delete`.
 * Times come back as local wall time in the asker's zone.
 */
import type { AgendaQuery, EventItem, PlanItem, TaskItem } from '../dialog/types';
import type { LocalDate } from '../nlu/types';
import { wallTimeAt } from '../nlu/clock';
import { once, type ActionDeps } from './actions';
import type { BitrixCaller, Params } from './client';
import { BitrixApiError } from './errors';
import { localToOffsetIso, localToWall } from './time';

const TASK_SELECT = ['ID', 'TITLE', 'DEADLINE', 'STATUS', 'RESPONSIBLE_ID', 'CREATED_BY', 'AUDITORS', 'ACCOMPLICES', 'ALLOW_CHANGE_DEADLINE'];
/** REAL_STATUS below 5: new, pending, in progress, awaiting control (5 completed, 6 deferred). */
const OPEN = { '<REAL_STATUS': 5 };

const pad = (n: number) => String(n).padStart(2, '0');
function localOf(ms: number, zone: string): string {
  const w = wallTimeAt(new Date(ms), zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

type Row = Record<string, unknown>;
const ids = (v: unknown): number[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : []).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
const field = (r: Row, camel: string, upper: string) => r[camel] ?? r[upper];

export function taskOf(r: Row, zone: string): TaskItem {
  const deadline = field(r, 'deadline', 'DEADLINE');
  const ms = typeof deadline === 'string' && deadline ? Date.parse(deadline) : NaN;
  return {
    kind: 'task',
    id: Number(field(r, 'id', 'ID')),
    title: String(field(r, 'title', 'TITLE') ?? ''),
    ...(Number.isFinite(ms) ? { deadline: localOf(ms, zone) } : {}),
    done: Number(field(r, 'status', 'STATUS')) === 5,
    responsibleId: Number(field(r, 'responsibleId', 'RESPONSIBLE_ID')),
    createdBy: Number(field(r, 'createdBy', 'CREATED_BY')),
    auditorIds: ids(field(r, 'auditors', 'AUDITORS')),
    accompliceIds: ids(field(r, 'accomplices', 'ACCOMPLICES')),
    responsibleMayMoveDeadline: field(r, 'allowChangeDeadline', 'ALLOW_CHANGE_DEADLINE') === 'Y',
  };
}

/** "01.12.2026 13:15:00" / "2026-12-01" → "2026-12-01". */
function siteDate(v: unknown): string {
  const s = String(v ?? '');
  const m = /^(\d{2})\.(\d{2})\.(\d{4})/.exec(s);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : s.slice(0, 10);
}

export function eventOf(r: Row, zone: string): EventItem {
  const allDay = r.DT_SKIP_TIME === 'Y';
  const from = Number(r.DATE_FROM_TS_UTC) * 1000;
  const to = Number(r.DATE_TO_TS_UTC) * 1000;
  const attendees = Array.isArray(r.ATTENDEE_LIST) ? (r.ATTENDEE_LIST as Row[]).map((a) => Number(a.id)) : ids(r.ATTENDEES_CODES && (r.ATTENDEES_CODES as string[]).map((c) => String(c).replace(/^U/, '')));
  const ownerId = Number(r.OWNER_ID);
  return {
    kind: 'event',
    id: Number(r.ID),
    title: String(r.NAME ?? ''),
    start: allDay ? siteDate(r.DATE_FROM) : localOf(from, zone),
    end: allDay ? siteDate(r.DATE_TO) : localOf(to, zone),
    allDay,
    ownerId,
    // A meeting is organised by its host; a personal event by the owner of the calendar it is in.
    organizerId: r.IS_MEETING === true || r.IS_MEETING === 'Y' || r.IS_MEETING === '1' ? Number(r.MEETING_HOST ?? 0) || Number(r.CREATED_BY ?? 0) || ownerId : ownerId,
    attendeeIds: attendees,
    ...(r.SECTION_ID !== undefined ? { section: String(r.SECTION_ID) } : {}),
  };
}

/** The day bounds of a local date range as the portal's DEADLINE filter wants them (ISO with offset). */
function deadlineRange(from: LocalDate, to: LocalDate, zone: string): Params {
  return { '>=DEADLINE': localToOffsetIso(`${from}T00:00`, zone), '<=DEADLINE': localToOffsetIso(`${to}T23:59`, zone) };
}

const addDays = (d: LocalDate, n: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
};

/** Ones the speaker takes part in, one list command per role (the filter has no OR). */
function visibleTaskCommands(prefix: string, speaker: number, base: Params): Record<string, [string, Params]> {
  const roles: Params[] = [{ RESPONSIBLE_ID: speaker }, { CREATED_BY: speaker }, { AUDITOR: speaker }, { ACCOMPLICE: speaker }];
  return Object.fromEntries(roles.map((role, k) => [`${prefix}${k}`, ['tasks.task.list', { filter: { ...base, ...role }, select: TASK_SELECT, order: { DEADLINE: 'asc' } }]]));
}

function taskRows(item: { result?: unknown; error?: BitrixApiError } | undefined): Row[] {
  if (!item) return [];
  if (item.error) throw item.error;
  const r = item.result as { tasks?: Row[] } | Row[] | undefined;
  return Array.isArray(r) ? r : (r?.tasks ?? []);
}

/** The agenda of `q.userId`, read with the speaker's rights, in one batch call. */
export async function readAgenda(client: BitrixCaller, speaker: number, q: AgendaQuery, now: Date): Promise<PlanItem[]> {
  const commands: Record<string, [string, Params]> = {};
  if (q.kind !== 'events') {
    const base: Params = { RESPONSIBLE_ID: q.userId, ...OPEN, ...(q.overdue ? { STATUS: -1 } : {}), ...(q.from ? deadlineRange(q.from, q.to ?? q.from, q.timeZone) : {}) };
    if (q.userId === speaker) commands.tasks = ['tasks.task.list', { filter: base, select: TASK_SELECT, order: { DEADLINE: 'asc' } }];
    // A colleague's tasks: only those the speaker set, audits or helps with.
    else {
      const { tasks0: _responsible, ...others } = visibleTaskCommands('tasks', speaker, base); // RESPONSIBLE_ID is the colleague
      Object.assign(commands, others);
    }
  }
  if (q.kind !== 'tasks' && !q.overdue) {
    const today = localOf(now.getTime(), q.timeZone).slice(0, 10);
    const from = q.from ?? today;
    commands.events = ['calendar.event.get', { type: 'user', ownerId: q.userId, from, to: q.to ?? (q.from ? q.from : addDays(today, 6)) }];
  }
  const out = await client.batch(commands);
  const items = new Map<string, PlanItem>();
  for (const [k, v] of Object.entries(out)) {
    if (k.startsWith('tasks')) for (const r of taskRows(v)) items.set(`t${String(field(r, 'id', 'ID'))}`, taskOf(r, q.timeZone));
  }
  if (out.events) {
    if (out.events.error) throw out.events.error;
    for (const r of (out.events.result as Row[] | undefined) ?? []) {
      // Someone else's private events are not theirs to tell.
      if (q.userId !== speaker && r.PRIVATE_EVENT === '1') continue;
      const e = eventOf(r, q.timeZone);
      const lastDay = q.to ?? q.from;
      if (q.from && (e.start.slice(0, 10) > lastDay! || e.end.slice(0, 10) < q.from)) continue;
      items.set(`e${e.id}`, e);
    }
  }
  return [...items.values()];
}

/** Items a reference may mean, as far as the speaker can see them. */
export async function findItems(client: BitrixCaller, speaker: number, q: { kind: 'task' | 'event'; id?: number; from?: LocalDate; to?: LocalDate; timeZone: string }): Promise<PlanItem[]> {
  if (q.kind === 'task') {
    const out = await client.batch(visibleTaskCommands('t', speaker, { ...OPEN, ...(q.id !== undefined ? { ID: q.id } : {}) }));
    const items = new Map<number, TaskItem>();
    for (const v of Object.values(out)) for (const r of taskRows(v)) items.set(Number(field(r, 'id', 'ID')), taskOf(r, q.timeZone));
    return [...items.values()];
  }
  if (q.id !== undefined) {
    const r = await client.call<Row | null>('calendar.event.getbyid', { id: q.id });
    if (!r) return [];
    const e = eventOf(r, q.timeZone);
    return e.ownerId === speaker || e.attendeeIds.includes(speaker) ? [e] : [];
  }
  const rows = await client.call<Row[]>('calendar.event.get', { type: 'user', ownerId: speaker, from: q.from, to: q.to ?? q.from });
  return (rows ?? []).map((r) => eventOf(r, q.timeZone));
}

export async function completeTask(deps: ActionDeps, key: string, taskId: number): Promise<void> {
  await once(
    deps,
    key,
    'task.complete',
    async () => {
      const r = await deps.client.call<{ task?: Row } | []>('tasks.task.get', { taskId, select: ['ID', 'STATUS'] });
      const t = Array.isArray(r) ? undefined : r.task;
      return t && Number(field(t, 'status', 'STATUS')) === 5 ? { taskId } : null;
    },
    async () => {
      await deps.client.call('tasks.task.complete', { taskId }, { write: true });
      return { taskId };
    },
  );
}

export async function updateTask(deps: ActionDeps, key: string, taskId: number, change: { deadline?: string; responsibleId?: number; timeZone: string }): Promise<void> {
  const fields: Params = {};
  if (change.deadline) fields.DEADLINE = localToOffsetIso(change.deadline, change.timeZone, deps.defaultDeadlineHour ?? 12);
  if (change.responsibleId) fields.RESPONSIBLE_ID = change.responsibleId;
  if (!Object.keys(fields).length) throw new BitrixApiError({ method: 'tasks.task.update', code: 'BAD_ARGUMENT', status: 0, description: 'nothing to change' });
  // Setting the same values again is harmless: a retry after no answer simply updates again.
  await once(deps, key, 'task.update', async () => null, async () => {
    await deps.client.call('tasks.task.update', { taskId, fields }, { write: true });
    return { taskId };
  });
}

export async function moveEvent(deps: ActionDeps, key: string, event: EventItem, change: { start: string; end: string; allDay: boolean; timeZone: string }): Promise<void> {
  const params: Params = {
    id: event.id,
    type: 'user',
    ownerId: event.ownerId,
    name: event.title,
    ...(event.section ? { section: event.section } : {}),
    from: localToWall(change.start, change.timeZone, change.allDay),
    to: localToWall(change.end, change.timeZone, change.allDay),
    skip_time: change.allDay ? 'Y' : 'N',
    timezone_from: change.timeZone,
    timezone_to: change.timeZone,
  };
  await once(deps, key, 'event.update', async () => null, async () => {
    await deps.client.call('calendar.event.update', params, { write: true });
    return { eventId: event.id };
  });
}

export async function cancelEvent(deps: ActionDeps, key: string, event: EventItem): Promise<void> {
  await once(
    deps,
    key,
    'event.cancel',
    // An attempt that got no answer may have deleted it: gone means done.
    async () => ((await deps.client.call<Row | null>('calendar.event.getbyid', { id: event.id })) ? null : { eventId: event.id }),
    async () => {
      await deps.client.call('calendar.event.delete', { id: event.id }, { write: true });
      return { eventId: event.id };
    },
  );
}
