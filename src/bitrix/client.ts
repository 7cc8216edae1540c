/**
 * One SDK client per installed portal, and the small calling surface the rest of src/bitrix uses.
 *
 * `PortalClients.get(memberId)` builds a `B24OAuth` from the stored install and caches it; the SDK
 * does the rate limiting (leaky bucket), 503/429 back-off and the 401 → refresh → retry-once dance.
 * We plug our `TokenRefresher` in as the SDK's custom refresh, so every refresh is single-flight and
 * lands in the store by compare-and-swap.
 *
 * Retries: the SDK retries network errors by default, which would repeat a `*.add` whose answer got
 * lost. So the SDK is told to throw on every transport code, and `call` retries only reads itself;
 * writes surface `BitrixTransportError` to `actions.ts`, which resolves them by marker search.
 */
import { ApiVersion, B24Hook, B24OAuth, type RestrictionParams, type TypeB24 } from '@bitrix24/b24jssdk';
import type { Logger } from 'pino';
import type { Install, InstallStore, LockStore, UserTokenStore } from '../store/types';
import { BitrixApiError, BitrixError, BitrixTransportError, NeedsAuthorizationError, PortalNotInstalledError, TRANSPORT_CODES, apiErrorFor, fromSdkError } from './errors';
import { TokenRefresher, oauthParamsOf, withInstallEndpoints, type AppCredentials, type OAuthHolder } from './refresh';
import { sdkLogger } from './sdk-logger';

export type { AppCredentials } from './refresh';

export type Params = Record<string, unknown>;

export interface CallOptions {
  /** A write (`*.add`): never retried on a transport error here. Default false. */
  write?: boolean;
}

/** One list page as the portal answered it. */
export interface Page<T> {
  result: T;
  total?: number;
  next?: number;
}

/** Per-command outcome of a batch. */
export interface BatchItem {
  result?: unknown;
  error?: BitrixApiError;
}

/** What directory/actions/crm need from a portal; `PortalClient` implements it over the SDK. */
export interface BitrixCaller {
  readonly memberId: string;
  call<T = unknown>(method: string, params?: Params, opts?: CallOptions): Promise<T>;
  callPage<T = unknown>(method: string, params?: Params): Promise<Page<T>>;
  /** ≤ 50 named commands, `halt=0`: one failing command does not fail the others. */
  batch(commands: Record<string, [string, Params]>): Promise<Record<string, BatchItem>>;
}

export interface PortalClientOptions {
  log?: Logger;
  /** Overrides of the SDK's limiter (default: 2 req/s, burst 50 — the standard plan). */
  restriction?: Partial<RestrictionParams>;
  /** HTTP timeout per request, ms. Default 30 000 (the SDK's). */
  timeoutMs?: number;
  /** Extra attempts for reads after a transport error. Default 2. */
  readRetries?: number;
  /** Back-off before read retry n (ms × 2^n). Default 250. */
  readRetryBaseMs?: number;
  /** Told of every call's outcome: 'ok', 'retry' (a read tried again) or the error's code (metrics). */
  onCall?: (method: string, outcome: string) => void;
}

/**
 * Default limiter: the standard plan (drain 2/s) with a burst of 45 rather than 50. The SDK's
 * token bucket stamps a request when it leaves, the portal's leaky bucket when it arrives, so at
 * exactly 50 the two drift apart by a request now and then; the headroom keeps us under the limit.
 */
export const DEFAULT_RATE_LIMIT = { burstLimit: 45, drainRate: 2, adaptiveEnabled: true };

