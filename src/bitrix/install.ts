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
 * Trusting ONAPPINSTALL (protocols.md §3.4, docs/bitrix.md "Trusting ONAPPINSTALL"): anyone can POST a form
 * naming any member_id, and the install event sets the application_token every later event of that
 * portal is checked against. So before anything is stored:
 * 1. the endpoints must be a Bitrix24 portal's (`portalEndpointProblems`: client_endpoint's host is
 *    auth[domain], a cloud zone host, a B24_ALLOWED_DOMAINS entry or a trusted sandbox origin;
 *    server_endpoint a Bitrix24 OAuth server) — checked before any connection is opened;
 * 2. `createInstallVerifier` asks the portal itself: `app.info` (the token is our app's, at this
 *    portal) and `user.admin` (the token's user is an administrator — every user of the app holds a
 *    token that passes app.info, only an admin may install);
 * 3. `InstallService` refuses a replay (a stale or missing `ts`, an access token already used for an
 *    install) and never replaces a stored application_token without a verified admin re-install.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
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

/**
 * Bitrix24's cloud zones: the portal domains Bitrix24 itself lists for its cloud (the `$domains` table
 * of the `landing` module's `Bitrix\Landing\Help`, one per region). A cloud portal is
 * `<name>.<zone>` over https on the default port. Anything else (a self-hosted portal, a zone added
 * later, a portal's own domain) is named in B24_ALLOWED_DOMAINS.
 */
export const BITRIX24_CLOUD_ZONES: readonly string[] = [
  'bitrix24.ru', 'bitrix24.by', 'bitrix24.kz', 'bitrix24.ua', 'bitrix24.com', 'bitrix24.de', 'bitrix24.es', 'bitrix24.com.br',
  'bitrix24.pl', 'bitrix24.fr', 'bitrix24.cn', 'bitrix24.in', 'bitrix24.eu', 'bitrix24.com.tr', 'bitrix24.it', 'bitrix24.id',
  'bitrix24.vn', 'bitrix24.jp',
];

/**
 * The OAuth servers the docs name as `server_endpoint` (oauth.bitrix.info, and oauth.bitrix24.tech in
 * the Russian-language pages). Refreshing sends our client secret there, so no other host is taken
 * for a cloud portal.
 */
export const BITRIX24_OAUTH_HOSTS: readonly string[] = ['oauth.bitrix.info', 'oauth.bitrix24.tech'];

/** Where an install may point us (issue 11 item 3: the server connects only to Bitrix24 portals). */
export interface PortalHostPolicy {
  /**
   * B24_ALLOWED_DOMAINS: `host`, `host:port` or `*.suffix` (any host under it), https only. The portal's
   * own server_endpoint (same origin) is accepted for these, as a self-hosted portal has one.
   */
  allowedDomains?: readonly string[];
  /**
   * Origins (`http://127.0.0.1:3000`) trusted as they are, plain http included: only the configured
   * sandbox portal and, for benches and tests, a sandbox in another process (`httpPortalOrigins`).
   */
  httpOrigins?: () => readonly string[];
}

const CLOUD_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** True when `host` (lower case, maybe with a port) is `<one label>.<cloud zone>` on the default port. */
export function isCloudPortalHost(host: string): boolean {
  if (host.includes(':')) return false;
  return BITRIX24_CLOUD_ZONES.some((z) => host.endsWith(`.${z}`) && CLOUD_LABEL.test(host.slice(0, -z.length - 1)));
}

/** Whether `host` (`name` or `name:port`, lower case) is listed in `allowed` (B24_ALLOWED_DOMAINS). */
export function isAllowedDomain(host: string, allowed: readonly string[]): boolean {
  const [name, port] = host.split(':') as [string, string | undefined];
  return allowed.some((entry) => {
    const e = entry.toLowerCase();
    if (e.startsWith('*.')) return port === undefined && name.endsWith(e.slice(1)) && name.length > e.length - 1;
    return e === host;
  });
}

