import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PortalClients } from '../../src/bitrix/client';
import { BitrixAccessDeniedError, BitrixApiError, BitrixReauthRequiredError, PortalNotInstalledError } from '../../src/bitrix/errors';
import { InstallService } from '../../src/bitrix/install';
import { openSqliteStore } from '../../src/store/sqlite';
import { createMemoryStore } from '../../src/store/memory';
import { installForm, installed } from './helpers';
import { PortalDouble } from './portal-double';

describe('PortalClients over the SDK', () => {
  let d: PortalDouble;
  beforeEach(async () => {
    d = await new PortalDouble().start();
  });
  afterEach(() => d.stop());

  it('calls a method with the stored token and caches one client per portal', async () => {
    const { clients, client } = await installed(d);
    const me = await client.call<{ ID: string }>('user.current');
    expect(me.ID).toBe('1');
    expect(await clients.get(d.memberId)).toBe(client);
  });

  it('refuses a portal that is not installed', async () => {
    const store = createMemoryStore();
    const clients = new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: 'x', clientSecret: 'y' } });
    await expect(clients.get('nobody')).rejects.toBeInstanceOf(PortalNotInstalledError);
  });

  it('refreshes an access token that expires mid-run, transparently, once, and stores the new pair', async () => {
    const { store, client, install } = await installed(d);
    await client.call('user.current');
    d.expireAllAccess();
    const results = await Promise.all([client.call('user.current'), client.call('user.get', { FILTER: { ACTIVE: true } }), client.call('user.current')]);
    expect(results).toHaveLength(3);
    expect(d.refreshes).toBe(1);
    const stored = await store.installs.get(d.memberId);
    expect(stored!.refreshToken).not.toBe(install.refreshToken);
    expect(stored!.accessToken).not.toBe(install.accessToken);
    expect(stored!.expiresAt).toBeGreaterThan(Date.now());
    // the next expiry refreshes again with the rotated token (the old one is dead at the double)
    d.expireAllAccess();
    await client.call('user.current');
    expect(d.refreshes).toBe(2);
    expect(d.refreshRejects).toBe(0);
  });

  it('maps portal errors to typed errors', async () => {
    const { client } = await installed(d);
    d.faults.push({ method: 'user.get', status: 403, error: 'ACCESS_DENIED', description: 'Access denied' });
    await expect(client.call('user.get')).rejects.toBeInstanceOf(BitrixAccessDeniedError);
    const err: any = await client.call('no.such.method').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BitrixApiError);
    expect(err.code).toBe('ERROR_METHOD_NOT_FOUND');
    expect(err.method).toBe('no.such.method');
  });

  it('asks for reinstall when the refresh token is refused', async () => {
    const { client, store } = await installed(d);
    // someone else used our refresh token: the double no longer knows it
    const inst = await store.installs.get(d.memberId);
    await store.installs.save({ ...inst!, refreshToken: 'dead-token' });
    (await new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: d.clientId, clientSecret: d.clientSecret } }).get(d.memberId));
    d.expireAllAccess();
    const fresh = new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: d.clientId, clientSecret: d.clientSecret } });
    await expect((await fresh.get(d.memberId)).call('user.current')).rejects.toBeInstanceOf(BitrixReauthRequiredError);
    void client;
  });

  it('absorbs 60 simultaneous calls within 2 req/s, burst 50 (the SDK throttles, the portal never says 503)', async () => {
    const { client } = await installed(d);
    const t0 = Date.now();
    const out = await Promise.all(Array.from({ length: 60 }, () => client.call<{ ID: string }>('user.current')));
    expect(out.every((u) => u.ID === '1')).toBe(true);
    expect(d.limited).toBe(0);
    expect(d.peakLevel).toBeLessThanOrEqual(50);
    // informational only: the 10 calls over the burst had to wait for the bucket to drain
    console.log(`60 calls at 2/s burst 50: ${Date.now() - t0} ms, bucket peak ${d.peakLevel.toFixed(1)}`);
  });

  it('two independent client caches sharing one SQLite store refresh a portal exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'b24-refresh-'));
    const slow = await new PortalDouble({ oauthDelayMs: 300 }).start();
    try {
      const key = 'k'.repeat(40);
      const a = await openSqliteStore({ path: join(dir, 'db.sqlite'), encryptionKey: key });
      const b = await openSqliteStore({ path: join(dir, 'db.sqlite'), encryptionKey: key });
      await new InstallService({ installs: a.installs }).onAppInstall(installForm(slow));
      const app = { clientId: slow.clientId, clientSecret: slow.clientSecret };
      const ca = await new PortalClients({ installs: a.installs, locks: a.locks, app }).get(slow.memberId);
      const cb = await new PortalClients({ installs: b.installs, locks: b.locks, app }).get(slow.memberId);
      slow.expireAllAccess();
      const out = await Promise.all([ca.call('user.current'), cb.call('user.current'), ca.call('user.current'), cb.call('user.current')]);
      expect(out).toHaveLength(4);
      expect(slow.refreshes).toBe(1);
      expect(slow.refreshRejects).toBe(0);
      const ia = await a.installs.get(slow.memberId);
      const ib = await b.installs.get(slow.memberId);
      expect(ia!.refreshToken).toBe(ib!.refreshToken);
      await a.close();
      await b.close();
    } finally {
      await slow.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
