import { Writable } from 'node:stream';
import pino from 'pino';
import { PortalClients } from '../../src/bitrix/client';
import { EventAuthError, InvalidInstallError, PortalNotInstalledError, BitrixApiError } from '../../src/bitrix/errors';
import { InstallRejectedError, InstallService, createInstallVerifier, installFromEvent, installFromPage, sameSecret, verifyInstallClaim } from '../../src/bitrix/install';
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
    const t0 = Date.now();
    const svc = new InstallService({ installs: store.installs, clock: () => t0 });
    const inst = await svc.onAppInstall(installForm(d));
    expect(inst).toMatchObject({ memberId: d.memberId, domain: d.domain, clientEndpoint: d.endpoint, scope: 'task,calendar,im,imbot,user,crm', expiresAt: t0 + 3600_000, installedBy: 1 });
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
    const t0 = Date.now();
    const svc = new InstallService({ installs: store.installs, clock: () => t0 });
    await svc.onAppInstall(installForm(d));
    const body = parsePhpForm(`AUTH_ID=a1&AUTH_EXPIRES=3600&REFRESH_ID=r1&member_id=${d.memberId}&status=L&PLACEMENT=DEFAULT`);
    const confirmed: string[] = [];
    const inst = await svc.onInstallPage(body, { DOMAIN: d.domain.toUpperCase(), PROTOCOL: '0', LANG: 'ru', APP_SID: 'x' }, async (c) => {
      confirmed.push(c.clientEndpoint);
    });
    expect(inst).toMatchObject({ accessToken: 'a1', refreshToken: 'r1', domain: d.domain, clientEndpoint: d.endpoint, expiresAt: t0 + 3_600_000, applicationToken: 'app-token-' + d.memberId });
    expect(confirmed).toEqual([d.endpoint]);
    // The page is confirmed like the install event: a page naming the portal at another host changes nothing.
    const moved = await svc.onInstallPage(body, { DOMAIN: 'Portal.Bitrix24.ru', PROTOCOL: '1' }).catch((e: unknown) => e);
    expect(moved).toBeInstanceOf(InstallRejectedError);
    expect((await store.installs.get(d.memberId))!.clientEndpoint).toBe(d.endpoint);
    const fresh = await svc.onInstallPage(parsePhpForm('AUTH_ID=a2&AUTH_EXPIRES=3600&REFRESH_ID=r2&member_id=page-member'), { DOMAIN: 'Portal.Bitrix24.ru', PROTOCOL: '1' });
    expect(fresh).toMatchObject({ domain: 'portal.bitrix24.ru', clientEndpoint: 'https://portal.bitrix24.ru/rest/', applicationToken: '' });
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

