/**
 * Writes to the portal, each exactly once per idempotency key.
 *
 * The protocol (see docs/bitrix.md, "Idempotent writes"):
 * 1. `ActionLog.claim(key)` records the action as pending BEFORE the call.
 * 2. The write runs under the lock `action:<key>`; the portal's answer is recorded as done
 *    (with the entity id) or failed (the portal said no: nothing was created).
 * 3. A transport error (no answer: timeout, reset) leaves the record pending — the entity may or
 *    may not exist. A retry with the same key then finds the pending record, takes the lock, and
 *    searches the portal for the entity by its marker before creating anything:
 *    tasks by documented filters (creator, responsible, title, created since the claim) and the
 *    `XML_ID = b24a:<hash of key>` they carry; events by owner, name and start (any portal date format);
 *    messages by dialog, text and time. Found → recorded as done, returned, nothing created.
 * 4. done → the stored result is returned without calling the portal. A concurrent attempt
 *    holding the lock → `ActionInProgressError`. The lock is a short lease the holder renews while
 *    the call runs, so a crashed holder blocks a retry for seconds, not minutes.
 * Bot messages are at-most-once: a pending one is not re-sent (a duplicate chat reply is worse
 * than a missing one, and a bot's own messages cannot be searched with the app's token).
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { LocalDateTime } from '../nlu/types';
import type { ActionLog, LockStore } from '../store/types';
import type { BitrixCaller, Params } from './client';
import { ActionInProgressError, BitrixApiError, BitrixTransportError } from './errors';
import { readPortalDate } from './portal-dates';
import { localToOffsetIso, localToWall } from './time';

export interface ActionDeps {
  client: BitrixCaller;
  actions: ActionLog;
  locks: LockStore;
  clock?: () => number;
  log?: Logger;
  /** Lease of the per-action lock, renewed every third of it while the call runs. Default ACTION_LOCK_TTL_MS. */
  lockTtlMs?: number;
  /** Hour a deadline given as a bare date gets (config DEFAULT_DEADLINE_HOUR). Default 12. */
  defaultDeadlineHour?: number;
}

export interface Outcome<T> {
  result: T;
  /** True when no entity was created by this call (returned from the log or found by marker). */
  replayed: boolean;
}

/**
 * The per-action lock's lease: short, because its holder renews it while the portal call runs, so
 * after a crash another process waits at most this long (none on the same host: a dead holder is
 * taken over at once). The dialogue waits up to 20 s for an action in progress elsewhere.
 */
export const ACTION_LOCK_TTL_MS = 15_000;

