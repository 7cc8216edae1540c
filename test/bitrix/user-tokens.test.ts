/**
 * Per-user tokens (issue 12) against the sandbox portal over HTTP through the SDK: acting as the
 * speaker, no token → NeedsAuthorizationError, expiry → one refresh per (portal, user) even across
 * two store connections ("processes"), a revoked pair dropped, tokens kept from events.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PortalClients } from '../../src/bitrix/client';
import { NeedsAuthorizationError } from '../../src/bitrix/errors';
import { parsePhpForm } from '../../src/bitrix/php-form';
import { createUserTokenKeeper, usableScope } from '../../src/bitrix/user-tokens';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { createMemoryStore } from '../../src/store/memory';
import { openSqliteStore } from '../../src/store/sqlite';
import type { Install, Store, UserToken } from '../../src/store/types';

const KEY = 'k'.repeat(40);

function installOf(sb: Sandbox): Install {
  const info = sb.info();
  const t = sb.issueTokens(1);
  return {
    memberId: info.memberId, domain: info.domain, clientEndpoint: info.rest, serverEndpoint: info.rest, scope: 'crm,task,calendar,im,imbot,user',
    accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expires * 1000, applicationToken: info.applicationToken,
    installedBy: 1, installedAt: Date.now(), updatedAt: Date.now(),
  };
}

function userTokenOf(sb: Sandbox, userId: number, patch: Partial<UserToken> = {}): UserToken {
  const info = sb.info();
  const t = sb.issueTokens(userId);
  return {
    memberId: info.memberId, userId, domain: info.domain, clientEndpoint: info.rest, serverEndpoint: info.rest, scope: 'crm,task,calendar,im,user',
    accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expires * 1000, updatedAt: Date.now(), ...patch,
  };
}

describe('per-user tokens against the sandbox', () => {
  let sb: Sandbox;
  let store: Store;
  const clientsFor = (s: Store) =>
    new PortalClients({
      installs: s.installs, userTokens: s.userTokens, locks: s.locks, app: { clientId: sb.info().clientId, clientSecret: sb.info().clientSecret },
      authUrl: async (m, u) => `https://app.example/voice?member=${m}&user=${u}`, readRetries: 0,
    });
  beforeEach(async () => {
    sb = createSandbox({ leads: 100, seed: 1, rateLimit: false });
    await sb.listen(0);
    store = createMemoryStore();
    await store.installs.save(installOf(sb));
  });
  afterEach(async () => {
    await store.close();
    await sb.close();
  });

  it('acts with the user\'s own token: profile says user 5, not the installer', async () => {
    await store.userTokens.save(userTokenOf(sb, 5));
    const client = await clientsFor(store).forUser(sb.info().memberId, 5);
    expect(await client.call<{ ID: string }>('profile')).toMatchObject({ ID: '5' });
  });

  it('a user with no token gets NeedsAuthorizationError with the page link; the installer uses the install', async () => {
    const clients = clientsFor(store);
    const err = await clients.forUser(sb.info().memberId, 7).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NeedsAuthorizationError);
    expect(err).toMatchObject({ kind: 'needs_authorization', userId: 7, url: `https://app.example/voice?member=${sb.info().memberId}&user=7` });
    const admin = await clients.forUser(sb.info().memberId, 1);
    expect(await admin.call<{ ID: string }>('profile')).toMatchObject({ ID: '1' });
  });

  it('an expired token is refreshed once for that user only, and the new pair is stored', async () => {
    const t5 = userTokenOf(sb, 5, { expiresAt: Date.now() - 1000 });
    const t7 = userTokenOf(sb, 7);
    await store.userTokens.save(t5);
    await store.userTokens.save(t7);
    sb.state.expireAccessTokens(); // the portal agrees: every access token has run out
    const clients = clientsFor(store);
    const c5 = await clients.forUser(sb.info().memberId, 5);
    const answers = await Promise.all([c5.call<{ ID: string }>('profile'), c5.call<{ ID: string }>('profile'), c5.call<{ ID: string }>('user.current')]);
    expect(answers.map((a) => a.ID)).toEqual(['5', '5', '5']);
    expect(clients.refresher.exchanges).toBe(1);
    const after = (await store.userTokens.get(sb.info().memberId, 5))!;
    expect(after.refreshToken).not.toBe(t5.refreshToken);
    expect(after.expiresAt).toBeGreaterThan(Date.now());
    expect(await store.userTokens.get(sb.info().memberId, 7)).toEqual(t7); // another user's pair untouched
  });

  it('two processes (two store connections on one SQLite file) refreshing one user at once → one refresh', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-usertok-'));
    const file = path.join(dir, 'db.sqlite');
    const a = await openSqliteStore({ path: file, encryptionKey: KEY });
    const b = await openSqliteStore({ path: file, encryptionKey: KEY });
    try {
      await a.installs.save(installOf(sb));
      await a.userTokens.save(userTokenOf(sb, 5, { expiresAt: Date.now() - 1000 }));
      sb.state.expireAccessTokens();
      const ca = clientsFor(a);
      const cb = clientsFor(b);
      const [ua, ub] = await Promise.all([ca.forUser(sb.info().memberId, 5), cb.forUser(sb.info().memberId, 5)]);
      const ids = await Promise.all([ua.call<{ ID: string }>('profile'), ub.call<{ ID: string }>('profile'), ua.call<{ ID: string }>('profile'), ub.call<{ ID: string }>('profile')]);
      expect(ids.map((x) => x.ID)).toEqual(['5', '5', '5', '5']);
      // Refresh tokens are single-use: a second exchange with the same one would have failed.
      expect(ca.refresher.exchanges + cb.refresher.exchanges).toBe(1);
    } finally {
      await a.close();
      await b.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a revoked pair is dropped: the call says "authorise again", and so does the next one', async () => {
    const t5 = userTokenOf(sb, 5, { expiresAt: Date.now() - 1000 });
    await store.userTokens.save(t5);
    sb.state.expireAccessTokens();
    sb.state.refreshTokens.delete(t5.refreshToken); // revoked on the portal
    const clients = clientsFor(store);
    const c5 = await clients.forUser(sb.info().memberId, 5);
    const err = await c5.call('profile').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NeedsAuthorizationError);
    expect((err as NeedsAuthorizationError).url).toContain('user=5');
    expect(await store.userTokens.get(sb.info().memberId, 5)).toBeNull();
    await expect(clients.forUser(sb.info().memberId, 5)).rejects.toBeInstanceOf(NeedsAuthorizationError);
  });

  it('keeps a token from an event only when it is the writer\'s and its scope is usable', async () => {
    const install = (await store.installs.get(sb.info().memberId))!;
    const keeper = createUserTokenKeeper({ installs: store.installs, userTokens: store.userTokens });
    const form = (userId: number, scope: string, from: number) =>
      parsePhpForm(new URLSearchParams({
        event: 'ONIMBOTMESSAGEADD', 'data[PARAMS][FROM_USER_ID]': String(from), 'auth[access_token]': `acc${userId}`, 'auth[refresh_token]': `ref${userId}`,
        'auth[expires_in]': '3600', 'auth[scope]': scope, 'auth[member_id]': install.memberId, 'auth[user_id]': String(userId), 'auth[application_token]': install.applicationToken,
      }).toString());
    expect(usableScope('imbot')).toBe(false);
    expect(await keeper.fromEvent(form(5, 'imbot', 5), install)).toBe(false); // the documented bot-event scope: not enough to act
    expect(await keeper.fromEvent(form(5, 'crm,task,calendar,im,imbot', 6), install)).toBe(false); // token of someone other than the writer
    expect(await store.userTokens.get(install.memberId, 5)).toBeNull();
    expect(await keeper.fromEvent(form(5, 'crm,tasks,calendar,im,imbot', 5), install)).toBe(true);
    expect(await store.userTokens.get(install.memberId, 5)).toMatchObject({ accessToken: 'acc5', refreshToken: 'ref5', clientEndpoint: install.clientEndpoint });
  });
});