describe('trusting ONAPPINSTALL', () => {
  const CLIENT = 'local.5c8bb1b0891cf2.87252039';
  const claimBody = (o: { endpoint?: string; domain?: string; member?: string; token?: string } = {}) =>
    parsePhpForm(
      [
        ['event', 'ONAPPINSTALL'],
        ['ts', String(Math.floor(Date.now() / 1000))],
        ['auth[access_token]', o.token ?? 'acc-1'],
        ['auth[refresh_token]', `ref-${o.token ?? 'acc-1'}`],
        ['auth[expires_in]', '3600'],
        ['auth[domain]', o.domain ?? 'portal.bitrix24.ru'],
        ['auth[server_endpoint]', 'https://oauth.bitrix.info/rest/'],
        ['auth[client_endpoint]', o.endpoint ?? 'https://portal.bitrix24.ru/rest/'],
        ['auth[member_id]', o.member ?? 'm-1'],
        ['auth[application_token]', 'app-1'],
      ]
        .map(([k, v]) => `${encodeURIComponent(k!)}=${encodeURIComponent(v!)}`)
        .join('&'),
    );
  /** A portal's app.info as the docs show it (api-reference/common/system/app-info.md), for our local app. */
  const appInfo = (over: Record<string, unknown> = {}) => ({
    result: { ID: 7, CODE: CLIENT, VERSION: 1, STATUS: 'L', INSTALLED: true, PAYMENT_EXPIRED: 'N', DAYS: null, LANGUAGE_ID: 'ru', LICENSE: 'ru_project', LICENSE_TYPE: 'project', LICENSE_FAMILY: 'project', ...over },
  });
  /** A portal double's fetch: `answer` for app.info; user.admin answers true (an administrator's token) unless `admin` says otherwise. */
  function fakeFetch(answer: (url: string, init: RequestInit) => { status: number; body: unknown } | Error, admin: unknown = { result: true }) {
    const calls: { url: string; init: RequestInit }[] = [];
    const f = (async (url: URL | string, init: RequestInit) => {
      calls.push({ url: String(url), init });
      const a = String(url).endsWith('/user.admin') ? { status: 200, body: admin } : answer(String(url), init);
      if (a instanceof Error) throw a;
      return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    return { f, calls };
  }
  const claim = (o: Parameters<typeof claimBody>[0] = {}) => installFromEvent(claimBody(o), 0);
  const refusal = async (p: Promise<unknown>) => {
    const e = await p.then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(InstallRejectedError);
    return (e as Error).message;
  };

  it('asks app.info at the claimed client_endpoint with the claimed token and accepts our own app', async () => {
    const { f, calls } = fakeFetch(() => ({ status: 200, body: appInfo() }));
    await expect(createInstallVerifier({ clientId: CLIENT, fetch: f })(claim())).resolves.toBeUndefined();
    expect(calls.map((c) => c.url)).toEqual(['https://portal.bitrix24.ru/rest/app.info', 'https://portal.bitrix24.ru/rest/user.admin']);
    expect(calls[1]!.init.redirect).toBe('error');
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ auth: 'acc-1' });
  });

  it('refuses a token the portal rejects, another app, another portal, and a portal that cannot be asked', async () => {
    const verify = (answer: Parameters<typeof fakeFetch>[0]) => createInstallVerifier({ clientId: CLIENT, fetch: fakeFetch(answer).f })(claim());
    expect(await refusal(verify(() => ({ status: 401, body: { error: 'expired_token', error_description: 'The access token provided has expired.' } })))).toMatch(/rejected the access token \(expired_token\)/);
    expect(await refusal(verify(() => ({ status: 401, body: { error: 'invalid_token' } })))).toMatch(/invalid_token/);
    expect(await refusal(verify(() => ({ status: 502, body: 'bad gateway' })))).toMatch(/HTTP 502/);
    expect(await refusal(verify(() => ({ status: 200, body: appInfo({ CODE: 'local.aaaaaaaaaaaaaa.11111111' }) })))).toMatch(/local app local\.aaaa/);
    expect(await refusal(verify(() => ({ status: 200, body: appInfo({ client_id: 'app.other' }) })))).toMatch(/app app\.other, not ours/);
    expect(await refusal(verify(() => ({ status: 200, body: appInfo({ member_id: 'm-2' }) })))).toMatch(/portal m-2, not m-1/);
    expect(await refusal(verify(() => ({ status: 200, body: appInfo({ install: { member_id: 'm-3' } }) })))).toMatch(/portal m-3/);
    expect(await refusal(verify(() => new TypeError('fetch failed')))).toMatch(/could not be asked/);
    // A marketplace app's CODE is not its client id: not comparable, not a refusal; a matching member id confirms.
    await expect(verify(() => ({ status: 200, body: appInfo({ CODE: 'vendor.app', member_id: 'm-1' }) }))).resolves.toBeUndefined();
  });

  it('refuses a token of a user who is not an administrator (user.admin false, an error, or no answer)', async () => {
    const asUser = (admin: unknown) => createInstallVerifier({ clientId: CLIENT, fetch: fakeFetch(() => ({ status: 200, body: appInfo() }), admin).f })(claim());
    expect(await refusal(asUser({ result: false }))).toMatch(/only an administrator of the portal may install the app: user\.admin says the user is not an administrator/);
    expect(await refusal(asUser({ error: 'insufficient_scope' }))).toMatch(/user\.admin failed \(insufficient_scope\)/);
    expect(await refusal(asUser({ result: 'Y' }))).toMatch(/not an administrator/);
    expect(await refusal(asUser(null))).toMatch(/only an administrator/);
  });

  it('guards the endpoint: https, the claimed domain, plain http only for the configured sandbox', async () => {
    const { f, calls } = fakeFetch(() => ({ status: 200, body: appInfo() }));
    const verifier = createInstallVerifier({ clientId: CLIENT, fetch: f, httpOrigins: () => ['http://127.0.0.1:3000'] });
    expect(await refusal(verifier(claim({ endpoint: 'http://portal.bitrix24.ru/rest/' })))).toMatch(/must be https/);
    expect(await refusal(verifier(claim({ endpoint: 'https://evil.example.com/rest/' })))).toMatch(/host evil\.example\.com is not the portal portal\.bitrix24\.ru/);
    expect(await refusal(verifier(claim({ endpoint: 'http://127.0.0.1:3001/rest/', domain: '127.0.0.1:3001' })))).toMatch(/must be https/);
    expect(calls).toHaveLength(0);
    await expect(verifier(claim({ endpoint: 'http://127.0.0.1:3000/sandbox/rest/', domain: '127.0.0.1:3000' }))).resolves.toBeUndefined();
    expect(calls.map((c) => c.url)).toEqual(['http://127.0.0.1:3000/sandbox/rest/app.info', 'http://127.0.0.1:3000/sandbox/rest/user.admin']);
  });

  it('verifyInstallClaim: an answer without any application is not a confirmation', () => {
    expect(verifyInstallClaim({ memberId: 'm-1' }, { result: { VERSION: 1 } }, CLIENT)).toEqual(['app.info named no application']);
    expect(verifyInstallClaim({ memberId: 'm-1' }, 'html', CLIENT)).toEqual(['app.info gave no JSON object']);
    expect(verifyInstallClaim({ memberId: 'm-1' }, appInfo({ INSTALLED: false }), CLIENT)).toEqual([]);
  });

  it('InstallService stores nothing the verifier refuses, and keeps member id and host one-to-one', async () => {
    const store = createMemoryStore();
    const svc = new InstallService({ installs: store.installs });
    const refuse = async () => {
      throw new InstallRejectedError('the portal rejected the access token (invalid_token)');
    };
    await expect(svc.onAppInstall(claimBody(), refuse)).rejects.toBeInstanceOf(InstallRejectedError);
    expect(await store.installs.get('m-1')).toBeNull();

    const seen: string[] = [];
    const accept = async (c: { memberId: string }) => {
      seen.push(c.memberId);
    };
    await svc.onAppInstall(claimBody(), accept);
    expect((await store.installs.get('m-1'))!.applicationToken).toBe('app-1');
    // A reinstall of the same portal at the same host is fine.
    await expect(svc.onAppInstall(claimBody({ token: 'acc-2' }), accept)).resolves.toMatchObject({ memberId: 'm-1', accessToken: 'acc-2' });
    // The known member id from another host, or the known host under another member id: refused before asking anyone.
    expect(await refusal(svc.onAppInstall(claimBody({ domain: 'evil.example.com', endpoint: 'https://evil.example.com/rest/' }), accept))).toMatch(/installed at portal\.bitrix24\.ru/);
    expect(await refusal(svc.onAppInstall(claimBody({ member: 'm-evil' }), accept))).toMatch(/installed as portal m-1, not m-evil/);
    expect(seen).toEqual(['m-1', 'm-1']);
    expect(await store.installs.get('m-evil')).toBeNull();
    expect((await store.installs.get('m-1'))!.domain).toBe('portal.bitrix24.ru');
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
