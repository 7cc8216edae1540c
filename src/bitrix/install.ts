/**
 * Installing and removing the app on a portal.
 *
 * Two ways tokens arrive (protocols.md §3.3, §3.6, §4.2):
 * - ONAPPINSTALL event: `event`, `data[...]`, `auth[access_token|refresh_token|expires_in|
 *   client_endpoint|server_endpoint|member_id|domain|scope|status|application_token]`. No
 *   `auth[expires]`, so expiry is computed as now + expires_in (else the SDK sees NaN and refreshes).
 * - The install page POST (UI apps): body `AUTH_ID`, `AUTH_EXPIRES` (seconds), `REFRESH_ID`,
 *   `member_id`, `SERVER_ENDPOINT`, `status`, …; query `DOMAIN`, `PROTOCOL` (1 = https), `LANG`,
 *   `APP_SID`. No application_token here: it is kept from an earlier ONAPPINSTALL or stays ''
 *   until the event comes.
 * ONAPPUNINSTALL carries no tokens; the stored application_token is the only proof, compared in
 * constant time. Bodies come in already parsed by `parsePhpForm`.
 *
 * Trusting ONAPPINSTALL (protocols.md §3.4): anyone can POST a form naming any member_id, and the
 * install event sets the application_token every later event of that portal is checked against.
 * So before anything is stored, `createInstallVerifier` asks the portal itself: `app.info` at
 * `auth[client_endpoint]` with `auth[access_token]` (see `verifyInstallClaim` for every check).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { Install, InstallStore } from '../store/types';
import { EventAuthError, InvalidInstallError, PortalNotInstalledError } from './errors';
import { pickObject, pickString, type PhpForm } from './php-form';

const MEMBER_ID = /^[A-Za-z0-9_.-]{1,128}$/;
const TOKEN = /^[\x21-\x7e]{1,1024}$/;
const DOMAIN = /^(?=.{1,253}(:\d{1,5})?$)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/;
const SCOPE = /^[A-Za-z0-9_,.-]*$/;
const STATUS = /^[A-Z]$/;
const MAX_TTL_SEC = 366 * 24 * 3600;

/** Collects problems so one error names every bad field. */
class Check {
  readonly problems: string[] = [];
  need(name: string, v: string | undefined, re: RegExp, what: string): string {
    if (v === undefined || v === '') this.problems.push(`${name} is missing`);
    else if (!re.test(v)) this.problems.push(`${name} is not ${what}`);
    return v ?? '';
  }
  url(name: string, v: string | undefined): string {
    if (!v) {
      this.problems.push(`${name} is missing`);
      return '';
    }
    try {
      const u = new URL(v);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
      if (u.username || u.password) throw new Error('credentials');
      return v.endsWith('/') ? v : `${v}/`;
    } catch {
      this.problems.push(`${name} is not an http(s) URL`);
      return '';
    }
  }
  seconds(name: string, v: string | undefined, required: boolean): number | undefined {
    if (v === undefined || v === '') {
      if (required) this.problems.push(`${name} is missing`);
      return undefined;
    }
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n)) {
      this.problems.push(`${name} is not a whole number of seconds`);
      return undefined;
    }
    return n;
  }
  done(): void {
    if (this.problems.length) throw new InvalidInstallError(this.problems);
  }
}

function asForm(body: unknown): PhpForm {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InvalidInstallError(['body is not a form object']);
  return body as PhpForm;
}

/** Validate an ONAPPINSTALL body into an Install (not yet stored). */
export function installFromEvent(body: unknown, now: number): Install {
  const form = asForm(body);
  const c = new Check();
  const event = pickString(form, 'event');
  if (!event) c.problems.push('event is missing');
  else if (event.toUpperCase() !== 'ONAPPINSTALL') c.problems.push(`event is ${event}, not ONAPPINSTALL`);
  const auth = pickObject(form, 'auth');
  if (!auth) {
    c.problems.push('auth[...] is missing');
    c.done();
  }
  const a = (k: string) => pickString(auth, k);
  const memberId = c.need('auth[member_id]', a('member_id'), MEMBER_ID, 'a portal id');
  const domain = c.need('auth[domain]', a('domain'), DOMAIN, 'a host name');
  const accessToken = c.need('auth[access_token]', a('access_token'), TOKEN, 'a token');
  const refreshToken = c.need('auth[refresh_token]', a('refresh_token'), TOKEN, 'a token');
  const applicationToken = c.need('auth[application_token]', a('application_token'), TOKEN, 'a token');
  const clientEndpoint = c.url('auth[client_endpoint]', a('client_endpoint'));
  const serverEndpoint = c.url('auth[server_endpoint]', a('server_endpoint'));
  const scope = a('scope') ?? '';
  if (!SCOPE.test(scope)) c.problems.push('auth[scope] is not a comma list of scopes');
  const status = a('status');
  if (status && !STATUS.test(status)) c.problems.push('auth[status] is not a status letter');
  const expiresIn = c.seconds('auth[expires_in]', a('expires_in'), true);
  if (expiresIn !== undefined && (expiresIn < 1 || expiresIn > MAX_TTL_SEC)) c.problems.push('auth[expires_in] is out of range');
  const expires = c.seconds('auth[expires]', a('expires'), false);
  const userId = c.seconds('auth[user_id]', a('user_id'), false);
  c.done();
  const expiresAt = expires && expires * 1000 > now ? expires * 1000 : now + expiresIn! * 1000;
  return {
    memberId,
    domain: domain.toLowerCase(),
    clientEndpoint,
    serverEndpoint,
    scope,
    accessToken,
    refreshToken,
    expiresAt,
    applicationToken,
    ...(userId ? { installedBy: userId } : {}),
    settings: { status: status ?? 'L', language: pickString(form, 'data', 'LANGUAGE_ID') ?? '', version: pickString(form, 'data', 'VERSION') ?? '' },
    installedAt: now,
    updatedAt: now,
  };
}