/** The SDK's own params, with every transport code made "hard" so we decide about retries. */
function restrictionFor(opts: PortalClientOptions): Partial<RestrictionParams> {
  return {
    rateLimit: DEFAULT_RATE_LIMIT,
    ...opts.restriction,
    retryOnNetworkError: false,
    hardErrorCodes: [...TRANSPORT_CODES, ...(opts.restriction?.hardErrorCodes ?? [])],
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The calling surface over any SDK client (OAuth or incoming webhook). */
export class PortalClient implements BitrixCaller {
  constructor(
    readonly memberId: string,
    readonly sdk: TypeB24,
    private readonly opts: PortalClientOptions = {},
  ) {
    if (opts.log) sdk.setLogger(sdkLogger(opts.log.child({ memberId })));
    // Never follow a redirect: a portal's answer comes from its own host, and a 307 would resend the token elsewhere.
    for (const v of [ApiVersion.v2, ApiVersion.v3]) sdk.getHttpClient(v).ajaxClient.defaults.maxRedirects = 0;
    if (opts.timeoutMs) {
      for (const v of [ApiVersion.v2, ApiVersion.v3]) sdk.getHttpClient(v).ajaxClient.defaults.timeout = opts.timeoutMs;
    }
  }

  async call<T = unknown>(method: string, params: Params = {}, opts: CallOptions = {}): Promise<T> {
    return (await this.callPage<T>(method, params, opts)).result;
  }

  async callPage<T = unknown>(method: string, params: Params = {}, opts: CallOptions = {}): Promise<Page<T>> {
    const retries = opts.write ? 0 : (this.opts.readRetries ?? 2);
    for (let attempt = 0; ; attempt++) {
      try {
        const page = await this.once<T>(method, params);
        this.opts.onCall?.(method, 'ok');
        return page;
      } catch (err) {
        const last = !(err instanceof BitrixTransportError) || attempt >= retries;
        this.opts.onCall?.(method, last ? ((err as { code?: string }).code || 'error') : 'retry');
        if (last) throw err;
        await sleep((this.opts.readRetryBaseMs ?? 250) * 2 ** attempt);
      }
    }
  }

  private async once<T>(method: string, params: Params): Promise<Page<T>> {
    let res;
    try {
      res = await this.sdk.actions.v2.call.make<T>({ method, params });
    } catch (err) {
      throw fromSdkError(err, method, params, this.memberId);
    }
    if (!res.isSuccess) throw this.softError(res.getErrors(), method, params);
    // `next`/`total` are in the raw answer though not in the SDK's type.
    const raw = (res as unknown as { _data?: { result: T; next?: unknown; total?: unknown } })._data;
    const data = res.getData();
    return {
      result: (data ? data.result : raw?.result) as T,
      total: typeof raw?.total === 'number' ? raw.total : undefined,
      next: typeof raw?.next === 'number' ? raw.next : undefined,
    };
  }

  async batch(commands: Record<string, [string, Params]>): Promise<Record<string, BatchItem>> {
    // A batch of reads only (the CRM export) is retried after a lost answer like any read; writes never.
    const reads = Object.values(commands).every(([m]) => /\.(list|get|fields)$/i.test(m));
    const retries = reads ? (this.opts.readRetries ?? 2) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.batchOnce(commands);
      } catch (err) {
        if (!(err instanceof BitrixTransportError) || attempt >= retries) throw err;
        await sleep((this.opts.readRetryBaseMs ?? 250) * 2 ** attempt);
      }
    }
  }

  private async batchOnce(commands: Record<string, [string, Params]>): Promise<Record<string, BatchItem>> {
    const keys = Object.keys(commands);
    if (keys.length === 0) return {};
    const out: Record<string, BatchItem> = {};
    let res;
    try {
      res = await this.sdk.actions.v2.batch.make({
        calls: commands as never,
        options: { isHaltOnError: false, returnAjaxResult: true },
      });
    } catch (err) {
      const e = fromSdkError(err, 'batch', { cmd: Object.fromEntries(keys.map((k) => [k, commands[k]![0]])) }, this.memberId);
      this.opts.onCall?.('batch', (e as { code?: string }).code || 'error');
      throw e;
    }
    this.opts.onCall?.('batch', 'ok');
    const data = (res.getData() ?? {}) as Record<string, { isSuccess: boolean; getData(): { result: unknown } | undefined; getErrors(): Iterable<Error> }>;
    for (const k of keys) {
      const item = data[k];
      if (!item) {
        out[k] = { error: apiErrorFor({ method: commands[k]![0], code: 'NO_ANSWER', status: 0, description: 'batch returned nothing for this command', memberId: this.memberId }) };
      } else if (item.isSuccess) {
        out[k] = { result: item.getData()?.result };
      } else {
        out[k] = { error: this.softError(item.getErrors(), commands[k]![0], commands[k]![1]) as BitrixApiError };
      }
    }
    return out;
  }

  private softError(errors: Iterable<Error>, method: string, params: Params): BitrixError {
    const first = [...errors][0];
    return first ? fromSdkError(first, method, params, this.memberId) : apiErrorFor({ method, code: 'UNKNOWN', status: 0, params, memberId: this.memberId });
  }
}

