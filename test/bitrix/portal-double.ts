/**
 * A small local stand-in for one Bitrix24 portal and its OAuth server, speaking the documented
 * envelopes (protocols.md §4.3, §4.5, §5.6): `POST /rest/<method>` with JSON body + `auth`,
 * `{result, time, next?, total?}` answers, `{error, error_description}` with the documented HTTP
 * statuses, the leaky-bucket limit (503 QUERY_LIMIT_EXCEEDED), 401 expired_token, `batch` with
 * `method?query` commands and `$result[...]` references, and `POST /oauth/token/` with rotating,
 * single-use refresh tokens. Used until src/sandbox lands; deliberately small.
 */
import express from 'express';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { parsePhpForm, type PhpForm } from '../../src/bitrix/php-form';
import { fromItemField, toItemField } from '../../src/bitrix/crm-item-fields';

export interface DoubleUser {
  ID: string;
  ACTIVE: boolean;
  NAME: string;
  LAST_NAME: string;
  SECOND_NAME?: string;
  PERSONAL_GENDER?: string;
  TIME_ZONE?: string;
}

export interface DoubleOptions {
  clientId?: string;
  clientSecret?: string;
  memberId?: string;
  tokenTtlSec?: number;
  /** Leaky bucket; false switches it off. Default burst 50, drain 2/s. */
  rate?: { burst: number; drain: number } | false;
  users?: DoubleUser[];
  leads?: number;
  /** Delay the OAuth answer, to widen refresh races. */
  oauthDelayMs?: number;
}

type Fault = { method: string; status: number; error: string; description?: string } | { method: string; drop: 'after' | 'before' };
type Row = Record<string, unknown>;
type Handler = (p: Row) => { result: unknown; next?: number; total?: number };

class ApiFail extends Error {
  constructor(readonly status: number, readonly code: string, readonly description = '') {
    super(code);
  }
}

const defaultUsers: DoubleUser[] = [
  { ID: '1', ACTIVE: true, NAME: 'Иван', LAST_NAME: 'Петров', SECOND_NAME: 'Сергеевич', PERSONAL_GENDER: 'M', TIME_ZONE: 'Europe/Moscow' },
  { ID: '2', ACTIVE: true, NAME: 'Мария', LAST_NAME: 'Иванова', PERSONAL_GENDER: 'F', TIME_ZONE: '' },
  { ID: '3', ACTIVE: false, NAME: 'Олег', LAST_NAME: 'Уволенный', PERSONAL_GENDER: 'M', TIME_ZONE: '' },
  { ID: '4', ACTIVE: true, NAME: 'John', LAST_NAME: 'Smith', PERSONAL_GENDER: '', TIME_ZONE: 'Asia/Yekaterinburg' },
];

const tok = () => randomBytes(16).toString('hex');

export class PortalDouble {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly memberId: string;
  url = '';
  /** Successful OAuth refreshes served. */
  refreshes = 0;
  /** Refresh attempts with an already used or unknown token. */
  refreshRejects = 0;
  /** 503 answers given by the limiter. */
  limited = 0;
  /** Highest bucket level seen after admitting a request. */
  peakLevel = 0;
  readonly calls: string[] = [];
  readonly faults: Fault[] = [];
  users: DoubleUser[];
  tasks = new Map<number, Row>();
  events = new Map<number, Row>();
  messages: Row[] = [];
  botMessages: Row[] = [];
  leads: Row[] = [];
  deals: Row[] = [];
  private access = new Map<string, number>();
  private refresh = new Set<string>();
  private level = 0;
  private levelAt = Date.now();
  private seq = 100;
  private server?: Server;

  constructor(private readonly opts: DoubleOptions = {}) {
    this.clientId = opts.clientId ?? 'local.app.1';
    this.clientSecret = opts.clientSecret ?? 'app-secret-' + tok();
    this.memberId = opts.memberId ?? 'member-' + tok().slice(0, 8);
    this.users = opts.users ?? defaultUsers.map((u) => ({ ...u }));
    let id = 0;
    for (let i = 0; i < (opts.leads ?? 0); i++) {
      id += 1 + (i % 7 === 0 ? 3 : 0); // gaps, as deleted rows leave
      this.leads.push({ ID: String(id), TITLE: `Lead ${id}`, STATUS_ID: i % 3 ? 'NEW' : 'CONVERTED', OPPORTUNITY: `${i * 10}.00` });
    }
  }

