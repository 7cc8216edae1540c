/**
 * Refreshing an OAuth pair — a portal's (the install's) or one user's — at most once at a time.
 *
 * Bitrix24 refresh tokens are single-use: two refreshes racing with the same token leave one side
 * holding a dead pair. So: inside a process one in-flight promise per portal (a Map); across
 * processes `LockStore.tryAcquire('refresh:'+memberId)`; the loser polls the store until the winner's
 * pair appears (its refresh token differs from the stale one) and uses that. The winner writes with
 * `InstallStore.updateTokens(…, expectedRefreshToken)` (compare-and-swap), so even an expired lease
 * cannot overwrite a newer pair. The HTTP exchange itself is done by the SDK (a throwaway `B24OAuth`
 * holding the current pair, `auth.refreshAuth()`), never by hand.
 */
import { B24OAuth, EnumAppStatus, type B24OAuthParams } from '@bitrix24/b24jssdk';
import type { Logger } from 'pino';
import type { Install, InstallStore, LockStore, TokenPair, UserToken, UserTokenStore } from '../store/types';
import { BitrixReauthRequiredError, BitrixTransportError, NeedsAuthorizationError, PortalNotInstalledError, fromSdkError, type BitrixError } from './errors';

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

export interface TokenRefresherOptions {
  installs: InstallStore;
  /** Per-user pairs (issue 12); without it `refreshUser` cannot be used. */
  userTokens?: UserTokenStore;
  /** The one-tap page that authorises a user again, put into `NeedsAuthorizationError`. */
  authUrl?: (memberId: string, userId: number) => Promise<string | undefined>;
  locks: LockStore;
  app: AppCredentials;
  log?: Logger;
  clock?: () => number;
  /** Lease of the cross-process lock; longer than one OAuth round trip. Default 30 s. */
  lockTtlMs?: number;
  /** How long a loser waits for the winner's pair before giving up. Default 40 s. */
  waitMs?: number;
  /** Poll interval while waiting. Default 100 ms. */
  pollMs?: number;
}

/** Statuses the SDK knows; anything else reads as Free, as the SDK itself does. */
const STATUSES = new Set<string>(Object.values(EnumAppStatus));

/** What both an install and a user's record hold: one OAuth pair and where to use it. */
export type OAuthHolder = Pick<Install, 'memberId' | 'domain' | 'clientEndpoint' | 'serverEndpoint' | 'scope' | 'accessToken' | 'refreshToken' | 'expiresAt'>;