/**
 * Every reason the claimed endpoints are not a Bitrix24 portal's we may connect to (empty = fine):
 * client_endpoint has no credentials, query or fragment and its host is `auth[domain]`; that host is a
 * trusted origin (any scheme as configured), or https and a cloud portal or a B24_ALLOWED_DOMAINS
 * entry; server_endpoint is https at a Bitrix24 OAuth server, or the portal's own origin when the
 * portal is not a cloud one. Pure: nothing is connected to.
 */
export function portalEndpointProblems(claim: Pick<Install, 'domain' | 'clientEndpoint' | 'serverEndpoint'>, policy: PortalHostPolicy = {}): string[] {
  let client: URL;
  let server: URL;
  try {
    client = new URL(claim.clientEndpoint);
    server = new URL(claim.serverEndpoint);
  } catch {
    return ['auth[client_endpoint] or auth[server_endpoint] is not a URL'];
  }
  const problems: string[] = [];
  const host = client.host.toLowerCase();
  if (client.search || client.hash || client.username || client.password) problems.push('auth[client_endpoint] carries a query or credentials');
  if (host !== claim.domain.toLowerCase()) problems.push(`auth[client_endpoint] host ${host} is not the portal ${claim.domain}`);
  const trusted = (policy.httpOrigins?.() ?? []).map((o) => o.toLowerCase()).includes(client.origin.toLowerCase());
  const cloud = !trusted && client.protocol === 'https:' && isCloudPortalHost(host);
  const listed = !trusted && client.protocol === 'https:' && isAllowedDomain(host, policy.allowedDomains ?? []);
  if (!trusted && !cloud && !listed) {
    problems.push(client.protocol === 'https:'
      ? `${host} is not a Bitrix24 cloud portal nor listed in B24_ALLOWED_DOMAINS`
      : `auth[client_endpoint] must be https (${client.origin} is not the configured sandbox)`);
  }
  const central = server.protocol === 'https:' && !server.port && BITRIX24_OAUTH_HOSTS.includes(server.hostname.toLowerCase());
  const own = (trusted || listed) && server.origin.toLowerCase() === client.origin.toLowerCase();
  if (server.search || server.hash || server.username || server.password) problems.push('auth[server_endpoint] carries a query or credentials');
  else if (!central && !own) problems.push(`auth[server_endpoint] ${server.host} is not a Bitrix24 OAuth server`);
  return problems;
}