/** Validate the install page POST (+ its query string) into an Install without application_token. */
export function installFromPage(body: unknown, query: Record<string, unknown>, now: number): Install {
  const form = asForm(body);
  const c = new Check();
  const get = (k: string) => pickString(form, k) ?? (typeof query[k] === 'string' ? (query[k] as string) : undefined);
  const memberId = c.need('member_id', get('member_id'), MEMBER_ID, 'a portal id');
  const domain = c.need('DOMAIN', get('DOMAIN'), DOMAIN, 'a host name');
  const accessToken = c.need('AUTH_ID', get('AUTH_ID'), TOKEN, 'a token');
  const refreshToken = c.need('REFRESH_ID', get('REFRESH_ID'), TOKEN, 'a token');
  const ttl = c.seconds('AUTH_EXPIRES', get('AUTH_EXPIRES'), true);
  if (ttl !== undefined && (ttl < 1 || ttl > MAX_TTL_SEC)) c.problems.push('AUTH_EXPIRES is out of range');
  const protocol = get('PROTOCOL');
  if (protocol !== undefined && protocol !== '0' && protocol !== '1') c.problems.push('PROTOCOL is not 0 or 1');
  const serverEndpoint = get('SERVER_ENDPOINT') ? c.url('SERVER_ENDPOINT', get('SERVER_ENDPOINT')) : 'https://oauth.bitrix.info/rest/';
  const status = get('status');
  if (status && !STATUS.test(status)) c.problems.push('status is not a status letter');
  c.done();
  const scheme = protocol === '0' ? 'http' : 'https';
  return {
    memberId,
    domain: domain.toLowerCase(),
    clientEndpoint: `${scheme}://${domain.toLowerCase()}/rest/`,
    serverEndpoint,
    scope: '',
    accessToken,
    refreshToken,
    expiresAt: now + ttl! * 1000,
    applicationToken: '',
    settings: { status: status ?? 'L', language: get('LANG') ?? '' },
    installedAt: now,
    updatedAt: now,
  };
}

/** Constant-time string equality (lengths may differ; that alone says "no"). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  if (x.length !== y.length || x.length === 0) return false;
  return timingSafeEqual(x, y);
}

/** The portal would not confirm an ONAPPINSTALL: answered 403, nothing stored. */
export class InstallRejectedError extends Error {
  readonly kind = 'install_rejected' as const;
  constructor(message: string) {
    super(message);
    this.name = 'InstallRejectedError';
  }
}

/** Confirms an install claim (not yet stored) with the portal; throws InstallRejectedError. */
export type InstallVerifier = (claim: Install) => Promise<void>;

