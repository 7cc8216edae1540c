/**
 * The sandbox Bitrix24 portal: `createSandbox(opts)` returns an express router that speaks the
 * portal's REST, OAuth and event wire formats (see docs/sandbox.md), plus control methods for
 * tests and the demo (install the app, send a bot message, emit an event, inspect state).
 * Mount `sandbox.router` under any prefix, or `listen()` standalone.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response, type NextFunction, type Router } from 'express';
import { Errors, RestError, type PortalLanguage } from './errors';
import { EventSender, type BotMessageInput, type Delivery } from './events';
import { LeakyBucket, OperatingBudget, defaultOperating, type OperatingOptions, type RateLimitOptions } from './limits';
import { memoryStore, sqliteStore } from './persist';
import { parsePhpQuery, asList, asRecord, safeDecode, splitKey, type PhpObject } from './php-query';
import { own, ownRecord, parseJsonSafe } from '../util/records';
import { ALL_SCOPES, Portal } from './portal';
import { isoPortal, type SiteDateFormat } from './dates';
import { Listed, type CallContext, type MethodDef } from './methods/types';
import { userMethods } from './methods/users';
import { taskMethods } from './methods/tasks';
import { calendarMethods } from './methods/calendar';
import { imMethods, openlineMethods } from './methods/im';
import { imbotV2Methods } from './methods/imbot-v2';
import { appMethods } from './methods/app';
import { crmMethods } from './methods/crm';

export interface SandboxOptions {
  /** Where created entities and tokens persist (SQLite). Omit for memory only. */
  dataDir?: string;
  /** Seed of the synthetic CRM and the portal's member id. Default 1. */
  seed?: number;
  /** Number of synthetic leads (100 … 500,000). Default 1000. */
  leads?: number;
  /** Incoming webhook code; random when omitted. */
  webhookCode?: string;
  /** User the incoming webhook acts as. Default 1 (the administrator). */
  webhookUserId?: number;
  clientId?: string;
  clientSecret?: string;
  /** Access token lifetime. Default 3600 s. */
  accessTokenTtlSeconds?: number;
  /** Leaky bucket per app/webhook; false disables it. Default 2 req/s, burst 50. */
  rateLimit?: RateLimitOptions | false;
  /** Per-method operating-time budget; false disables it. */
  operating?: Partial<OperatingOptions> | false;
  /** Scopes granted to the app / the webhook. Default: all the sandbox knows. */
  scope?: string[];
  webhookScope?: string[];
  /** Public base URL (with any mount prefix, no trailing slash), used in event `auth[...]`. */
  publicUrl?: string;
  /** The portal's language: error texts and site dates follow it (a portal answers in its own language). Default 'ru'. */
  language?: PortalLanguage;
  /**
   * The portal's configured date format for site-format fields (calendar DATE_FROM …): 'ru'
   * `11.12.2024 17:59:00` or 'us' `12/11/2024 05:59:00 pm` (calendar-event-get.md shows the latter).
   * Default: 'ru' for a Russian portal, 'us' for an English one.
   */
  dateFormat?: SiteDateFormat;
  /** Whether the portal has Chatbots 2.0 (`imbot.v2.*`); false answers ERROR_METHOD_NOT_FOUND like an older portal. Default true. */
  chatbotsV2?: boolean;
  /** Date of the newest synthetic CRM record. Default 2026-03-01. */
  crmEndDate?: string;
  now?: () => number;
}

export interface SandboxInfo {
  rest: string;
  webhook: string;
  oauth: string;
  clientId: string;
  clientSecret: string;
  memberId: string;
  domain: string;
  applicationToken: string;
}

export interface Sandbox {
  router: Router;
  state: Portal;
  events: EventSender;
  readonly url: string;
  setPublicUrl(url: string): void;
  info(): SandboxInfo;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  /** Issues tokens for `userId` and POSTs ONAPPINSTALL to `handlerUrl`. */
  installApp(handlerUrl: string, userId?: number): Promise<Delivery>;
  /** A token pair without an install event (tests, the demo). */
  issueTokens(userId?: number): { accessToken: string; refreshToken: string; expires: number };
  emitEvent(event: string, data: Record<string, unknown>, userId?: number): Promise<Delivery[]>;
  sendBotMessage(input: BotMessageInput): Promise<{ messageId: number; delivery: Delivery }>;
  joinBotChat(botId: number, userId: number): Promise<Delivery>;
  /** A one-time OAuth `code` for grant_type=authorization_code (lives 30 s). */
  authorizationCode(userId?: number): string;
}

const BATCH_LIMIT = 50;