/** The SDK's constructor params for an install (expires in unix seconds, as it expects). */
export function oauthParamsOf(install: OAuthHolder & Partial<Pick<Install, 'applicationToken' | 'installedBy' | 'settings'>>, userId = install.installedBy ?? 0): B24OAuthParams {
  const expiresSec = Math.floor(install.expiresAt / 1000);
  const status = typeof install.settings?.status === 'string' && STATUSES.has(install.settings.status) ? install.settings.status : EnumAppStatus.Local;
  return {
    applicationToken: install.applicationToken ?? '',
    userId,
    memberId: install.memberId,
    accessToken: install.accessToken,
    refreshToken: install.refreshToken,
    expires: expiresSec,
    expiresIn: Math.max(0, expiresSec - Math.floor(Date.now() / 1000)),
    scope: install.scope,
    domain: install.domain,
    clientEndpoint: install.clientEndpoint,
    serverEndpoint: install.serverEndpoint,
    status: status as B24OAuthParams['status'],
    issuer: 'store',
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One stored pair the refresher can re-read and swap: an install's or a user's. `key` names the
 * cross-process lock; `refused` decides what a refused refresh means for this pair.
 */
interface TokenSlot<T extends OAuthHolder> {
  key: string;
  read(): Promise<T | null>;
  swap(pair: TokenPair, expectedRefreshToken: string): Promise<boolean>;
  missing(): BitrixError;
  refused(held: T, code: string, description: string): Promise<BitrixError>;
  /** Keep endpoint/scope changes the OAuth answer brought; returns the record to use. */
  moved(stored: T, got: B24OAuthParams, now: number): Promise<T>;
}

export class TokenRefresher {
  private readonly inflight = new Map<string, Promise<OAuthHolder>>();
  private readonly clock: () => number;
  /** How many OAuth exchanges this instance performed (for tests and metrics). */
  exchanges = 0;

  constructor(private readonly opts: TokenRefresherOptions) {
    this.clock = opts.clock ?? Date.now;
  }

  /**
   * Get a pair newer than `staleRefreshToken`: refresh it, or pick up the pair another caller
   * (here or in another process) already got.
   */
  refresh(memberId: string, staleRefreshToken: string): Promise<Install> {
    const { installs } = this.opts;
    const slot: TokenSlot<Install> = {
      key: `refresh:${memberId}`,
      read: () => installs.get(memberId),
      swap: (pair, expected) => installs.updateTokens(memberId, pair, expected),
      missing: () => new PortalNotInstalledError(memberId),
      refused: async (_held, code, description) => new BitrixReauthRequiredError({ method: 'oauth/token', code, status: 401, description, memberId }),
      moved: async (stored, got, now) => {
        const updated: Install = { ...stored, ...movedFields(stored, got), updatedAt: now };
        await installs.save(updated);
        return updated;
      },
    };
    return this.single(slot, staleRefreshToken);
  }

  /**
   * The same for one user's own pair (one refresh per (portal, user) across processes). A refused
   * refresh (revoked, expired refresh token) drops the pair: the user must open the app page again,
   * which `NeedsAuthorizationError` says.
   */
  refreshUser(memberId: string, userId: number, staleRefreshToken: string): Promise<UserToken> {
    const users = this.opts.userTokens;
    if (!users) throw new Error('TokenRefresher: refreshUser needs the userTokens store');
    const needsAuth = async () => new NeedsAuthorizationError(memberId, userId, await this.opts.authUrl?.(memberId, userId).catch(() => undefined));
    const slot: TokenSlot<UserToken> = {
      key: `refresh:${memberId}:${userId}`,
      read: async () => withInstallEndpoints(await users.get(memberId, userId), await this.opts.installs.get(memberId)),
      swap: (pair, expected) => users.updateTokens(memberId, userId, pair, expected),
      missing: () => new NeedsAuthorizationError(memberId, userId),
      refused: async (held, code) => {
        // Drop the dead pair — unless a newer one arrived meanwhile (the user just opened a page).
        const now = await users.get(memberId, userId);
        if (now && now.refreshToken === held.refreshToken) await users.remove(memberId, userId);
        this.opts.log?.info({ memberId, userId, code }, 'bitrix: user token refused; dropped');
        return needsAuth();
      },
      moved: async (stored, got, now) => {
        const updated: UserToken = { ...stored, ...movedFields(stored, got), updatedAt: now };
        await users.save(updated);
        return updated;
      },
    };
    return this.single(slot, staleRefreshToken).catch(async (e: unknown) => {
      // No pair at all (never authorised, or dropped by another process): carry the page link.
      if (e instanceof NeedsAuthorizationError && !e.url) throw await needsAuth();
      throw e;
    });
  }

  private single<T extends OAuthHolder>(slot: TokenSlot<T>, stale: string): Promise<T> {
    const running = this.inflight.get(slot.key);
    if (running) return running as Promise<T>;
    const p = this.run(slot, stale).finally(() => this.inflight.delete(slot.key));
    this.inflight.set(slot.key, p);
    return p;
  }

  private async run<T extends OAuthHolder>(slot: TokenSlot<T>, stale: string): Promise<T> {
    const { locks } = this.opts;
    const deadline = this.clock() + (this.opts.waitMs ?? 40_000);
    for (;;) {
      const current = await slot.read();
      if (!current) throw slot.missing();
      if (current.refreshToken !== stale) return current; // someone else refreshed already
      const release = await locks.tryAcquire(slot.key, this.opts.lockTtlMs ?? 30_000);
      if (release) {
        try {
          // Re-read under the lock: the winner may have finished between our read and the acquire.
          const fresh = await slot.read();
          if (!fresh) throw slot.missing();
          if (fresh.refreshToken !== stale) return fresh;
          return await this.exchange(slot, fresh);
        } finally {
          await release().catch(() => undefined);
        }
      }
      if (this.clock() >= deadline) {
        throw new BitrixTransportError('oauth/token', 'REFRESH_WAIT_TIMEOUT', `another process held the refresh lock ${slot.key} too long`);
      }
      await sleep(this.opts.pollMs ?? 100);
    }
  }

  /** One OAuth exchange through the SDK, then compare-and-swap into the store. */
  private async exchange<T extends OAuthHolder>(slot: TokenSlot<T>, held: T): Promise<T> {
    const sdk = new B24OAuth(oauthParamsOf(held), this.opts.app);
    let next: B24OAuthParams | null = null;
    sdk.setCallbackRefreshAuth(async ({ b24OAuthParams }) => {
      next = { ...b24OAuthParams };
    });
    this.exchanges++;
    try {
      await sdk.auth.refreshAuth();
    } catch (err) {
      const e = fromSdkError(err, 'oauth/token', {}, held.memberId);
      this.opts.log?.warn({ memberId: held.memberId, lock: slot.key, code: (e as { code?: string }).code, kind: e.kind }, 'bitrix: token refresh failed');
      if (e.kind === 'transport') throw e;
      throw await slot.refused(held, (e as { code?: string }).code ?? 'REFRESH_FAILED', e.message);
    }
    const got = next as B24OAuthParams | null;
    if (!got || !got.accessToken || !got.refreshToken) throw await slot.refused(held, 'REFRESH_NO_DATA', 'the OAuth answer had no tokens');
    const now = this.clock();
    const expiresAt = got.expires > 0 ? got.expires * 1000 : now + (got.expiresIn || 3600) * 1000;
    const pair = { accessToken: got.accessToken, refreshToken: got.refreshToken, expiresAt };
    const swapped = await slot.swap(pair, held.refreshToken);
    const stored = await slot.read();
    if (!stored) throw slot.missing();
    if (!swapped) {
      // Our lease ran out and another writer stored a pair first; theirs is the one the store keeps.
      this.opts.log?.warn({ memberId: held.memberId, lock: slot.key }, 'bitrix: refreshed pair lost the compare-and-swap');
      return stored;
    }
    const moved = (got.clientEndpoint && got.clientEndpoint !== stored.clientEndpoint) || (got.scope && got.scope !== stored.scope) || (got.serverEndpoint && got.serverEndpoint !== stored.serverEndpoint);
    if (moved) {
      this.opts.log?.info({ memberId: held.memberId, lock: slot.key }, 'bitrix: tokens refreshed (endpoints or scope changed)');
      return slot.moved(stored, got, now);
    }
    this.opts.log?.info({ memberId: held.memberId, lock: slot.key }, 'bitrix: tokens refreshed');
    return stored;
  }
}

/** A user's pair is used where the portal is now: the install's endpoints win over the stored copy (a portal that moved). */
export function withInstallEndpoints<T extends OAuthHolder>(token: T | null, install: Install | null): T | null {
  return token && install ? { ...token, domain: install.domain, clientEndpoint: install.clientEndpoint, serverEndpoint: install.serverEndpoint } : token;
}

function movedFields(stored: OAuthHolder, got: B24OAuthParams) {
  return {
    clientEndpoint: got.clientEndpoint || stored.clientEndpoint,
    serverEndpoint: got.serverEndpoint || stored.serverEndpoint,
    scope: got.scope || stored.scope,
  };
}