export interface InstallVerifierOptions {
  /** Our app's client id (config B24_CLIENT_ID, or the sandbox app's). */
  clientId: string;
  /**
   * Origins (`http://127.0.0.1:3000`) allowed over plain http: only the configured sandbox portal.
   * Every other client_endpoint must be https.
   */
  httpOrigins?: () => readonly string[];
  fetch?: typeof fetch;
  timeoutMs?: number;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const s = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * Checks of an install claim against the portal's `app.info` answer (pure, so each is tested):
 * - the portal accepted the access token (an `error` answer means a token the portal rejects);
 * - the app the token belongs to is ours: `client_id` when the answer carries one, and `CODE`,
 *   which for a local app is its client id (`local.…`; a marketplace app's CODE is its code, not
 *   comparable);
 * - the portal is the one claimed: a member id in the answer (`member_id`, or under `install`)
 *   must equal `auth[member_id]`. The documented portal `app.info` (ID, CODE, VERSION, STATUS,
 *   INSTALLED, PAYMENT_EXPIRED, DAYS, LANGUAGE_ID, LICENSE*) names none; then the binding of
 *   member id to portal rests on the endpoint host equalling `auth[domain]`, the token working there,
 *   and a known member id never moving to another host (InstallService.onAppInstall).
 * Returns the reasons to refuse; empty = confirmed.
 */
export function verifyInstallClaim(claim: Pick<Install, 'memberId'>, answer: unknown, clientId: string): string[] {
  if (!isObj(answer)) return ['app.info gave no JSON object'];
  if (answer.error !== undefined) return [`the portal rejected the access token (${s(answer.error) ?? 'error'})`];
  const result = answer.result;
  if (!isObj(result)) return ['app.info gave no result'];
  const problems: string[] = [];
  const install = isObj(result.install) ? result.install : {};
  const answeredClient = s(result.client_id) ?? s(result.CLIENT_ID);
  if (answeredClient !== undefined && answeredClient !== clientId) problems.push(`the token belongs to app ${answeredClient}, not ours`);
  const code = s(result.CODE);
  if (code?.startsWith('local.') && code !== clientId) problems.push(`the token belongs to local app ${code}, not ours`);
  if (answeredClient === undefined && code === undefined) problems.push('app.info named no application');
  const member = s(result.member_id) ?? s(result.MEMBER_ID) ?? s(install.member_id);
  if (member !== undefined && member !== claim.memberId) problems.push(`the token belongs to portal ${member}, not ${claim.memberId}`);
  // INSTALLED may still be false (a UI app calls installFinish later, protocols.md §3.2): not a forgery.
  return problems;
}

/**
 * The production verifier: guards the endpoint (https unless it is the configured sandbox; its host
 * must be `auth[domain]`; no credentials, no query), calls `app.info` there with the claimed access
 * token, and applies `verifyInstallClaim`. Any failure to get an answer is a refusal too: an
 * install we cannot confirm is not stored (the portal's install can be retried).
 */
export function createInstallVerifier(opts: InstallVerifierOptions): InstallVerifier {
  const doFetch = opts.fetch ?? fetch;
  return async (claim) => {
    let url: URL;
    try {
      url = new URL(claim.clientEndpoint);
    } catch {
      throw new InstallRejectedError('auth[client_endpoint] is not a URL');
    }
    const plainAllowed = (opts.httpOrigins?.() ?? []).includes(url.origin);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainAllowed)) {
      throw new InstallRejectedError(`auth[client_endpoint] must be https (${url.origin} is not the configured sandbox)`);
    }
    if (url.host.toLowerCase() !== claim.domain.toLowerCase()) {
      throw new InstallRejectedError(`auth[client_endpoint] host ${url.host} is not the portal ${claim.domain}`);
    }
    if (url.search || url.hash || url.username || url.password) throw new InstallRejectedError('auth[client_endpoint] carries a query or credentials');
    let answer: unknown;
    try {
      const res = await doFetch(new URL('app.info', url.href.endsWith('/') ? url.href : `${url.href}/`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ auth: claim.accessToken }),
        redirect: 'error',
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      answer = await res.json().catch(() => undefined);
      if (!res.ok && !(isObj(answer) && answer.error !== undefined)) answer = { error: `HTTP ${res.status}` };
    } catch (e) {
      throw new InstallRejectedError(`the portal could not be asked to confirm the install (${e instanceof Error ? e.message : String(e)})`);
    }
    const problems = verifyInstallClaim(claim, answer, opts.clientId);
    if (problems.length) throw new InstallRejectedError(problems.join('; '));
  };
}

export interface InstallServiceOptions {
  installs: InstallStore;
  clock?: () => number;
  log?: Logger;
  /** Called after an install changes or goes away, e.g. `PortalClients.forget`. */
  onChange?: (memberId: string) => void;
}

export class InstallService {
  private readonly clock: () => number;
  constructor(private readonly opts: InstallServiceOptions) {
    this.clock = opts.clock ?? Date.now;
  }