  get domain() {
    return new URL(this.url).host;
  }
  get endpoint() {
    return `${this.url}/rest/`;
  }

  /** Issue a fresh pair (what an install hands over). */
  issuePair(ttlSec = this.opts.tokenTtlSec ?? 3600) {
    const a = tok();
    const r = tok();
    const expires = Math.floor(Date.now() / 1000) + ttlSec;
    this.access.set(a, expires * 1000);
    this.refresh.add(r);
    return { access_token: a, refresh_token: r, expires, expires_in: ttlSec };
  }

  /** Make every access token issued so far expire now (the portal says expired_token). */
  expireAllAccess() {
    for (const k of this.access.keys()) this.access.set(k, Date.now() - 1);
  }

  async start(): Promise<this> {
    const app = express();
    app.use(express.json({ limit: '5mb' }));
    app.use(express.urlencoded({ extended: false }));
    app.post('/oauth/token/', (req, res) => void this.oauth(req.body as Record<string, string>, res));
    app.use('/rest', (req, res) => this.rest(req, res));
    await new Promise<void>((resolve) => {
      this.server = app.listen(0, '127.0.0.1', () => resolve());
    });
    const addr = this.server!.address() as { port: number };
    this.url = `http://127.0.0.1:${addr.port}`;
    return this;
  }

  async stop() {
    this.server?.closeAllConnections?.();
    await new Promise((r) => this.server?.close(() => r(undefined)) ?? r(undefined));
  }

  private async oauth(body: Record<string, string>, res: express.Response) {
    if (this.opts.oauthDelayMs) await new Promise((r) => setTimeout(r, this.opts.oauthDelayMs));
    if (body.client_id !== this.clientId || body.client_secret !== this.clientSecret) {
      res.status(401).json({ error: 'invalid_client', error_description: 'bad client' });
      return;
    }
    if (body.grant_type !== 'refresh_token' || !this.refresh.has(body.refresh_token ?? '')) {
      this.refreshRejects++;
      res.status(400).json({ error: 'invalid_grant', error_description: 'refresh token is invalid or used' });
      return;
    }
    this.refresh.delete(body.refresh_token!); // single use
    this.refreshes++;
    const pair = this.issuePair();
    res.json({ ...pair, client_endpoint: this.endpoint, server_endpoint: `${this.url}/rest/`, scope: 'task,calendar,im,imbot,user,crm', status: 'L', member_id: this.memberId, domain: 'oauth.bitrix.info', user_id: 1 });
  }

  private admit(): boolean {
    if (this.opts.rate === false) return true;
    const { burst, drain } = this.opts.rate ?? { burst: 50, drain: 2 };
    const now = Date.now();
    this.level = Math.max(0, this.level - ((now - this.levelAt) / 1000) * drain);
    this.levelAt = now;
    if (this.level + 1 > burst) return false;
    this.level += 1;
    this.peakLevel = Math.max(this.peakLevel, this.level);
    return true;
  }

