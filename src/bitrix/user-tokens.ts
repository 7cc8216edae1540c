/**
 * Keeping users' own OAuth pairs (issue 12: act as the speaker). Two sources, both already
 * authenticated by the time they reach here:
 * - an app page or placement a user opened in the portal (`AUTH_ID`, `REFRESH_ID`, `AUTH_EXPIRES`,
 *   `member_id`; the user was checked with `profile` on the installed portal);
 * - an event whose top-level `auth[application_token]` matched (bot events carry the token of the
 *   user who wrote), when its scope covers what we do in a user's name.
 * The endpoints are always the install's, never the request's: a forged SERVER_ENDPOINT must not
 * receive a refresh token.
 */
import type { Install, InstallStore, UserToken, UserTokenStore } from '../store/types';
import { pickObject, pickString, type PhpForm } from './php-form';

/** Scopes a user's token needs for what the assistant does as them (tasks, calendar, messages, CRM reads). */
export const USER_SCOPES = ['task', 'calendar', 'im', 'crm'] as const;

/** True when `scope` (comma- or space-separated) covers every scope in `USER_SCOPES`. */
export function usableScope(scope: string): boolean {
  const have = new Set(scope.split(/[\s,]+/).filter(Boolean).map((s) => (s === 'tasks' ? 'task' : s)));
  return USER_SCOPES.every((s) => have.has(s));
}

export interface PageTokens {
  memberId: string;
  /** `AUTH_ID`. */
  accessToken: string;
  /** `REFRESH_ID`. */
  refreshToken?: string;
  /** `AUTH_EXPIRES`, seconds. */
  expiresIn?: number;
}

export interface UserTokenKeeperDeps {
  installs: Pick<InstallStore, 'get'>;
  userTokens: UserTokenStore;
  /** Called after a pair was stored, so a cached client picks it up (`PortalClients.forgetUser`). */
  onKept?: (memberId: string, userId: number) => void;
  clock?: () => number;
}

const DEFAULT_TTL_S = 3600;
/** Longest access-token lifetime we believe from a request (Bitrix24 issues 3600 s). */
const MAX_TTL_S = 24 * 3600;

export function createUserTokenKeeper(deps: UserTokenKeeperDeps) {
  const clock = deps.clock ?? Date.now;

  async function keep(install: Install, userId: number, accessToken: string, refreshToken: string, expiresInS: number | undefined, scope: string): Promise<boolean> {
    if (!Number.isSafeInteger(userId) || userId <= 0) return false;
    if (!/^[\w.-]{1,512}$/.test(accessToken) || !/^[\w.-]{1,512}$/.test(refreshToken)) return false;
    const now = clock();
    const ttl = expiresInS !== undefined && Number.isFinite(expiresInS) && expiresInS > 0 ? Math.min(expiresInS, MAX_TTL_S) : DEFAULT_TTL_S;
    const token: UserToken = {
      memberId: install.memberId,
      userId,
      domain: install.domain,
      clientEndpoint: install.clientEndpoint,
      serverEndpoint: install.serverEndpoint,
      scope,
      accessToken,
      refreshToken,
      expiresAt: now + ttl * 1000,
      updatedAt: now,
    };
    await deps.userTokens.save(token);
    deps.onKept?.(install.memberId, userId);
    return true;
  }

  return {
    /**
     * The tokens of a page the portal opened for `userId` (already checked with `profile`). Without
     * a REFRESH_ID there is nothing that lasts beyond the hour, so nothing is kept.
     */
    async fromPage(t: PageTokens, userId: number): Promise<boolean> {
      if (!t.refreshToken) return false;
      const install = await deps.installs.get(t.memberId);
      if (!install) return false;
      // The page's token carries the app's scope (APPLICATION_SCOPE), which is the install's.
      return keep(install, userId, t.accessToken, t.refreshToken, t.expiresIn, install.scope);
    },

    /** A verified event's `auth[...]`, when it is a user's token with a usable scope. */
    async fromEvent(form: PhpForm, install: Install): Promise<boolean> {
      const auth = pickObject(form, 'auth');
      if (!auth) return false;
      const get = (k: string) => pickString(auth, k);
      const access = get('access_token');
      const refresh = get('refresh_token');
      const userId = Number(get('user_id'));
      const scope = get('scope') ?? '';
      if (!access || !refresh || get('member_id') !== install.memberId || !usableScope(scope)) return false;
      // The token is the writer's: an event naming another author is not trusted to be theirs.
      const from = pickString(form, 'data', 'PARAMS', 'FROM_USER_ID');
      if (from !== undefined && Number(from) !== userId) return false;
      const expires = Number(get('expires'));
      const expiresIn = Number.isFinite(expires) && expires > 0 ? expires - Math.floor(clock() / 1000) : Number(get('expires_in'));
      // One write a minute at most per user: a chatty user's every message need not rewrite the row.
      const stored = await deps.userTokens.get(install.memberId, userId);
      if (stored && stored.refreshToken === refresh) return false;
      if (stored && stored.expiresAt - clock() > (DEFAULT_TTL_S - 60) * 1000) return false;
      return keep(install, userId, access, refresh, expiresIn, scope);
    },
  };
}

export type UserTokenKeeper = ReturnType<typeof createUserTokenKeeper>;