  /**
   * ONAPPINSTALL: verify the claim with `verify` (nothing is stored when it throws), then store (or
   * replace) the portal's install; settings of a previous install are kept. A known portal cannot
   * be moved to another host, nor a known host given another member id, by an install event
   * (InstallRejectedError): the app is uninstalled first (ONAPPUNINSTALL removes the record).
   * `verify` is optional only for unit tests against a portal double; the HTTP route
   * (src/channels/bitrix-app.ts) always passes one.
   */
  async onAppInstall(body: unknown, verify?: InstallVerifier): Promise<Install> {
    const now = this.clock();
    const next = installFromEvent(body, now);
    const prev = await this.opts.installs.get(next.memberId);
    await this.confirm(next, prev, verify);
    const install: Install = prev
      ? { ...next, installedAt: prev.installedAt, installedBy: next.installedBy ?? prev.installedBy, settings: { ...prev.settings, ...next.settings } }
      : next;
    await this.opts.installs.save(install);
    this.opts.onChange?.(install.memberId);
    this.opts.log?.info({ memberId: install.memberId, domain: install.domain, reinstall: !!prev }, 'bitrix: app installed');
    return install;
  }

  /**
   * Refuse an install claim that pairs member id and host differently from what we know (a portal
   * has one of each; hosts compared by client_endpoint, kept current when the sandbox moves ports),
   * then let `verify` ask the portal. Throws InstallRejectedError; nothing is stored then.
   */
  private async confirm(next: Install, prev: Install | null, verify?: InstallVerifier): Promise<void> {
    const hostOf = (i: Install) => new URL(i.clientEndpoint).host.toLowerCase();
    if (prev && hostOf(prev) !== hostOf(next)) {
      this.opts.log?.warn({ memberId: next.memberId, domain: next.domain, known: prev.domain }, 'bitrix: install event names another host for a known portal; refused');
      throw new InstallRejectedError(`portal ${next.memberId} is installed at ${hostOf(prev)}; an install event from ${hostOf(next)} is refused`);
    }
    const sameHost = prev ? undefined : (await this.opts.installs.list()).find((i) => i.memberId !== next.memberId && (hostOf(i) === hostOf(next) || i.domain === next.domain));
    if (sameHost) {
      this.opts.log?.warn({ memberId: next.memberId, domain: next.domain, known: sameHost.memberId }, 'bitrix: install event names another member id for a known host; refused');
      throw new InstallRejectedError(`${next.domain} is installed as portal ${sameHost.memberId}, not ${next.memberId}`);
    }
    try {
      await verify?.(next);
    } catch (e) {
      this.opts.log?.warn({ memberId: next.memberId, domain: next.domain, err: e instanceof Error ? e.message : String(e) }, 'bitrix: install event not confirmed by the portal; refused');
      throw e;
    }
  }

  /** Install page POST: confirmed like ONAPPINSTALL, then the tokens are stored; an application_token we already have is kept. */
  async onInstallPage(body: unknown, query: Record<string, unknown> = {}, verify?: InstallVerifier): Promise<Install> {
    const now = this.clock();
    const next = installFromPage(body, query, now);
    const prev = await this.opts.installs.get(next.memberId);
    await this.confirm(next, prev, verify);
    const install: Install = prev
      ? { ...next, applicationToken: prev.applicationToken, scope: prev.scope, installedAt: prev.installedAt, installedBy: prev.installedBy, settings: { ...prev.settings, ...next.settings } }
      : next;
    await this.opts.installs.save(install);
    this.opts.onChange?.(install.memberId);
    this.opts.log?.info({ memberId: install.memberId, domain: install.domain }, 'bitrix: install page tokens stored');
    return install;
  }

  /**
   * Check a later event's top-level `auth[application_token]` against the stored one
   * (never the copy under data[BOT]). Returns the install; typed errors otherwise.
   */
  async verifyEvent(body: unknown): Promise<Install> {
    const form = asForm(body);
    const memberId = pickString(form, 'auth', 'member_id');
    const token = pickString(form, 'auth', 'application_token');
    const problems: string[] = [];
    if (!memberId) problems.push('auth[member_id] is missing');
    else if (!MEMBER_ID.test(memberId)) problems.push('auth[member_id] is not a portal id');
    if (!token) problems.push('auth[application_token] is missing');
    if (problems.length) throw new InvalidInstallError(problems);
    const install = await this.opts.installs.get(memberId!);
    if (!install) throw new PortalNotInstalledError(memberId!);
    if (!sameSecret(install.applicationToken, token!)) throw new EventAuthError(memberId!);
    return install;
  }

  /** ONAPPUNINSTALL: remove the portal's tokens once the application_token proves the sender. */
  async onAppUninstall(body: unknown): Promise<string> {
    const form = asForm(body);
    const event = pickString(form, 'event');
    if (!event || event.toUpperCase() !== 'ONAPPUNINSTALL') throw new InvalidInstallError([`event is ${event ?? 'missing'}, not ONAPPUNINSTALL`]);
    const install = await this.verifyEvent(form);
    await this.opts.installs.remove(install.memberId);
    this.opts.onChange?.(install.memberId);
    this.opts.log?.info({ memberId: install.memberId }, 'bitrix: app uninstalled');
    return install.memberId;
  }
}