/** The marker a task carries so a retry can find it: stable per key, short, no secrets. */
export function markerFor(key: string): string {
  return `b24a:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** Run `create` at most once per key (the action log), looking with `find` after an attempt that got no answer. */
export async function once<T>(deps: ActionDeps, key: string, kind: string, find: (createdAt: number) => Promise<T | null>, create: () => Promise<T>): Promise<Outcome<T>> {
  const clock = deps.clock ?? Date.now;
  const memberId = deps.client.memberId;
  if (typeof key !== 'string' || key.trim() === '' || key.length > 200) {
    throw new BitrixApiError({ method: kind, code: 'BAD_IDEMPOTENCY_KEY', status: 0, description: 'idempotency key must be 1-200 characters', memberId });
  }
  const claim = await deps.actions.claim(key, memberId, kind, clock());
  if (!claim.claimed) {
    const rec = claim.record;
    if (rec.kind !== kind || rec.memberId !== memberId) {
      throw new BitrixApiError({ method: kind, code: 'IDEMPOTENCY_KEY_REUSED', status: 0, description: `key already used for ${rec.kind}`, memberId });
    }
    if (rec.state === 'done') return { result: rec.result as T, replayed: true };
  }
  const ttl = deps.lockTtlMs ?? ACTION_LOCK_TTL_MS;
  const release = await deps.locks.tryAcquire(`action:${key}`, ttl);
  if (!release) throw new ActionInProgressError(key);
  // Renew the short lease while the portal call runs: a live holder keeps it however slow the call,
  // a crashed one loses it within `ttl` (and at once to a retry on the same host, src/store/lease.ts).
  const heartbeat = setInterval(() => {
    if (typeof release.extend !== 'function') return; // a LockStore double without renewal
    release.extend(ttl).then(
      (held) => held || deps.log?.warn({ memberId, kind }, 'bitrix: action lease lapsed while the call ran'),
      () => undefined,
    );
  }, Math.max(10, Math.floor(ttl / 3)));
  heartbeat.unref();
  try {
    if (!claim.claimed) {
      const rec = await deps.actions.get(key);
      if (rec?.state === 'done') return { result: rec.result as T, replayed: true };
      if (rec?.state === 'pending') {
        // An earlier attempt got no answer: the entity may exist. Look before creating.
        const found = await find(rec.createdAt);
        if (found !== null) {
          await deps.actions.complete(key, found, clock());
          deps.log?.info({ memberId, kind }, 'bitrix: retried action found its entity; not created again');
          return { result: found, replayed: true };
        }
      }
      // failed: the portal refused last time, so nothing exists; try again.
    }
    try {
      const result = await create();
      await deps.actions.complete(key, result, clock());
      return { result, replayed: false };
    } catch (err) {
      if (!(err instanceof BitrixTransportError)) {
        await deps.actions.fail(key, err instanceof BitrixApiError ? err.code || err.message : String(err), clock());
      }
      throw err;
    }
  } finally {
    clearInterval(heartbeat);
    await release().catch(() => undefined);
  }
}

const posInt = (name: string, v: unknown, method: string): number => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
    throw new BitrixApiError({ method, code: 'BAD_ARGUMENT', status: 0, description: `${name} must be a positive user id` });
  }
  return v;
};
const text = (name: string, v: unknown, method: string, max = 10_000): string => {
  if (typeof v !== 'string' || v.trim() === '' || v.length > max) {
    throw new BitrixApiError({ method, code: 'BAD_ARGUMENT', status: 0, description: `${name} must be non-empty text up to ${max} characters` });
  }
  return v.trim();
};

// ---------------------------------------------------------------------------------------------

export interface TaskInput {
  title: string;
  responsibleId: number;
  creatorId: number;
  /** Local wall time in the user's zone ("2026-12-01" or "2026-12-01T13:15"). */
  deadline?: LocalDateTime;
  timeZone?: string;
  description?: string;
}
export interface TaskResult {
  taskId: number;
}

export async function createTask(deps: ActionDeps, key: string, input: TaskInput): Promise<Outcome<TaskResult>> {
  const m = 'tasks.task.add';
  const title = text('title', input.title, m, 255);
  const fields: Params = {
    TITLE: title,
    RESPONSIBLE_ID: posInt('responsibleId', input.responsibleId, m),
    CREATED_BY: posInt('creatorId', input.creatorId, m),
    XML_ID: markerFor(key),
  };
  if (input.description) fields.DESCRIPTION = input.description;
  if (input.deadline) {
    if (!input.timeZone) throw new BitrixApiError({ method: m, code: 'BAD_ARGUMENT', status: 0, description: 'a deadline needs the user time zone' });
    fields.DEADLINE = localToOffsetIso(input.deadline, input.timeZone, deps.defaultDeadlineHour ?? 12);
  }
  const marker = fields.XML_ID as string;
  return once(
    deps,
    key,
    'task.create',
    (createdAt) => findTask(deps, { marker, title, responsibleId: fields.RESPONSIBLE_ID as number, creatorId: fields.CREATED_BY as number, createdAt }),
    async () => {
      const r = await deps.client.call<{ task?: { id?: string | number } }>(m, { fields }, { write: true });
      return { taskId: Number(r?.task?.id) };
    },
  );
}

// ---------------------------------------------------------------------------------------------

export interface EventInput {
  ownerId: number;
  title: string;
  /** Local wall times in `timeZone`; dates only when `allDay`. */
  from: LocalDateTime;
  to: LocalDateTime;
  allDay?: boolean;
  timeZone: string;
  attendees?: number[];
  description?: string;
}
export interface EventResult {
  eventId: number;
}

/**
 * A lost `tasks.task.add` answer: look the task up with documented means only (tasks-task-list.md):
 * filter CREATED_BY, RESPONSIBLE_ID, TITLE and `>=CREATED_DATE` (from a little before our claim),
 * an explicit `order {ID: asc}`, and XML_ID — documented as a select field, not a filter — read back
 * to tell our task (it carries the marker) from one a person made by hand. A portal that does not
 * keep XML_ID gives null there: then the first same-titled task created since the claim is ours.
 */
async function findTask(
  deps: ActionDeps,
  q: { marker: string; title: string; responsibleId: number; creatorId: number; createdAt: number },
): Promise<TaskResult | null> {
  const since = new Date(q.createdAt - CLOCK_SKEW_MS).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const r = await deps.client.call<{ tasks?: Record<string, unknown>[] }>('tasks.task.list', {
    filter: { CREATED_BY: q.creatorId, RESPONSIBLE_ID: q.responsibleId, TITLE: q.title, '>=CREATED_DATE': since },
    select: ['ID', 'TITLE', 'XML_ID', 'CREATED_DATE'],
    order: { ID: 'asc' },
  });
  const rows = (r?.tasks ?? []).filter((t) => (t.title ?? t.TITLE) === q.title); // TITLE filters by pattern (% _)
  const xml = (t: Record<string, unknown>) => t.xmlId ?? t.XML_ID;
  const hit = rows.find((t) => xml(t) === q.marker) ?? (rows.every((t) => xml(t) === null || xml(t) === undefined || xml(t) === '') ? rows[0] : undefined);
  return hit ? { taskId: Number(hit.id ?? hit.ID) } : null;
}

/** Our clock and the portal's may differ a little; look back this far before the claim. */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Is this calendar row the event we asked for at `fromIso` (an instant with offset) / `fromWall`?
 * `DATE_FROM_TS_UTC` (documented) decides when present; otherwise DATE_FROM in whatever site
 * format the portal uses (readPortalDate), compared as an instant when it names an offset and as
 * wall time in the event's zone (ours) when not. All-day events compare dates.
 */
function sameStart(e: Record<string, unknown>, fromIso: string, fromWall: string, allDay: boolean): boolean {
  const got = readPortalDate(e.DATE_FROM);
  if (allDay) return got?.date === fromWall.slice(0, 10);
  const want = Date.parse(fromIso);
  const ts = Number(e.DATE_FROM_TS_UTC);
  if (e.DATE_FROM_TS_UTC !== undefined && e.DATE_FROM_TS_UTC !== null && e.DATE_FROM_TS_UTC !== '' && Number.isFinite(ts)) {
    return Math.floor(ts / 60) === Math.floor(want / 60_000);
  }
  if (!got?.time) return false;
  if (got.offsetMinutes !== undefined) return Math.floor((Date.parse(`${got.date}T${got.time}Z`) - got.offsetMinutes * 60_000) / 60_000) === Math.floor(want / 60_000);
  return `${got.date}T${got.time.slice(0, 5)}` === fromWall.slice(0, 16);
}

export async function createEvent(deps: ActionDeps, key: string, input: EventInput): Promise<Outcome<EventResult>> {
  const m = 'calendar.event.add';
  const ownerId = posInt('ownerId', input.ownerId, m);
  const name = text('title', input.title, m, 255);
  const allDay = input.allDay === true;
  const from = localToWall(input.from, input.timeZone, allDay);
  const to = localToWall(input.to, input.timeZone, allDay);
  if (to < from) throw new BitrixApiError({ method: m, code: 'BAD_ARGUMENT', status: 0, description: 'the event ends before it starts' });
  const attendees = [...new Set([ownerId, ...(input.attendees ?? []).map((a) => posInt('attendee', a, m))])];
  const params: Params = {
    type: 'user',
    ownerId,
    name,
    from,
    to,
    timezone_from: input.timeZone,
    timezone_to: input.timeZone,
    auto_detect_section: 'Y',
    skip_time: allDay ? 'Y' : 'N',
    ...(input.description ? { description: input.description } : {}),
    ...(attendees.length > 1 ? { is_meeting: 'Y', attendees, host: ownerId, meeting: { notify: true, reinvite: false, allow_invite: false, hide_guests: false } } : {}),
  };
  return once(
    deps,
    key,
    'event.create',
    async () => {
      const rows = await deps.client.call<Record<string, unknown>[]>('calendar.event.get', { type: 'user', ownerId, from: from.slice(0, 10), to: to.slice(0, 10) });
      const fromIso = allDay ? '' : localToOffsetIso(input.from, input.timeZone);
      const hit = (rows ?? []).find((e) => e.NAME === name && sameStart(e, fromIso, from, allDay));
      return hit ? { eventId: Number(hit.ID) } : null;
    },
    async () => ({ eventId: Number(await deps.client.call<number | string>(m, params, { write: true })) }),
  );
}

// ---------------------------------------------------------------------------------------------

export interface MessageInput {
  /** A user id (private chat) or a dialog id such as "chat123". */
  to: number | string;
  text: string;
}
export interface MessageResult {
  messageId: number | null;
}

const dialogOf = (to: number | string, method: string): string => {
  if (typeof to === 'number') return String(posInt('to', to, method));
  if (/^(chat|sg)\d+$/.test(to) || /^\d+$/.test(to)) return to;
  throw new BitrixApiError({ method, code: 'BAD_ARGUMENT', status: 0, description: 'to must be a user id or chat<ID>' });
};

/** A message from the token's user (im.message.add). */
export async function sendMessage(deps: ActionDeps, key: string, input: MessageInput): Promise<Outcome<MessageResult>> {
  const m = 'im.message.add';
  const DIALOG_ID = dialogOf(input.to, m);
  const MESSAGE = text('text', input.text, m, 20_000);
  return once(
    deps,
    key,
    'message.send',
    async (createdAt) => {
      const r = await deps.client.call<{ messages?: { id: number | string; text?: string; date?: string }[] }>('im.dialog.messages.get', { DIALOG_ID, LIMIT: 50 });
      const hit = (r?.messages ?? []).find((x) => x.text === MESSAGE && (!x.date || Date.parse(x.date) >= createdAt - 60_000));
      return hit ? { messageId: Number(hit.id) } : null;
    },
    async () => ({ messageId: Number(await deps.client.call<number | string>(m, { DIALOG_ID, MESSAGE }, { write: true })) }),
  );
}

export interface BotButton {
  text: string;
  /** A registered (hidden) bot command the button triggers… */
  command?: string;
  commandParams?: string;
  /** …or a link it opens… */
  link?: string;
  /** …or text it sends into the chat as the user (ACTION SEND; no command needed, works for Chatbots 2.0). */
  send?: string;
  color?: 'primary' | 'secondary' | 'alert' | 'base';
}
export interface BotMessageInput {
  botId: number;
  dialogId: string | number;
  text: string;
  buttons?: BotButton[];
  /**
   * Which bot API the bot speaks: 1 = imbot v1 (`imbot.message.add`, the default), 2 = Chatbots 2.0
   * (`imbot.v2.Chat.Message.send {botId, dialogId, fields: {message}}`, protocols.md §3.11). Reply
   * in the generation the event came from.
   */
  api?: 1 | 2;
}

/** KEYBOARD buttons (protocols.md §3.8): TEXT plus one action. */
function keyboardOf(buttons: BotButton[], m: string): Params[] {
  return buttons.map((b) => {
    const t = text('button text', b.text, m, 100);
    const actions = [b.command, b.link, b.send].filter((x) => x !== undefined && x !== '').length;
    if (actions !== 1) throw new BitrixApiError({ method: m, code: 'BAD_ARGUMENT', status: 0, description: 'a button needs exactly one of a command, a link or a text to send' });
    const action: Params = b.command
      ? { COMMAND: b.command, COMMAND_PARAMS: b.commandParams ?? '' }
      : b.link
        ? { LINK: b.link }
        : { ACTION: 'SEND', ACTION_VALUE: text('button value', b.send, m, 1000) };
    return { TEXT: t, ...action, BG_COLOR_TOKEN: b.color ?? 'base', DISPLAY: 'LINE', ...(b.link ? {} : { BLOCK: 'Y' }) };
  });
}

/** The exact method and params of one bot message (v1 or Chatbots 2.0); throws on bad input. */
export function botMessageCall(input: BotMessageInput): { method: 'imbot.message.add' | 'imbot.v2.Chat.Message.send'; params: Params } {
  if (input.api === 2) {
    const m = 'imbot.v2.Chat.Message.send';
    const fields: Params = { message: text('text', input.text, m, 20_000) };
    // Chatbots 2.0 keyboards: the same button objects under fields.keyboard (shape not in protocols.md; UNCONFIRMED).
    if (input.buttons?.length) fields.keyboard = keyboardOf(input.buttons, m);
    return { method: m, params: { botId: posInt('botId', input.botId, m), dialogId: dialogOf(input.dialogId, m), fields } };
  }
  const m = 'imbot.message.add';
  const params: Params = { BOT_ID: posInt('botId', input.botId, m), DIALOG_ID: dialogOf(input.dialogId, m), MESSAGE: text('text', input.text, m, 20_000) };
  if (input.buttons?.length) params.KEYBOARD = { BUTTONS: keyboardOf(input.buttons, m) };
  return { method: m, params };
}

/**
 * A message as the bot, with an optional keyboard: `imbot.message.add` (v1) or
 * `imbot.v2.Chat.Message.send` (Chatbots 2.0). At-most-once per key, whichever the API.
 */
export async function botMessage(deps: ActionDeps, key: string, input: BotMessageInput): Promise<Outcome<MessageResult>> {
  const { method, params } = botMessageCall(input);
  return once<MessageResult>(
    deps,
    key,
    'bot.message',
    async () => ({ messageId: null }), // pending = maybe delivered: never send twice
    async () => {
      const r = await deps.client.call<number | string | { id?: number | string; messageId?: number | string }>(method, params, { write: true });
      const id = typeof r === 'object' && r !== null ? (r.id ?? r.messageId) : r;
      return { messageId: id === undefined || id === null || id === '' ? null : Number(id) };
    },
  );
}