export interface PortalClientsOptions extends PortalClientOptions {
  installs: InstallStore;
  /** Users' own pairs: `forUser` acts with them (issue 12). */
  userTokens?: UserTokenStore;
  /** The one-tap app page that authorises a user who has no pair yet (carried by `NeedsAuthorizationError`). */
  authUrl?: (memberId: string, userId: number) => Promise<string | undefined>;
  locks: LockStore;
  app: AppCredentials;
  /** Shared refresher (one per process); built from installs/locks/app when absent. */
  refresher?: TokenRefresher;
}

/** The per-portal client cache. Build one per process (no global singleton). */
export class PortalClients {
  private readonly cache = new Map<string, Promise<PortalClient>>();
  readonly refresher: TokenRefresher;

  private readonly users = new Map<string, Promise<BitrixCaller>>();

  constructor(private readonly opts: PortalClientsOptions) {
    this.refresher =
      opts.refresher ?? new TokenRefresher({ installs: opts.installs, userTokens: opts.userTokens, authUrl: opts.authUrl, locks: opts.locks, app: opts.app, log: opts.log });
  }

  /**
   * A client acting with `userId`'s own token, so the portal applies that user's rights. Never
   * falls back to the installer's token: no pair → `NeedsAuthorizationError` with the page link.
   */
  forUser(memberId: string, userId: number): Promise<BitrixCaller> {
    const key = `${memberId}\u0000${userId}`;
    let p = this.users.get(key);
    if (!p) {
      p = this.buildForUser(memberId, userId);
      this.users.set(key, p);
      p.catch(() => this.users.delete(key));
    }
    return p;
  }

  /** Drop a cached user client (a new pair was kept, or the old one was refused). */
  forgetUser(memberId: string, userId: number): void {
    this.users.delete(`${memberId}\u0000${userId}`);
  }

  private async buildForUser(memberId: string, userId: number): Promise<BitrixCaller> {
    const install = await this.opts.installs.get(memberId);
    if (!install) throw new PortalNotInstalledError(memberId);
    const token = withInstallEndpoints((await this.opts.userTokens?.get(memberId, userId)) ?? null, install);
    // The install's own pair is the installing user's token: for that user it is theirs.
    if (!token && install.installedBy === userId) return this.get(memberId);
    if (!token) throw new NeedsAuthorizationError(memberId, userId, await this.opts.authUrl?.(memberId, userId).catch(() => undefined));
    const client = this.oauthClient(token, userId, (stale) => this.refresher.refreshUser(memberId, userId, stale));
    // A refused pair is gone from the store: the next call must see "no token", not this client.
    return new ForgetOnReauth(client, () => this.forgetUser(memberId, userId));
  }

  /** The client of an installed portal; `PortalNotInstalledError` when none is stored. */
  get(memberId: string): Promise<PortalClient> {
    let p = this.cache.get(memberId);
    if (!p) {
      p = this.build(memberId);
      this.cache.set(memberId, p);
      p.catch(() => this.cache.delete(memberId));
    }
    return p;
  }

  /** Drop a cached client (after uninstall or reinstall). */
  forget(memberId: string): void {
    this.cache.delete(memberId);
    for (const k of this.users.keys()) if (k.startsWith(`${memberId}\u0000`)) this.users.delete(k);
  }

  private async build(memberId: string): Promise<PortalClient> {
    const install = await this.opts.installs.get(memberId);
    if (!install) throw new PortalNotInstalledError(memberId);
    return this.fromInstall(install);
  }

  private fromInstall(install: Install): PortalClient {
    return this.oauthClient(install, install.installedBy ?? 0, (stale) => this.refresher.refresh(install.memberId, stale), install);
  }

