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

  /** ONAPPINSTALL: store (or replace) the portal's install; settings of a previous install are kept. */
  async onAppInstall(body: unknown): Promise<Install> {
    const now = this.clock();
    const next = installFromEvent(body, now);
    const prev = await this.opts.installs.get(next.memberId);
    const install: Install = prev
      ? { ...next, installedAt: prev.installedAt, installedBy: next.installedBy ?? prev.installedBy, settings: { ...prev.settings, ...next.settings } }
      : next;
    await this.opts.installs.save(install);
    this.opts.onChange?.(install.memberId);
    this.opts.log?.info({ memberId: install.memberId, domain: install.domain, reinstall: !!prev }, 'bitrix: app installed');
    return install;
  }

  /** Install page POST: store the tokens; keep an application_token we already have. */
  async onInstallPage(body: unknown, query: Record<string, unknown> = {}): Promise<Install> {
    const now = this.clock();
    const next = installFromPage(body, query, now);
    const prev = await this.opts.installs.get(next.memberId);
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