  private rest(req: express.Request, res: express.Response) {
    const method = req.path.replace(/^\/+/, '').replace(/\.json$/, '');
    const params = (req.body ?? {}) as Row;
    const send = (status: number, body: unknown) => res.status(status).json(body);
    if (!this.admit()) {
      this.limited++;
      return send(503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
    }
    const auth = String(params.auth ?? '');
    const exp = this.access.get(auth);
    if (!auth) return send(401, { error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' });
    if (exp === undefined) return send(401, { error: 'invalid_token', error_description: 'Unable to authorize user' });
    if (exp <= Date.now()) return send(401, { error: 'expired_token', error_description: 'The access token provided has expired.' });
    this.calls.push(method);
    const fi = this.faults.findIndex((f) => f.method === method);
    const fault = fi >= 0 ? this.faults.splice(fi, 1)[0] : undefined;
    if (fault && 'drop' in fault && fault.drop === 'before') return req.socket.destroy();
    if (fault && 'status' in fault) return send(fault.status, { error: fault.error, error_description: fault.description ?? '' });
    const { auth: _a, ...rest } = params;
    try {
      const out = method === 'batch' ? this.batch(rest) : this.exec(method, rest);
      if (fault && 'drop' in fault) return req.socket.destroy(); // done, but the answer is lost
      return send(200, { ...out, time: this.time() });
    } catch (e) {
      if (e instanceof ApiFail) return send(e.status, { error: e.code, error_description: e.description });
      return send(500, { error: 'INTERNAL_SERVER_ERROR', error_description: String(e) });
    }
  }

  private time() {
    const now = Date.now() / 1000;
    return { start: now, finish: now, duration: 0, processing: 0, date_start: new Date().toISOString(), date_finish: new Date().toISOString(), operating: 0 };
  }

  private batch(p: Row) {
    const cmd = (p.cmd ?? {}) as Record<string, string>;
    const halt = String(p.halt ?? '0') === '1';
    const keys = Object.keys(cmd);
    if (keys.length > 50) throw new ApiFail(400, 'ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded');
    const result: Row = {};
    const result_error: Row = {};
    const result_total: Row = {};
    const result_next: Row = {};
    const result_time: Row = {};
    for (const k of keys) {
      const row = cmd[k]!;
      const q = row.indexOf('?');
      const method = q < 0 ? row : row.slice(0, q);
      if (method === 'batch') throw new ApiFail(405, 'ERROR_BATCH_METHOD_NOT_ALLOWED', 'nested batch');
      const params = resolveRefs(parsePhpForm(q < 0 ? '' : row.slice(q + 1)), result) as Row;
      try {
        const out = this.exec(method, params);
        result[k] = out.result;
        if (out.total !== undefined) result_total[k] = out.total;
        if (out.next !== undefined) result_next[k] = out.next;
        result_time[k] = this.time();
      } catch (e) {
        if (!(e instanceof ApiFail)) throw e;
        result_error[k] = { error: e.code, error_description: e.description };
        if (halt) break;
      }
    }
    return { result: { result, result_error, result_total, result_next, result_time } };
  }

  private exec(method: string, p: Row): { result: unknown; next?: number; total?: number } {
    const h = this.handlers[method];
    if (!h) throw new ApiFail(404, 'ERROR_METHOD_NOT_FOUND', `Method '${method}' not found`);
    return h(p);
  }

  private activeUser(id: unknown): DoubleUser {
    const u = this.users.find((x) => x.ID === String(id));
    if (!u || !u.ACTIVE) throw new ApiFail(400, 'USER_NOT_FOUND', `User ${String(id)} not found`);
    return u;
  }

  private readonly handlers: Record<string, Handler> = {
    'user.current': () => ({ result: this.users[0] }),
    'user.get': (p) => {
      const filter = (p.FILTER ?? p.filter ?? {}) as Row;
      const onlyActive = filter.ACTIVE === true || filter.ACTIVE === 'true' || filter.ACTIVE === 'Y' || filter.ACTIVE === '1';
      const rows = this.users.filter((u) => !onlyActive || u.ACTIVE);
      return page(rows, p.start);
    },
    'tasks.task.add': (p) => {
      const f = (p.fields ?? {}) as Row;
      if (!f.TITLE) throw new ApiFail(400, 'ERROR_CORE', 'Task title is not specified');
      if (!f.RESPONSIBLE_ID) throw new ApiFail(400, 'ERROR_CORE', 'Responsible person not specified');
      this.activeUser(f.RESPONSIBLE_ID);
      const id = ++this.seq;
      const task = { id: String(id), title: f.TITLE, responsibleId: String(f.RESPONSIBLE_ID), createdBy: String(f.CREATED_BY ?? '1'), deadline: f.DEADLINE ?? null, xmlId: f.XML_ID ?? null, description: f.DESCRIPTION ?? '' };
      this.tasks.set(id, task);
      return { result: { task } };
    },
    'tasks.task.get': (p) => {
      const t = this.tasks.get(Number(p.taskId));
      if (!t) throw new ApiFail(400, 'ERROR_CORE', 'Task not found or not accessible');
      return { result: { task: t } };
    },
    'tasks.task.list': (p) => {
      const filter = (p.filter ?? {}) as Row;
      const rows = [...this.tasks.values()].filter((t) => filter.XML_ID === undefined || t.xmlId === filter.XML_ID);
      return { result: { tasks: rows.slice(0, 50) }, total: rows.length };
    },
    'calendar.event.add': (p) => {
      if (!p.type || p.ownerId === undefined || !p.name || !p.from || !p.to) throw new ApiFail(400, '', 'Required fields are missing');
      this.activeUser(p.ownerId);
      const id = ++this.seq;
      this.events.set(id, {
        ID: String(id),
        NAME: p.name,
        DATE_FROM: p.from,
        DATE_TO: p.to,
        SKIP_TIME: p.skip_time === 'Y' ? 'Y' : 'N',
        TZ_FROM: p.timezone_from ?? '',
        TZ_TO: p.timezone_to ?? p.timezone_from ?? '',
        OWNER_ID: String(p.ownerId),
        CAL_TYPE: p.type,
        IS_MEETING: p.is_meeting === 'Y' || p.is_meeting === true,
        ATTENDEE_LIST: ((p.attendees ?? []) as unknown[]).map((a) => ({ id: Number(a), entryId: 0, status: 'Q' })),
        DESCRIPTION: p.description ?? '',
      });
      return { result: id };
    },
    'calendar.event.getbyid': (p) => {
      const e = this.events.get(Number(p.id));
      if (!e) throw new ApiFail(400, '', 'Event not found');
      return { result: e };
    },
    'calendar.event.get': (p) => ({
      result: [...this.events.values()].filter((e) => e.OWNER_ID === String(p.ownerId) && e.CAL_TYPE === p.type),
    }),
    'im.message.add': (p) => {
      if (!p.MESSAGE) throw new ApiFail(400, 'MESSAGE_EMPTY', 'Message text empty');
      if (!p.DIALOG_ID) throw new ApiFail(400, 'USER_ID_EMPTY', 'Dialog ID empty');
      if (!String(p.DIALOG_ID).startsWith('chat')) this.activeUser(p.DIALOG_ID);
      const id = ++this.seq;
      this.messages.push({ id, dialogId: String(p.DIALOG_ID), author_id: 1, text: String(p.MESSAGE), date: new Date().toISOString() });
      return { result: id };
    },
    'im.dialog.messages.get': (p) => {
      const rows = this.messages.filter((m) => m.dialogId === String(p.DIALOG_ID)).slice(-Number(p.LIMIT ?? 20)).reverse();
      return { result: { messages: rows, users: [] } };
    },
    'imbot.message.add': (p) => {
      if (!p.MESSAGE) throw new ApiFail(400, 'MESSAGE_EMPTY', 'Message text empty');
      if (!p.DIALOG_ID) throw new ApiFail(400, 'DIALOG_ID_EMPTY', 'Dialog id empty');
      const id = ++this.seq;
      this.botMessages.push({ id, BOT_ID: p.BOT_ID, DIALOG_ID: String(p.DIALOG_ID), MESSAGE: p.MESSAGE, KEYBOARD: p.KEYBOARD });
      return { result: id };
    },
    'crm.lead.list': (p) => list(this.leads, p),
    'crm.deal.list': (p) => list(this.deals, p),
    'crm.activity.list': (p) => list([], p),
    // crm-item-list.md: camelCase names, rows under result.items.
    'crm.item.list': (p) => itemList(Number(p.entityTypeId) === 1 ? this.leads : Number(p.entityTypeId) === 2 ? this.deals : [], p, Number(p.entityTypeId) === 1 ? 'lead' : 'deal'),
    'crm.status.list': (p) => {
      const ent = ((p.filter ?? {}) as Row).ENTITY_ID;
      const all = [
        { ID: '1', ENTITY_ID: 'STATUS', STATUS_ID: 'NEW', NAME: 'Новый', SORT: '10', SEMANTICS: null },
        { ID: '2', ENTITY_ID: 'STATUS', STATUS_ID: 'CONVERTED', NAME: 'Качественный', SORT: '20', SEMANTICS: 'S' },
        { ID: '3', ENTITY_ID: 'STATUS', STATUS_ID: 'JUNK', NAME: 'Некачественный', SORT: '30', SEMANTICS: 'F' },
        { ID: '4', ENTITY_ID: 'SOURCE', STATUS_ID: 'CALL', NAME: 'Звонок', SORT: '10', SEMANTICS: null },
      ];
      return { result: all.filter((s) => !ent || s.ENTITY_ID === ent) };
    },
  };
}

function page(rows: unknown[], startRaw: unknown) {
  const start = Math.max(0, Number(startRaw ?? 0) || 0);
  const slice = rows.slice(start, start + 50);
  const next = start + 50 < rows.length ? start + 50 : undefined;
  return { result: slice, total: rows.length, ...(next !== undefined ? { next } : {}) };
}

/** `crm.*.list`: `filter[>ID]`, `order[ID]=ASC`, `start=-1` (no total) or paging, `select`. */
function list(rows: Row[], p: Row) {
  const filter = (p.filter ?? {}) as Row;
  let out = rows;
  if (filter['>ID'] !== undefined) {
    const after = Number(filter['>ID']);
    if (!Number.isFinite(after)) throw new ApiFail(400, 'INVALID_ARG_VALUE', 'bad >ID');
    out = out.filter((r) => Number(r.ID) > after);
  }
  const order = (p.order ?? {}) as Row;
  if (String(order.ID ?? '').toUpperCase() === 'DESC') out = [...out].reverse();
  const select = Array.isArray(p.select) ? (p.select as string[]) : p.select && typeof p.select === 'object' ? Object.values(p.select as Row).map(String) : null;
  const project = (r: Row) => (select && !select.includes('*') ? Object.fromEntries(select.filter((k) => k in r).map((k) => [k, r[k]])) : r);
  if (Number(p.start) === -1) return { result: out.slice(0, 50).map(project) };
  const pg = page(out, p.start);
  return { ...pg, result: (pg.result as Row[]).map(project) };
}

/** `crm.item.list` over the same rows: `id`/`>id`/`select` in camelCase, `{items}` out. */
function itemList(rows: Row[], p: Row, entity: 'lead' | 'deal') {
  // Names per object-fields.md (stageId is a lead's STATUS_ID).
  const camel = (k: string) => toItemField(entity, k);
  const upper = (k: string) => fromItemField(entity, k);
  const filter = Object.fromEntries(Object.entries((p.filter ?? {}) as Row).map(([k, v]) => [upper(k), v]));
  const order = Object.fromEntries(Object.entries((p.order ?? {}) as Row).map(([k, v]) => [upper(k), v]));
  const rawSelect = Array.isArray(p.select) ? (p.select as string[]) : p.select && typeof p.select === 'object' ? Object.values(p.select as Row).map(String) : undefined;
  const out = list(rows, { ...p, filter, order, ...(rawSelect ? { select: rawSelect.map((f) => (f === '*' ? f : upper(f))) } : {}) });
  const items = (out.result as Row[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [camel(k), k === 'ID' ? Number(v) : v])));
  return { ...out, result: { items } };
}

/** Replace `$result[cmd][i][FIELD]` values by what earlier commands returned (unresolved → left as is). */
function resolveRefs(v: string | PhpForm, results: Row): unknown {
  if (typeof v === 'string') {
    const m = /^\$result\[([^\]]+)\]((?:\[[^\]]*\])*)$/.exec(v);
    if (!m) return v;
    let cur: unknown = results[m[1]!];
    for (const seg of m[2]!.match(/\[([^\]]*)\]/g) ?? []) {
      const k = seg.slice(1, -1);
      cur = cur && typeof cur === 'object' ? (cur as Row)[k] : undefined;
    }
    return cur === undefined ? v : cur;
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveRefs(x, results)]));
}