interface Parsed {
  params: PhpObject;
  error?: RestError;
}

/** A request's raw parameter sources; a JSON body is parsed once, here, into null-prototype records. */
interface Raw {
  query: string;
  kind: 'none' | 'json' | 'form' | 'multipart';
  body: string;
  json?: unknown;
  jsonError?: boolean;
}

function rawOf(req: Request): Raw {
  const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
  const body = typeof req.body === 'string' ? req.body : '';
  if (!body.trim()) return { query, kind: 'none', body };
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('json') || (!type.includes('form') && /^\s*[{[]/.test(body))) {
    try {
      return { query, kind: 'json', body, json: parseJsonSafe(body) };
    } catch {
      return { query, kind: 'json', body, jsonError: true };
    }
  }
  return { query, kind: type.includes('multipart') ? 'multipart' : 'form', body };
}

/**
 * The `auth` parameter alone, found without building any parameter tree, so a request is
 * authenticated before the rest of it is parsed (PHP: the last `auth` wins, the body over the
 * query; `auth[...]` is not a token).
 */
function authOf(raw: Raw): string {
  const fromPairs = (s: string): string | undefined => {
    let found: string | undefined;
    for (const pair of s.split('&')) {
      const eq = pair.indexOf('=');
      const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
      if (splitKey(key)[0] !== 'auth') continue;
      found = key === 'auth' ? safeDecode(eq < 0 ? '' : pair.slice(eq + 1)) : '';
    }
    return found;
  };
  const body = raw.kind === 'json' ? own(raw.json, 'auth') : raw.kind === 'form' ? fromPairs(raw.body) : undefined;
  const token = body !== undefined ? body : fromPairs(raw.query);
  return typeof token === 'string' ? token : '';
}

/** Query string merged with the body (JSON or form); the body wins on conflicts. */
function paramsOf(raw: Raw): Parsed {
  const params = parsePhpQuery(raw.query);
  if (raw.kind === 'none') return { params };
  if (raw.kind === 'json') {
    if (raw.jsonError) return { params, error: new RestError('INVALID_REQUEST', 'Malformed JSON body', 400) };
    const parsed = raw.json;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { params, error: new RestError('INVALID_REQUEST', 'Request body must be a JSON object', 400) };
    }
    return { params: ownRecord(params, parsed) as PhpObject };
  }
  if (raw.kind === 'multipart') return { params, error: new RestError('INVALID_REQUEST', 'multipart/form-data is not supported by the sandbox', 400) };
  return { params: ownRecord(params, parsePhpQuery(raw.body)) as PhpObject };
}

const readParams = (req: Request): Parsed => paramsOf(rawOf(req));

/** `$result[cmd][field][0]` references inside batch command values. */
const REF = /\$result\[([^\]]+)\]((?:\[[^\]]*\])*)/g;
function resolveRef(results: Record<string, unknown>, key: string, path: string): unknown {
  let v: unknown = own(results, key);
  for (const m of path.matchAll(/\[([^\]]*)\]/g)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = own(v, m[1]!);
  }
  return v;
}
function substitute(value: unknown, results: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$result\[([^\]]+)\]((?:\[[^\]]*\])*)$/.exec(value);
    if (whole) {
      const v = resolveRef(results, whole[1]!, whole[2]!);
      return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v ?? '';
    }
    return value.replace(REF, (_, k: string, p: string) => {
      const v = resolveRef(results, k, p);
      return v === undefined || v === null || typeof v === 'object' ? '' : String(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, results));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, results)]));
  return value;
}

