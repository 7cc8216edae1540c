import { Writable } from 'node:stream';
import pino from 'pino';
import { PortalClients } from '../../src/bitrix/client';
import { EventAuthError, InvalidInstallError, PortalNotInstalledError, BitrixApiError } from '../../src/bitrix/errors';
import { InstallService, installFromPage, sameSecret } from '../../src/bitrix/install';
import { parsePhpForm } from '../../src/bitrix/php-form';
import { createMemoryStore } from '../../src/store/memory';
import { installEventBody, installForm } from './helpers';
import { PortalDouble } from './portal-double';

const problemsOf = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(InvalidInstallError);
  return (e as InvalidInstallError).problems.join('\n');
};

describe('InstallService', () => {
  let d: PortalDouble;
  beforeEach(async () => {
    d = await new PortalDouble().start();
  });
  afterEach(() => d.stop());

  it('stores an ONAPPINSTALL with expiry computed from expires_in', async () => {
    const store = createMemoryStore();
    const svc = new InstallService({ installs: store.installs, clock: () => 1_000_000 });
    const inst = await svc.onAppInstall(installForm(d));
    expect(inst).toMatchObject({ memberId: d.memberId, domain: d.domain, clientEndpoint: d.endpoint, scope: 'task,calendar,im,imbot,user,crm', expiresAt: 1_000_000 + 3600_000, installedBy: 1 });
    expect((await store.installs.get(d.memberId))!.applicationToken).toBe('app-token-' + d.memberId);
  });

  it('names every missing or bad field in one typed error', async () => {
    const svc = new InstallService({ installs: createMemoryStore().installs });
    const form = installForm(d) as any;
    delete form.auth.access_token;
    form.auth.client_endpoint = 'ftp://x/';
    form.auth.expires_in = 'soon';
    form.auth.member_id = 'bad id!';
    const msg = await problemsOf(svc.onAppInstall(form));
    expect(msg).toMatch(/auth\[access_token\] is missing/);
    expect(msg).toMatch(/auth\[client_endpoint\] is not an http\(s\) URL/);
    expect(msg).toMatch(/auth\[expires_in\] is not a whole number/);
    expect(msg).toMatch(/auth\[member_id\] is not a portal id/);
    expect(await problemsOf(svc.onAppInstall({ event: 'ONAPPINSTALL' }))).toMatch(/auth\[\.\.\.\] is missing/);
    expect(await problemsOf(svc.onAppInstall({ ...installForm(d), event: 'ONIMBOTMESSAGEADD' }))).toMatch(/not ONAPPINSTALL/);
    expect(await problemsOf(svc.onAppInstall('event=ONAPPINSTALL'))).toMatch(/not a form object/);
    expect(await problemsOf(svc.onAppInstall(null))).toMatch(/not a form object/);
    expect(await problemsOf(svc.onAppInstall(parsePhpForm('auth=1&event=ONAPPINSTALL')))).toMatch(/auth\[\.\.\.\] is missing/);
  });

  it('verifies later events by the top-level application_token and uninstalls', async () => {
    const store = createMemoryStore();
    const forgotten: string[] = [];
    const svc = new InstallService({ installs: store.installs, onChange: (m) => forgotten.push(m) });
    await svc.onAppInstall(installForm(d));
    const ev = (tok: string, event = 'ONIMBOTMESSAGEADD') => parsePhpForm(`event=${event}&auth[member_id]=${d.memberId}&auth[application_token]=${tok}&data[BOT][5][AUTH][application_token]=app-token-${d.memberId}`);
    await expect(svc.verifyEvent(ev('app-token-' + d.memberId))).resolves.toMatchObject({ memberId: d.memberId });
    await expect(svc.verifyEvent(ev('forged'))).rejects.toBeInstanceOf(EventAuthError);
    await expect(svc.onAppUninstall(ev('forged', 'ONAPPUNINSTALL'))).rejects.toBeInstanceOf(EventAuthError);
    expect(await store.installs.get(d.memberId)).not.toBeNull();
    await expect(svc.onAppUninstall(ev('app-token-' + d.memberId, 'ONAPPUNINSTALL'))).resolves.toBe(d.memberId);
    expect(await store.installs.get(d.memberId)).toBeNull();
    expect(forgotten).toEqual([d.memberId, d.memberId]);
    await expect(svc.verifyEvent(ev('app-token-' + d.memberId))).rejects.toBeInstanceOf(PortalNotInstalledError);
    await expect(svc.verifyEvent(parsePhpForm('event=X'))).rejects.toBeInstanceOf(InvalidInstallError);
  });

  it('takes the install page POST and keeps an application_token it already has', async () => {
    const store = createMemoryStore();
    const svc = new InstallService({ installs: store.installs, clock: () => 5_000 });
    await svc.onAppInstall(installForm(d));
    const body = parsePhpForm(`AUTH_ID=a1&AUTH_EXPIRES=3600&REFRESH_ID=r1&member_id=${d.memberId}&status=L&PLACEMENT=DEFAULT`);
    const inst = await svc.onInstallPage(body, { DOMAIN: 'Portal.Bitrix24.ru', PROTOCOL: '1', LANG: 'ru', APP_SID: 'x' });
    expect(inst).toMatchObject({ accessToken: 'a1', refreshToken: 'r1', domain: 'portal.bitrix24.ru', clientEndpoint: 'https://portal.bitrix24.ru/rest/', expiresAt: 5_000 + 3_600_000, applicationToken: 'app-token-' + d.memberId });
    expect(() => installFromPage(parsePhpForm('AUTH_ID=a'), {}, 0)).toThrow(/member_id is missing.*DOMAIN is missing.*REFRESH_ID is missing.*AUTH_EXPIRES is missing/s);
    expect(() => installFromPage(parsePhpForm('AUTH_ID=a&REFRESH_ID=b&AUTH_EXPIRES=60&member_id=m'), { DOMAIN: 'evil.com/x', PROTOCOL: '7' }, 0)).toThrow(InvalidInstallError);
  });

  it('compares secrets in constant time and never equal when empty', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('', '')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
  });
});

describe('secrets never reach the logs', () => {
  it('install + refresh + failing call log no token or secret', async () => {
    const d = await new PortalDouble().start();
    let out = '';
    const sink = new Writable({ write(chunk, _e, cb) { out += chunk.toString(); cb(); } });
    const log = pino({ level: 'trace' }, sink);
    try {
      const store = createMemoryStore();
      const pair = d.issuePair();
      const svc = new InstallService({ installs: store.installs, log });
      await svc.onAppInstall(parsePhpForm(installEventBody(d, pair)));
      const clients = new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: d.clientId, clientSecret: d.clientSecret }, log });
      const client = await clients.get(d.memberId);
      await client.call('user.current');
      d.expireAllAccess();
      await client.call('user.current'); // refresh
      d.faults.push({ method: 'user.get', status: 400, error: 'ERROR_CORE', description: 'boom' });
      const err = await client.call('user.get', { FILTER: { ACTIVE: true } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BitrixApiError);
      log.error({ err }, 'call failed');
      const now = await store.installs.get(d.memberId);
      expect(d.refreshes).toBe(1);
      const secrets = [pair.access_token, pair.refresh_token, now!.accessToken, now!.refreshToken, d.clientSecret, 'app-token-' + d.memberId];
      expect(out.length).toBeGreaterThan(500); // the SDK and we did log
      for (const s of secrets) expect(out).not.toContain(s);
    } finally {
      await d.stop();
    }
  });
});
