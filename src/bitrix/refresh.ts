/**
 * Refreshing a portal's OAuth pair, at most once at a time.
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
import type { Install, InstallStore, LockStore } from '../store/types';
import { BitrixReauthRequiredError, BitrixTransportError, PortalNotInstalledError, fromSdkError } from './errors';

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

export interface TokenRefresherOptions {
  installs: InstallStore;
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

/** The SDK's constructor params for an install (expires in unix seconds, as it expects). */
export function oauthParamsOf(install: Install, userId = install.installedBy ?? 0): B24OAuthParams {
  const expiresSec = Math.floor(install.expiresAt / 1000);
  const status = typeof install.settings?.status === 'string' && STATUSES.has(install.settings.status) ? install.settings.status : EnumAppStatus.Local;
  return {
    applicationToken: install.applicationToken,
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

export class TokenRefresher {
  private readonly inflight = new Map<string, Promise<Install>>();
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
    const running = this.inflight.get(memberId);
    if (running) return running;
    const p = this.run(memberId, staleRefreshToken).finally(() => this.inflight.delete(memberId));
    this.inflight.set(memberId, p);
    return p;
  }

  private async run(memberId: string, stale: string): Promise<Install> {
    const { installs, locks } = this.opts;
    const deadline = this.clock() + (this.opts.waitMs ?? 40_000);
    for (;;) {
      const current = await installs.get(memberId);
      if (!current) throw new PortalNotInstalledError(memberId);
      if (current.refreshToken !== stale) return current; // someone else refreshed already
      const release = await locks.tryAcquire(`refresh:${memberId}`, this.opts.lockTtlMs ?? 30_000);
      if (release) {
        try {
          // Re-read under the lock: the winner may have finished between our read and the acquire.
          const fresh = await installs.get(memberId);
          if (!fresh) throw new PortalNotInstalledError(memberId);
          if (fresh.refreshToken !== stale) return fresh;
          return await this.exchange(fresh);
        } finally {
          await release().catch(() => undefined);
        }
      }
      if (this.clock() >= deadline) {
        throw new BitrixTransportError('oauth/token', 'REFRESH_WAIT_TIMEOUT', `another process held the refresh lock of ${memberId} too long`);
      }
      await sleep(this.opts.pollMs ?? 100);
    }
  }

  /** One OAuth exchange through the SDK, then compare-and-swap into the store. */
  private async exchange(install: Install): Promise<Install> {
    const sdk = new B24OAuth(oauthParamsOf(install), this.opts.app);
    let next: B24OAuthParams | null = null;
    sdk.setCallbackRefreshAuth(async ({ b24OAuthParams }) => {
      next = { ...b24OAuthParams };
    });
    this.exchanges++;
    try {
      await sdk.auth.refreshAuth();
    } catch (err) {
      const e = fromSdkError(err, 'oauth/token', {}, install.memberId);
      this.opts.log?.warn({ memberId: install.memberId, code: (e as { code?: string }).code, kind: e.kind }, 'bitrix: token refresh failed');
      if (e.kind === 'transport') throw e;
      throw new BitrixReauthRequiredError({ method: 'oauth/token', code: (e as { code?: string }).code ?? 'REFRESH_FAILED', status: 401, description: e.message, memberId: install.memberId });
    }
    const got = next as B24OAuthParams | null;
    if (!got || !got.accessToken || !got.refreshToken) {
      throw new BitrixReauthRequiredError({ method: 'oauth/token', code: 'REFRESH_NO_DATA', status: 0, memberId: install.memberId });
    }
    const now = this.clock();
    const expiresAt = got.expires > 0 ? got.expires * 1000 : now + (got.expiresIn || 3600) * 1000;
    const pair = { accessToken: got.accessToken, refreshToken: got.refreshToken, expiresAt };
    const swapped = await this.opts.installs.updateTokens(install.memberId, pair, install.refreshToken);
    const stored = await this.opts.installs.get(install.memberId);
    if (!stored) throw new PortalNotInstalledError(install.memberId, 'removed during token refresh');
    if (!swapped) {
      // Our lease ran out and another writer stored a pair first; theirs is the one the store keeps.
      this.opts.log?.warn({ memberId: install.memberId }, 'bitrix: refreshed pair lost the compare-and-swap');
      return stored;
    }
    const moved = got.clientEndpoint && got.clientEndpoint !== stored.clientEndpoint;
    const rescoped = got.scope && got.scope !== stored.scope;
    if (moved || rescoped || (got.serverEndpoint && got.serverEndpoint !== stored.serverEndpoint)) {
      const updated: Install = {
        ...stored,
        clientEndpoint: got.clientEndpoint || stored.clientEndpoint,
        serverEndpoint: got.serverEndpoint || stored.serverEndpoint,
        scope: got.scope || stored.scope,
        updatedAt: now,
      };
      await this.opts.installs.save(updated);
      this.opts.log?.info({ memberId: install.memberId }, 'bitrix: tokens refreshed (endpoints or scope changed)');
      return updated;
    }
    this.opts.log?.info({ memberId: install.memberId }, 'bitrix: tokens refreshed');
    return stored;
  }
}