export function createSandbox(opts: SandboxOptions = {}): Sandbox {
  const now = opts.now ?? (() => Date.now());
  const leads = Math.max(0, Math.min(500_000, Math.floor(opts.leads ?? 1000)));
  const store = opts.dataDir ? sqliteStore(opts.dataDir) : memoryStore();
  const clientId = opts.clientId ?? 'local.sandbox0000000001.00000001';
  const clientSecret = opts.clientSecret ?? crypto.randomBytes(24).toString('base64url');
  const webhookCode = opts.webhookCode ?? crypto.randomBytes(8).toString('hex');
  const webhookUserId = opts.webhookUserId ?? 1;
  const portal = new Portal({
    seed: opts.seed ?? 1, leads, crmEndMs: Date.parse(opts.crmEndDate ?? '2026-03-01T00:00:00+03:00'),
    clientId, clientSecret, webhookCode, webhookUserId, accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 3600,
    scope: opts.scope ?? ALL_SCOPES, webhookScope: opts.webhookScope ?? ALL_SCOPES,
    language: opts.language ?? 'ru', dateFormat: opts.dateFormat ?? (opts.language === 'en' ? 'us' : 'ru'),
  }, store, now);
  const lang = portal.opts.language;
  let publicUrl = opts.publicUrl?.replace(/\/+$/, '') ?? '';
  const events = new EventSender(portal, () => publicUrl || 'http://127.0.0.1', now);
  const bucket = opts.rateLimit === false ? undefined : new LeakyBucket(opts.rateLimit ?? { perSecond: 2, burst: 50 }, now);
  const operating = opts.operating === false ? undefined : new OperatingBudget({ ...defaultOperating, ...(opts.operating ?? {}) }, now);
  const codes = new Map<string, { userId: number; expires: number }>();

  const methods: Record<string, MethodDef> = {};
  const names = () => Object.keys(methods).sort();
  Object.assign(methods, userMethods, taskMethods, calendarMethods, imMethods, openlineMethods, appMethods(names), crmMethods,
    opts.chatbotsV2 === false ? {} : imbotV2Methods);
  methods.batch = { scope: null, handler: () => undefined }; // answered by runBatch

  // ---- one method call ----------------------------------------------------------------------
  interface Caller { userId: number; authType: 'oauth' | 'webhook'; scope: string[]; key: string }

  function check(def: MethodDef | undefined, method: string, caller: Caller): MethodDef {
    if (!def) throw Errors.methodNotFound();
    const scopeOk = !def.scope || caller.scope.includes(def.scope) || (def.scope === 'user_brief' && caller.scope.some((s) => s.startsWith('user')));
    if (!scopeOk) throw Errors.scope(caller.authType === 'webhook');
    if (def.appOnly && caller.authType === 'webhook') throw Errors.accessDenied('Application context required');
    if (def.admin && !portal.user(caller.userId)?.admin) throw Errors.accessDenied();
    if (operating?.blocked(`${caller.key}:${method}`)) throw Errors.operationLimit();
    return def;
  }

  async function call(method: string, params: Record<string, unknown>, caller: Caller) {
    const def = check(methods[method], method, caller);
    const ctx: CallContext = { portal, method, params, userId: caller.userId, authType: caller.authType, scope: caller.scope, events, now };
    const out = await def.handler(ctx);
    const scanned = out instanceof Listed ? out.scanned : 0;
    const cost = operating?.charge(`${caller.key}:${method}`, scanned);
    return { out, cost };
  }

  function timeBlock(startMs: number, startHr: number, cost?: { operating: number; resetAt: number }) {
    const finishMs = Math.max(now(), startMs);
    const processing = (performance.now() - startHr) / 1000;
    return {
      start: startMs / 1000, finish: finishMs / 1000, duration: Math.max(processing, (finishMs - startMs) / 1000), processing,
      date_start: isoPortal(startMs), date_finish: isoPortal(finishMs),
      ...(cost ? { operating_reset_at: cost.resetAt, operating: cost.operating } : {}),
    };
  }

  async function runBatch(params: Record<string, unknown>, caller: Caller) {
    const cmdRaw = params.cmd;
    const isList = Array.isArray(cmdRaw);
    const all = Object.entries(asRecord(isList ? Object.fromEntries((cmdRaw as unknown[]).map((v, i) => [String(i), v])) : cmdRaw));
    // batch.md: at most 50 sub-requests; those over the limit end with ERROR_BATCH_LENGTH_EXCEEDED,
    // the first 50 run, and the batch itself answers 200.
    const cmds = all.slice(0, BATCH_LIMIT);
    const over = all.slice(BATCH_LIMIT);
    const halt = ['1', 'true', 'y'].includes(String(params.halt ?? '0').toLowerCase());
    const result: Record<string, unknown> = {};
    const errors: Record<string, unknown> = {};
    const totals: Record<string, unknown> = {};
    const nexts: Record<string, unknown> = {};
    const times: Record<string, unknown> = {};
    for (const [key, value] of cmds) {
      const t0 = now();
      const h0 = performance.now();
      const text = typeof value === 'string' ? value : '';
      const q = text.indexOf('?');
      const method = (q < 0 ? text : text.slice(0, q)).trim().toLowerCase();
      try {
        if (!method) throw Errors.methodNotFound();
        if (method === 'batch') throw Errors.batchMethod();
        const sub = substitute(parsePhpQuery(q < 0 ? '' : text.slice(q + 1)), result) as Record<string, unknown>;
        delete sub.auth;
        const { out, cost } = await call(method, sub, caller);
        if (out instanceof Listed) {
          result[key] = out.result;
          if (out.total !== undefined) totals[key] = out.total;
          if (out.next !== undefined) nexts[key] = out.next;
        } else result[key] = out;
        times[key] = timeBlock(t0, h0, cost);
      } catch (e) {
        const err = asRestError(e);
        errors[key] = { error: err.code, error_description: err.localized(lang) };
        if (halt) break;
      }
    }
    if (!halt || Object.keys(errors).length === 0) {
      for (const [key] of over) {
        const err = Errors.batchLength();
        errors[key] = { error: err.code, error_description: err.localized(lang) };
        if (halt) break;
      }
    }
    // PHP serialises an empty array as [] and a list-keyed one as a JSON list.
    const shape = (o: Record<string, unknown>) => {
      const keys = Object.keys(o);
      if (keys.length === 0) return [];
      return isList && keys.every((k, i) => k === String(i)) ? Object.values(o) : o;
    };
    return { result: shape(result), result_error: shape(errors), result_total: shape(totals), result_next: shape(nexts), result_time: shape(times) };
  }

  function sendError(res: Response, e: unknown): void {
    const err = asRestError(e);
    // One JSON line (a message, no stack: the client's text must not forge log lines).
    if (err.status >= 500) process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), msg: 'sandbox: internal error', err: e instanceof Error ? e.message : String(e) })}\n`);
    res.status(err.status).json({ error: err.code, error_description: err.localized(lang) });
  }

  function authenticate(segments: string[], token: () => string): { caller: Caller; method: string } {
    if (segments.length === 3 && /^\d+$/.test(segments[0]!)) {
      const [uid, code, method] = segments as [string, string, string];
      // system-errors.md: a wrong webhook code is 401 NO_AUTH_FOUND ("Wrong authorization data").
      if (Number(uid) !== webhookUserId || !timingSafe(code, webhookCode)) throw Errors.noAuth();
      return { caller: { userId: webhookUserId, authType: 'webhook', scope: portal.opts.webhookScope, key: `hook:${webhookCode}` }, method };
    }
    if (segments.length !== 1) throw Errors.methodNotFound();
    const presented = token();
    if (!presented) throw Errors.noAuth();
    const a = portal.authenticate(presented);
    return { caller: { userId: a.userId, authType: 'oauth', scope: a.scope, key: `app:${clientId}` }, method: segments[0]! };
  }

  // ---- HTTP -----------------------------------------------------------------------------------
  const router = express.Router();
  router.use(express.text({ type: () => true, limit: '10mb' }));

  router.use('/rest', async (req: Request, res: Response) => {
    const t0 = now();
    const h0 = performance.now();
    try {
      const segments = req.path.split('/').filter(Boolean);
      if (segments[0] === 'api') throw Errors.methodNotFound(); // REST v3 is not emulated
      if (segments.length === 0) throw Errors.methodNotFound();
      // Authenticate on the path or the `auth` parameter alone; the parameters are parsed only for a known caller.
      const raw = rawOf(req);
      const { caller, method: rawMethod } = authenticate(segments, () => authOf(raw));
      if (bucket && !bucket.take(caller.key)) throw Errors.queryLimit();
      const { params, error } = paramsOf(raw);
      if (error) throw error;
      const method = rawMethod.replace(/\.(json|xml)$/i, '').toLowerCase();
      delete params.auth;
      if (method === 'batch') {
        check(methods.batch, method, caller);
        const out = await runBatch(params, caller);
        res.json({ result: out, time: timeBlock(t0, h0) });
        return;
      }
      const { out, cost } = await call(method, params, caller);
      if (out instanceof Listed) {
        res.json({ result: out.result, ...(out.next !== undefined ? { next: out.next } : {}), ...(out.total !== undefined ? { total: out.total } : {}), time: timeBlock(t0, h0, cost) });
      } else res.json({ result: out, time: timeBlock(t0, h0, cost) });
    } catch (e) {
      sendError(res, e);
    }
  });

  function tokenAnswer(userId: number) {
    const { access, refresh } = portal.issueTokens(userId);
    return {
      access_token: access.token, expires: access.expires, expires_in: portal.opts.accessTokenTtlSeconds, scope: access.scope.join(','),
      domain: events.domain(), server_endpoint: `${publicUrl}/rest/`, status: 'L', client_endpoint: `${publicUrl}/rest/`,
      member_id: portal.app.memberId, user_id: userId, refresh_token: refresh.token,
    };
  }

  router.all(['/oauth/token', '/oauth/token/'], (req: Request, res: Response) => {
    const { params } = readParams(req);
    const p = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : '');
    const oauthError = (status: number, error: string, description: string) => res.status(status).json({ error, error_description: description });
    if (!p('grant_type')) return oauthError(400, 'invalid_request', 'grant_type is required');
    if (p('client_id') !== clientId || !timingSafe(p('client_secret'), clientSecret)) return oauthError(401, 'invalid_client', 'Invalid client credentials');
    if (p('grant_type') === 'refresh_token') {
      if (!p('refresh_token')) return oauthError(400, 'invalid_request', 'refresh_token is required');
      const r = portal.useRefreshToken(p('refresh_token'));
      if (!r) return oauthError(400, 'invalid_grant', 'Invalid refresh token');
      return res.json(tokenAnswer(r.userId));
    }
    if (p('grant_type') === 'authorization_code') {
      const c = codes.get(p('code'));
      codes.delete(p('code'));
      if (!c || c.expires <= now()) return oauthError(400, 'invalid_grant', 'Invalid authorization code');
      return res.json(tokenAnswer(c.userId));
    }
    return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type');
  });

  function authorizationCode(userId = 1): string {
    const code = crypto.randomBytes(16).toString('hex');
    codes.set(code, { userId, expires: now() + 30_000 });
    return code;
  }

  router.get(['/oauth/authorize', '/oauth/authorize/'], (req: Request, res: Response) => {
    const { params } = readParams(req);
    if (params.client_id !== clientId) return res.status(400).json({ error: 'invalid_client', error_description: 'Unknown client_id' });
    const target = typeof params.redirect_uri === 'string' ? params.redirect_uri : portal.app.handlerUrl;
    const userId = Number(params.user_id ?? 1) || 1;
    const q = new URLSearchParams({ code: authorizationCode(userId), state: String(params.state ?? ''), domain: events.domain(),
      member_id: portal.app.memberId, scope: portal.opts.scope.join(','), server_domain: events.domain() });
    if (!target) return res.json(Object.fromEntries(q));
    return res.redirect(302, `${target}${target.includes('?') ? '&' : '?'}${q}`);
  });

  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: number }).status;
    if (status === 413) return void res.status(413).json({ error: 'INVALID_REQUEST', error_description: lang === 'ru' ? 'Слишком большой запрос' : 'Request body too large' });
    sendError(res, status && status < 500 ? new RestError('INVALID_REQUEST', 'Malformed request', 400, 'Некорректный запрос') : err);
  });

  let server: http.Server | undefined;

  const sandbox: Sandbox = {
    router,
    state: portal,
    events,
    get url() {
      return publicUrl;
    },
    setPublicUrl(url: string) {
      publicUrl = url.replace(/\/+$/, '');
    },
    info() {
      return {
        rest: `${publicUrl}/rest/`, webhook: `${publicUrl}/rest/${webhookUserId}/${webhookCode}/`, oauth: `${publicUrl}/oauth/token/`,
        clientId, clientSecret, memberId: portal.app.memberId, domain: events.domain(), applicationToken: portal.app.applicationToken,
      };
    },
    async listen(port = 0, host = '127.0.0.1') {
      const app = express();
      app.disable('x-powered-by');
      app.use(router);
      server = http.createServer(app);
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => resolve());
      });
      const actual = (server.address() as AddressInfo).port;
      if (!opts.publicUrl) publicUrl = `http://127.0.0.1:${actual}`;
      return { port: actual, url: publicUrl };
    },
    async close() {
      if (server) {
        const s = server;
        server = undefined;
        s.closeAllConnections?.();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      portal.close();
    },
    installApp: (handlerUrl, userId = 1) => events.install(handlerUrl, userId),
    issueTokens(userId = 1) {
      const { access, refresh } = portal.issueTokens(userId);
      return { accessToken: access.token, refreshToken: refresh.token, expires: access.expires };
    },
    emitEvent: (event, data, userId) => events.emit(event, data, userId),
    sendBotMessage: (input) => events.botMessage(input),
    joinBotChat: (botId, userId) => events.botJoin(botId, userId),
    authorizationCode,
  };
  return sandbox;
}

/**
 * A thrown value as the portal's error. Parameters are null-prototype records, so an object sent
 * where a method expects a string fails its conversion: that is the caller's 400, not our 500.
 */
function asRestError(e: unknown): RestError {
  if (e instanceof RestError) return e;
  if (e instanceof TypeError && /convert object to primitive/.test(e.message)) return new RestError('INVALID_REQUEST', 'A parameter has the wrong type', 400);
  return Errors.internal();
}

function timingSafe(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export { asList, asRecord };
export type { BotMessageInput, Delivery } from './events';