export interface InstallVerifierOptions extends PortalHostPolicy {
  /** Our app's client id (config B24_CLIENT_ID, or the sandbox app's). */
  clientId: string;
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
 * The production verifier: guards the endpoints (`portalEndpointProblems`, before any connection),
 * then asks the portal with the claimed access token: `app.info` (checked by `verifyInstallClaim`)
 * and `user.admin`, which must answer `true` (api-reference/common/users/user-admin.md: "true if
 * the current user is a Bitrix24 administrator") — any user of the app has a token app.info accepts.
 * Redirects are refused (`redirect: 'error'`): the answer must come from the named host. Any failure
 * to get an answer is a refusal too: an install we cannot confirm is not stored (it can be retried).
 */
export function createInstallVerifier(opts: InstallVerifierOptions): InstallVerifier {
  const doFetch = opts.fetch ?? fetch;
  return async (claim) => {
    const problems = portalEndpointProblems(claim, opts);
    if (problems.length) throw new InstallRejectedError(problems.join('; '));
    const base = claim.clientEndpoint.endsWith('/') ? claim.clientEndpoint : `${claim.clientEndpoint}/`;
    const ask = async (method: string): Promise<unknown> => {
      try {
        const res = await doFetch(new URL(method, base), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ auth: claim.accessToken }),
          redirect: 'error',
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
        const answer: unknown = await res.json().catch(() => undefined);
        return !res.ok && !(isObj(answer) && answer.error !== undefined) ? { error: `HTTP ${res.status}` } : answer;
      } catch (e) {
        throw new InstallRejectedError(`the portal could not be asked to confirm the install (${e instanceof Error ? e.message : String(e)})`);
      }
    };
    const refused = verifyInstallClaim(claim, await ask('app.info'), opts.clientId);
    if (refused.length) throw new InstallRejectedError(refused.join('; '));
    const admin = await ask('user.admin');
    if (!isObj(admin) || admin.result !== true) {
      const why = isObj(admin) && admin.error !== undefined ? `user.admin failed (${s(admin.error) ?? 'error'})` : 'user.admin says the user is not an administrator';
      throw new InstallRejectedError(`only an administrator of the portal may install the app: ${why}`);
    }
  };
}

/** How far an ONAPPINSTALL's `ts` may lie behind our clock (queue delay), and ahead of it (clock skew). */
export const INSTALL_MAX_AGE_MS = 15 * 60_000;
export const INSTALL_MAX_SKEW_MS = 5 * 60_000;

/**
 * Records that an install credential (a hash of its access token) was used; true the first time
 * only. Shared across processes in the runtime (the action log); in memory by default.
 */
export type FirstUse = (key: string, memberId: string, now: number) => Promise<boolean>;

export interface InstallServiceOptions {
  installs: InstallStore;
  clock?: () => number;
  log?: Logger;
  /** Called after an install changes or goes away, e.g. `PortalClients.forget`. */
  onChange?: (memberId: string) => void;
  /** Replay guard for install credentials; default: this service's memory (kept INSTALL_MAX_AGE_MS + skew). */
  firstUse?: FirstUse;
  /** When set, `verifyEvent` refuses events of a stored install whose endpoints fail this policy. */
  endpointPolicy?: PortalHostPolicy;
}

/** The default FirstUse: keys in memory for as long as a `ts` can stay fresh. */
function memoryFirstUse(): FirstUse {
  const seen = new Map<string, number>();
  return async (key, _memberId, now) => {
    for (const [k, at] of seen) if (at < now - INSTALL_MAX_AGE_MS - INSTALL_MAX_SKEW_MS) seen.delete(k);
    if (seen.has(key)) return false;
    seen.set(key, now);
    return true;
  };
}

type InstallKind = 'event' | 'page';

/**
 * The key a used install credential is remembered by: never the token itself. Event and page are
 * kept apart: a UI app's ONAPPINSTALL may carry the very token its install page POST had.
 */
const credentialKey = (kind: InstallKind, token: string) => `install-${kind}:${createHash('sha256').update(token).digest('hex')}`;

export class InstallService {
  private readonly clock: () => number;
  private readonly firstUse: FirstUse;
  constructor(private readonly opts: InstallServiceOptions) {
    this.clock = opts.clock ?? Date.now;
    this.firstUse = opts.firstUse ?? memoryFirstUse();
  }

  /**
   * ONAPPINSTALL: refuse a stale body (`refuseStale`) and a replay (`confirm`), verify the claim with `verify` (nothing is stored
   * when it throws), then store the portal's install; settings of a previous install are kept. A
   * known portal cannot be moved to another host, nor a known host given another member id
   * (InstallRejectedError): the app is uninstalled first (ONAPPUNINSTALL removes the record). A
   * stored application_token is replaced only when `verify` confirmed the claim (an administrator's
   * re-install), and that is logged. `verify` is optional only for unit tests against a portal
   * double; the HTTP route (src/channels/bitrix-app.ts) always passes one.
   */
  async onAppInstall(body: unknown, verify?: InstallVerifier): Promise<Install> {
    const now = this.clock();
    const next = installFromEvent(body, now);
    this.refuseStale(next, pickString(asForm(body), 'ts'), now);
    const prev = await this.opts.installs.get(next.memberId);
    const replacesToken = !!prev?.applicationToken && !sameSecret(prev.applicationToken, next.applicationToken);
    if (replacesToken && !verify) throw this.refuse(next, 'the stored application_token is replaced only by an administrator\'s re-install the portal confirms');
    await this.confirm('event', next, prev, verify);
    const install: Install = prev
      ? { ...next, installedAt: prev.installedAt, installedBy: next.installedBy ?? prev.installedBy, settings: { ...prev.settings, ...next.settings } }
      : next;
    await this.opts.installs.save(install);
    this.opts.onChange?.(install.memberId);
    if (replacesToken) this.opts.log?.warn({ memberId: install.memberId, domain: install.domain, claimedUserId: next.installedBy }, 'bitrix: application_token replaced by an administrator\'s re-install');
    this.opts.log?.info({ memberId: install.memberId, domain: install.domain, reinstall: !!prev }, 'bitrix: app installed');
    return install;
  }