  /** An SDK client over one stored pair whose refreshes go through `refresh` (single-flight, CAS). */
  private oauthClient<T extends OAuthHolder>(first: T, userId: number, refresh: (stale: string) => Promise<T>, install?: Install): PortalClient {
    const install_ = { ...first, ...(install ? { applicationToken: install.applicationToken, settings: install.settings } : {}) };
    const sdk = new B24OAuth(oauthParamsOf(install_, userId), this.opts.app, { restrictionParams: restrictionFor(this.opts) });
    // The pair this SDK instance holds; the refresher needs it to tell "stale" from "already renewed".
    let held: OAuthHolder = first;
    // Access tokens the portal answered 401 to. A request sent with the old token can come back
    // 401 after we already refreshed; the SDK would then ask for another refresh, which must not
    // spend the new (single-use) refresh token. So we only exchange when the held token itself
    // was refused or has run out.
    const refused = new Set<string>();
    for (const v of [ApiVersion.v2, ApiVersion.v3]) {
      sdk.getHttpClient(v).ajaxClient.interceptors.response.use(undefined, (err: { response?: { status?: number }; config?: { data?: unknown } }) => {
        if (err?.response?.status === 401) {
          const token = accessTokenOf(err.config?.data);
          if (token) refused.add(token);
        }
        return Promise.reject(err);
      });
    }
    sdk.setCustomRefreshAuth(async () => {
      const stillGood = !refused.has(held.accessToken) && held.expiresAt > Date.now() + 5_000;
      const fresh = stillGood ? held : await refresh(held.refreshToken);
      if (fresh !== held) refused.clear();
      held = fresh;
      const p = oauthParamsOf(fresh);
      return {
        access_token: fresh.accessToken,
        refresh_token: fresh.refreshToken,
        expires: p.expires,
        expires_in: p.expiresIn,
        client_endpoint: fresh.clientEndpoint,
        server_endpoint: fresh.serverEndpoint,
        member_id: fresh.memberId,
        scope: fresh.scope,
        status: p.status,
        domain: fresh.domain,
      } as never;
    });
    return new PortalClient(first.memberId, sdk, this.opts);
  }
}

/** A user's client that forgets itself from the cache once its pair was refused. */
class ForgetOnReauth implements BitrixCaller {
  constructor(private readonly inner: PortalClient, private readonly forget: () => void) {}
  get memberId() {
    return this.inner.memberId;
  }
  get sdk() {
    return this.inner.sdk;
  }
  private async guard<R>(p: Promise<R>): Promise<R> {
    try {
      return await p;
    } catch (e) {
      if (e instanceof BitrixError && (e.kind === 'needs_authorization' || e.kind === 'reauth_required')) this.forget();
      throw e;
    }
  }
  call<T = unknown>(method: string, params?: Params, opts?: CallOptions): Promise<T> {
    return this.guard(this.inner.call<T>(method, params, opts));
  }
  callPage<T = unknown>(method: string, params?: Params, opts?: CallOptions): Promise<Page<T>> {
    return this.guard(this.inner.callPage<T>(method, params, opts));
  }
  batch(commands: Record<string, [string, Params]>): Promise<Record<string, BatchItem>> {
    return this.guard(this.inner.batch(commands));
  }
}

/** The `auth` field of a request body the SDK sent (JSON string or object). */
function accessTokenOf(data: unknown): string | undefined {
  try {
    const body = typeof data === 'string' ? (JSON.parse(data) as { auth?: unknown }) : (data as { auth?: unknown } | undefined);
    return typeof body?.auth === 'string' ? body.auth : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A client over an incoming webhook (`https://portal/rest/<user>/<code>/`), e.g. for a portal
 * without an installed app. The SDK insists on HTTPS here. `memberId` only labels logs and errors.
 */
export function hookClient(webhookUrl: string, memberId: string, opts: PortalClientOptions = {}): PortalClient {
  let sdk: B24Hook;
  try {
    sdk = B24Hook.fromWebhookUrl(webhookUrl, { restrictionParams: restrictionFor(opts) });
  } catch (err) {
    // The SDK's message never echoes the URL (it holds the secret); keep it that way.
    throw new BitrixApiError({ method: 'webhook', code: 'BAD_WEBHOOK_URL', status: 0, description: err instanceof Error ? err.message : String(err), memberId });
  }
  return new PortalClient(memberId, sdk, opts);
}