  /**
   * A replayed install body is refused: `ts` (when the portal sent the event) must be present and
   * within INSTALL_MAX_AGE_MS behind / INSTALL_MAX_SKEW_MS ahead of our clock. Within that window the
   * access token's single use (`confirm`) catches a body posted again.
   */
  private refuseStale(next: Install, ts: string | undefined, now: number): void {
    const sent = ts && /^\d{1,12}$/.test(ts) ? Number(ts) * 1000 : NaN;
    if (!Number.isFinite(sent)) throw this.refuse(next, 'the install event has no ts; a body without one is refused as a possible replay');
    if (sent < now - INSTALL_MAX_AGE_MS) throw this.refuse(next, `the install event was sent ${Math.round((now - sent) / 60_000)} min ago; a stale body is refused as a replay`);
    if (sent > now + INSTALL_MAX_SKEW_MS) throw this.refuse(next, 'the install event is dated in the future; refused');
  }

  private refuse(next: Pick<Install, 'memberId' | 'domain'>, why: string): InstallRejectedError {
    this.opts.log?.warn({ memberId: next.memberId, domain: next.domain, reason: why }, 'bitrix: install refused');
    return new InstallRejectedError(why);
  }

  /**
   * Refuse an install claim that pairs member id and host differently from what we know (a portal
   * has one of each; hosts compared by client_endpoint, kept current when the sandbox moves ports),
   * or whose tokens were already used (an event bringing the stored pair, or an access token already
   * used for an install of this kind: a replay), then let `verify` ask the portal, and take the access
   * token's single use.
   * Throws InstallRejectedError; nothing is stored then.
   */
  private async confirm(kind: InstallKind, next: Install, prev: Install | null, verify?: InstallVerifier): Promise<void> {
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
    // An event bringing the stored pair again, once the install has its application_token, is a replay
    // (before that, a UI app's event may legitimately repeat the install page's pair).
    if (kind === 'event' && prev?.applicationToken && (sameSecret(prev.accessToken, next.accessToken) || sameSecret(prev.refreshToken, next.refreshToken))) {
      throw this.refuse(next, 'these tokens are already stored; a replayed install is refused');
    }
    try {
      await verify?.(next);
    } catch (e) {
      this.opts.log?.warn({ memberId: next.memberId, domain: next.domain, err: e instanceof Error ? e.message : String(e) }, 'bitrix: install event not confirmed by the portal; refused');
      throw e;
    }
    if (!(await this.firstUse(credentialKey(kind, next.accessToken), next.memberId, this.clock()))) {
      throw this.refuse(next, 'this access token was already used for an install; a replayed install is refused');
    }
  }

  /**
   * Install page POST: confirmed like ONAPPINSTALL (the page carries no `ts`; its AUTH_ID is single
   * use here instead), then the tokens are stored; an application_token we already have is kept.
   */
  async onInstallPage(body: unknown, query: Record<string, unknown> = {}, verify?: InstallVerifier): Promise<Install> {
    const now = this.clock();
    const next = installFromPage(body, query, now);
    const prev = await this.opts.installs.get(next.memberId);
    await this.confirm('page', next, prev, verify);
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
    const install = await this.authenticate(body);
    // A stored install whose endpoints fail today's policy (stored before it) gets no work done: that
    // work would connect to its endpoints. Uninstalling it stays possible.
    const policy = this.opts.endpointPolicy;
    const problems = policy ? portalEndpointProblems(install, policy) : [];
    if (problems.length) throw this.refuse(install, `the installed portal's endpoints are refused (${problems.join('; ')}); reinstall the app`);
    return install;
  }

  private async authenticate(body: unknown): Promise<Install> {
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
    const install = await this.authenticate(form);
    await this.opts.installs.remove(install.memberId);
    this.opts.onChange?.(install.memberId);
    this.opts.log?.info({ memberId: install.memberId }, 'bitrix: app uninstalled');
    return install.memberId;
  }
}
