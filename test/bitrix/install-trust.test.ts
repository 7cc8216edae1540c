/**
 * Issue 11 items 2 and 3: an install cannot be taken over (only an administrator installs, a stored
 * application_token is replaced only by an admin's logged re-install, a replayed body is refused),
 * and the server connects only to Bitrix24 portals (no SSRF through client_endpoint/server_endpoint,
 * no redirects followed). The end-to-end cases run the real server in sandbox mode over HTTP.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { PortalClients } from '../../src/bitrix/client';
import {
  InstallRejectedError,
  InstallService,
  createInstallVerifier,
  installFromEvent,
  isAllowedDomain,
  isCloudPortalHost,
  portalEndpointProblems,
} from '../../src/bitrix/install';
import { parsePhpForm } from '../../src/bitrix/php-form';
import { bitrixAppRouter } from '../../src/channels/bitrix-app';
import { loadConfig } from '../../src/config';
import { createLogger, startRuntime, type Runtime } from '../../src/runtime';
import { openConfiguredStore } from '../../src/store';
import { createMemoryStore } from '../../src/store/memory';
import type { Install } from '../../src/store/types';
import { profileVerifier } from '../../src/web/adapters';
import { logLines } from '../helpers/log-lines';

const form = (fields: [string, string][]) => fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
const nowTs = () => String(Math.floor(Date.now() / 1000));

/** An ONAPPINSTALL body as a portal posts it. */
function installBody(o: { domain: string; endpoint: string; server?: string; member: string; token: string; refresh?: string; appToken: string; ts?: string; userId?: number }): string {
  return form([
    ['event', 'ONAPPINSTALL'],
    ['data[VERSION]', '1'],
    ['data[LANGUAGE_ID]', 'ru'],
    ['ts', o.ts ?? nowTs()],
    ['auth[access_token]', o.token],
    ['auth[refresh_token]', o.refresh ?? `r-${o.token}`],
    ['auth[expires_in]', '3600'],
    ['auth[scope]', 'imbot,im,user,task'],
    ['auth[domain]', o.domain],
    ['auth[server_endpoint]', o.server ?? o.endpoint],
    ['auth[status]', 'L'],
    ['auth[client_endpoint]', o.endpoint],
    ['auth[member_id]', o.member],
    ['auth[user_id]', String(o.userId ?? 1)],
    ['auth[application_token]', o.appToken],
  ]);
}

/** A TCP listener that only counts who connects (plain or TLS alike). */
async function listener(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let n = 0;
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((s) => {
    n++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    s.end();
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    port: (srv.address() as net.AddressInfo).port,
    connections: () => n,
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      srv.close(() => r());
    }),
  };
}

/** An HTTP server answering every request with a redirect to `to`; counts its own hits too. */
async function redirector(to: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const srv = http.createServer((req, res) => {
    req.resume();
    res.writeHead(307, { Location: `${to}${req.url ?? '/'}` }).end();
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(srv.address() as net.AddressInfo).port}`, close: () => new Promise<void>((r) => srv.close(() => r())) };
}

describe('the server connects only to Bitrix24 portals', () => {
  it('knows the cloud zones and B24_ALLOWED_DOMAINS entries', () => {
    expect(isCloudPortalHost('b24-abc123.bitrix24.ru')).toBe(true);
    expect(isCloudPortalHost('acme.bitrix24.com.br')).toBe(true);
    expect(isCloudPortalHost('acme.bitrix24.ru:8443')).toBe(false);
    expect(isCloudPortalHost('bitrix24.ru')).toBe(false);
    expect(isCloudPortalHost('a.b.bitrix24.ru')).toBe(false);
    expect(isCloudPortalHost('acme.bitrix24.ru.evil.com')).toBe(false);
    expect(isCloudPortalHost('127.0.0.1')).toBe(false);
    expect(isAllowedDomain('crm.example.com', ['crm.example.com'])).toBe(true);
    expect(isAllowedDomain('crm.example.com:8443', ['crm.example.com'])).toBe(false);
    expect(isAllowedDomain('crm.example.com:8443', ['crm.example.com:8443'])).toBe(true);
    expect(isAllowedDomain('a.corp.example', ['*.corp.example'])).toBe(true);
    expect(isAllowedDomain('corp.example', ['*.corp.example'])).toBe(false);
    expect(isAllowedDomain('xcorp.example', ['*.corp.example'])).toBe(false);
    expect(loadConfig({ B24_ALLOWED_DOMAINS: ' CRM.example.com, *.corp.example ,b24.local:8443' }).B24_ALLOWED_DOMAINS).toEqual(['crm.example.com', '*.corp.example', 'b24.local:8443']);
    expect(loadConfig({}).B24_ALLOWED_DOMAINS).toEqual([]);
    expect(() => loadConfig({ B24_ALLOWED_DOMAINS: 'https://crm.example.com/' })).toThrow(/B24_ALLOWED_DOMAINS/);
  });

  it('checks both endpoints: client_endpoint at auth[domain] on a portal host, server_endpoint at a Bitrix24 OAuth server', () => {
    const claim = (domain: string, client: string, server = 'https://oauth.bitrix.info/rest/') => ({ domain, clientEndpoint: client, serverEndpoint: server });
    expect(portalEndpointProblems(claim('acme.bitrix24.de', 'https://acme.bitrix24.de/rest/'))).toEqual([]);
    expect(portalEndpointProblems(claim('acme.bitrix24.ru', 'https://acme.bitrix24.ru/rest/', 'https://oauth.bitrix24.tech/rest/'))).toEqual([]);
    expect(portalEndpointProblems(claim('acme.bitrix24.ru', 'https://acme.bitrix24.ru/rest/', 'https://127.0.0.1:9/rest/')).join()).toMatch(/server_endpoint\] 127\.0\.0\.1:9 is not a Bitrix24 OAuth server/);
    expect(portalEndpointProblems(claim('acme.bitrix24.ru', 'https://acme.bitrix24.ru/rest/', 'https://acme.bitrix24.ru/rest/')).join()).toMatch(/not a Bitrix24 OAuth server/);
    expect(portalEndpointProblems(claim('crm.example.com', 'https://crm.example.com/rest/')).join()).toMatch(/not a Bitrix24 cloud portal nor listed in B24_ALLOWED_DOMAINS/);
    // A self-hosted portal named in B24_ALLOWED_DOMAINS may be its own OAuth server.
    expect(portalEndpointProblems(claim('crm.example.com', 'https://crm.example.com/rest/', 'https://crm.example.com/rest/'), { allowedDomains: ['crm.example.com'] })).toEqual([]);
    expect(portalEndpointProblems(claim('crm.example.com', 'http://crm.example.com/rest/'), { allowedDomains: ['crm.example.com'] }).join()).toMatch(/must be https/);
    expect(portalEndpointProblems(claim('acme.bitrix24.ru', 'https://evil.example.com/rest/')).join()).toMatch(/host evil\.example\.com is not the portal acme\.bitrix24\.ru/);
    const sandbox = { httpOrigins: () => ['http://127.0.0.1:3000'] };
    expect(portalEndpointProblems(claim('127.0.0.1:3000', 'http://127.0.0.1:3000/sandbox/rest/', 'http://127.0.0.1:3000/sandbox/rest/'), sandbox)).toEqual([]);
    expect(portalEndpointProblems(claim('127.0.0.1:3001', 'https://127.0.0.1:3001/rest/', 'https://oauth.bitrix.info/rest/'), sandbox).join()).toMatch(/not a Bitrix24 cloud portal/);
  });

  it('an unauthenticated ONAPPINSTALL naming any other host:port opens no connection there (SSRF)', async () => {
    const target = await listener();
    const store = createMemoryStore();
    const app = express().use(bitrixAppRouter({ installs: new InstallService({ installs: store.installs }), verifyInstall: { clientId: 'local.x', httpOrigins: () => ['http://127.0.0.1:1'] } }));
    try {
      const at = `127.0.0.1:${target.port}`;
      for (const [domain, endpoint, server] of [
        [at, `https://${at}/rest/`, `https://${at}/rest/`],
        [at, `http://${at}/rest/`, 'https://oauth.bitrix.info/rest/'],
        ['acme.bitrix24.ru', `https://${at}/rest/`, 'https://oauth.bitrix.info/rest/'],
        [`localhost:${target.port}`, `https://localhost:${target.port}/rest/`, 'https://oauth.bitrix.info/rest/'],
      ] as const) {
        const res = await request(app).post('/webhook/bitrix').type('form').send(installBody({ domain, endpoint, server, member: 'm-ssrf', token: 'tok-ssrf', appToken: 'app-ssrf' }));
        expect([domain, res.status, res.body.error]).toEqual([domain, 403, 'install_rejected']);
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(target.connections()).toBe(0);
      expect(await store.installs.get('m-ssrf')).toBeNull();
    } finally {
      await target.close();
    }
  });

  it('a cloud portal whose server_endpoint points elsewhere is refused before the portal is even asked', async () => {
    const asked: string[] = [];
    const f = (async (url: URL | string) => {
      asked.push(String(url));
      return new Response(JSON.stringify(String(url).endsWith('user.admin') ? { result: true } : { result: { CODE: 'local.x' } }), { status: 200 });
    }) as unknown as typeof fetch;
    const verify = createInstallVerifier({ clientId: 'local.x', fetch: f });
    const store = createMemoryStore();
    const svc = new InstallService({ installs: store.installs });
    const body = installBody({ domain: 'acme.bitrix24.ru', endpoint: 'https://acme.bitrix24.ru/rest/', server: 'https://127.0.0.1:8443/rest/', member: 'm-1', token: 't-1', appToken: 'a-1' });
    await expect(svc.onAppInstall(parsePhpForm(body), verify)).rejects.toThrow(/server_endpoint\] 127\.0\.0\.1:8443 is not a Bitrix24 OAuth server/);
    expect(asked).toEqual([]);
    expect(await store.installs.get('m-1')).toBeNull();
    // The same portal with the documented OAuth server is asked (app.info, then user.admin) and stored.
    await svc.onAppInstall(parsePhpForm(installBody({ domain: 'acme.bitrix24.ru', endpoint: 'https://acme.bitrix24.ru/rest/', server: 'https://oauth.bitrix.info/rest/', member: 'm-1', token: 't-2', appToken: 'a-1' })), verify);
    expect(asked).toEqual(['https://acme.bitrix24.ru/rest/app.info', 'https://acme.bitrix24.ru/rest/user.admin']);
    expect(await store.installs.get('m-1')).toMatchObject({ serverEndpoint: 'https://oauth.bitrix.info/rest/' });
  });

  describe('redirects are not followed', () => {
    let hits = 0;
    let elsewhere: http.Server;
    let elsewhereOrigin = '';
    let portal: { origin: string; close: () => Promise<void> };
    beforeAll(async () => {
      elsewhere = http.createServer((req, res) => {
        hits++;
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: { ID: '1', ADMIN: true, CODE: 'local.x' } }));
      });
      await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
      elsewhereOrigin = `http://127.0.0.1:${(elsewhere.address() as net.AddressInfo).port}`;
      portal = await redirector(elsewhereOrigin);
    });
    afterAll(async () => {
      await portal.close();
      await new Promise<void>((r) => elsewhere.close(() => r()));
    });
    beforeEach(() => {
      hits = 0;
    });
    const install = (): Install => ({
      memberId: 'm-r', domain: new URL(portal.origin).host, clientEndpoint: `${portal.origin}/rest/`, serverEndpoint: `${portal.origin}/rest/`, scope: '',
      accessToken: 'acc', refreshToken: 'ref', expiresAt: Date.now() + 3_600_000, applicationToken: 'app', installedAt: 0, updatedAt: 0,
    });

    it('by the install check', async () => {
      const verify = createInstallVerifier({ clientId: 'local.x', httpOrigins: () => [portal.origin] });
      await expect(verify(install())).rejects.toBeInstanceOf(InstallRejectedError);
      expect(hits).toBe(0);
    });

    it('by the placement auth check (profile)', async () => {
      const store = createMemoryStore();
      await store.installs.save(install());
      const user = await profileVerifier(store.installs)({ memberId: 'm-r', domain: new URL(portal.origin).host, authId: 'user-token' });
      expect(user).toBeNull();
      expect(hits).toBe(0);
    });

    it('by REST calls through the SDK', async () => {
      const store = createMemoryStore();
      await store.installs.save(install());
      const clients = new PortalClients({ installs: store.installs, locks: store.locks, app: { clientId: 'local.x', clientSecret: 's' }, readRetries: 0 });
      const client = await clients.get('m-r');
      await expect(client.call('user.current')).rejects.toBeTruthy();
      expect(hits).toBe(0);
    });
  });
});

describe('an install cannot be taken over (sandbox mode, over HTTP)', () => {
  let dir: string;
  let rt: Runtime;
  const { lines: logged, sink } = logLines();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-install-trust-'));
    rt = await startRuntime(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }), { log: createLogger('info', sink), sandboxLeads: 100 });
  });
  afterAll(async () => {
    await rt?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const info = () => rt.sandbox!.info();
  const body = (o: { token: string; refresh?: string; appToken: string; ts?: string; userId?: number }) =>
    installBody({ domain: info().domain, endpoint: info().rest, member: info().memberId, ...o });
  const stored = () => rt.store.installs.get(info().memberId);

  it('refuses a non-admin user\'s token in ONAPPINSTALL and in the install page form; the stored install and the portal\'s events are unaffected', async () => {
    const before = await stored();
    expect(before).not.toBeNull();
    const user2 = rt.sandbox!.issueTokens(2); // Сергей Иванов: an ordinary user of the app
    const ev = await request(rt.url).post('/webhook/bitrix').type('form').send(body({ token: user2.accessToken, refresh: user2.refreshToken, appToken: 'attacker-app-token', userId: 2 }));
    expect([ev.status, ev.body.error]).toEqual([403, 'install_rejected']);
    expect(ev.body.message).toMatch(/administrator/);

    const user3 = rt.sandbox!.issueTokens(3);
    const page = await request(rt.url)
      .post(`/install?${new URLSearchParams({ DOMAIN: info().domain, PROTOCOL: '0', LANG: 'ru', APP_SID: 'x' })}`)
      .type('form')
      .send(form([['AUTH_ID', user3.accessToken], ['AUTH_EXPIRES', '3600'], ['REFRESH_ID', user3.refreshToken], ['member_id', info().memberId], ['status', 'L']]));
    expect([page.status, page.body.error]).toEqual([403, 'install_rejected']);

    expect(await stored()).toEqual(before);
    // The real portal's next event is still accepted with the application_token it has always had.
    const { delivery } = await rt.sandbox!.sendBotMessage({ fromUserId: 2, text: 'привет' });
    expect(delivery.status).toBe(200);
  });

  it('an admin\'s re-install replaces the application_token and says so in the log', async () => {
    const admin = rt.sandbox!.issueTokens(1);
    const reinstall = body({ token: admin.accessToken, refresh: admin.refreshToken, appToken: 'new-app-token-after-reinstall' });
    const first = await request(rt.url).post('/webhook/bitrix').type('form').send(reinstall);
    expect(first.status).toBe(200);
    expect(await stored()).toMatchObject({ applicationToken: 'new-app-token-after-reinstall', accessToken: admin.accessToken });
    const line = logged.map((l) => JSON.parse(l) as { msg: string; memberId?: string }).find((l) => /application_token replaced/.test(l.msg));
    expect(line).toMatchObject({ memberId: info().memberId });
    expect(logged.join('')).not.toContain('new-app-token-after-reinstall');
  });

  it('an admin\'s install body posted again, or a stale one, is refused as a replay', async () => {
    const admin = rt.sandbox!.issueTokens(1);
    const reinstall = body({ token: admin.accessToken, refresh: admin.refreshToken, appToken: (await stored())!.applicationToken });
    expect((await request(rt.url).post('/webhook/bitrix').type('form').send(reinstall)).status).toBe(200);
    const after = await stored();
    const replay = await request(rt.url).post('/webhook/bitrix').type('form').send(reinstall);
    expect([replay.status, replay.body.error]).toEqual([403, 'install_rejected']);
    expect(replay.body.message).toMatch(/replay/);

    const fresh = rt.sandbox!.issueTokens(1);
    const stale = await request(rt.url)
      .post('/webhook/bitrix')
      .type('form')
      .send(body({ token: fresh.accessToken, refresh: fresh.refreshToken, appToken: 'yet-another', ts: String(Math.floor(Date.now() / 1000) - 3600) }));
    expect([stale.status, stale.body.error]).toEqual([403, 'install_rejected']);
    expect(stale.body.message).toMatch(/replay/);
    expect(await stored()).toEqual(after);
  });
});

describe('InstallService without a verifier (portal doubles in unit tests)', () => {
  it('never replaces a stored application_token, refuses a body without ts and the same tokens twice', async () => {
    const store = createMemoryStore();
    const svc = new InstallService({ installs: store.installs });
    const b = (token: string, appToken: string, ts?: string) => parsePhpForm(installBody({ domain: 'acme.bitrix24.ru', endpoint: 'https://acme.bitrix24.ru/rest/', server: 'https://oauth.bitrix.info/rest/', member: 'm-1', token, appToken, ...(ts !== undefined ? { ts } : {}) }));
    await svc.onAppInstall(b('t-1', 'a-1'));
    await expect(svc.onAppInstall(b('t-2', 'a-evil'))).rejects.toThrow(/application_token is replaced only by an administrator/);
    await expect(svc.onAppInstall(b('t-1', 'a-1'))).rejects.toThrow(/replay/);
    await expect(svc.onAppInstall(b('t-3', 'a-1', ''))).rejects.toThrow(/no ts/);
    await expect(svc.onAppInstall(b('t-3', 'a-1', String(Math.floor(Date.now() / 1000) + 3600)))).rejects.toThrow(/future/);
    expect((await store.installs.get('m-1'))!.applicationToken).toBe('a-1');
    await expect(svc.onAppInstall(b('t-4', 'a-1'))).resolves.toMatchObject({ accessToken: 't-4' });
    expect(installFromEvent(b('t-5', 'a-1'), Date.now()).applicationToken).toBe('a-1');
  });
});

describe('a UI app: the install page, then ONAPPINSTALL', () => {
  it('may carry the same token (one install, not a replay); the same page POST again is refused', async () => {
    const store = createMemoryStore();
    const svc = new InstallService({ installs: store.installs });
    const admin = async () => undefined; // a verifier that confirmed an administrator
    const pageBody = parsePhpForm(form([['AUTH_ID', 'tok-ui'], ['AUTH_EXPIRES', '3600'], ['REFRESH_ID', 'ref-ui'], ['member_id', 'm-ui'], ['status', 'L']]));
    const query = { DOMAIN: 'ui.bitrix24.ru', PROTOCOL: '1' };
    await expect(svc.onInstallPage(pageBody, query, admin)).resolves.toMatchObject({ applicationToken: '' });
    const event = installBody({ domain: 'ui.bitrix24.ru', endpoint: 'https://ui.bitrix24.ru/rest/', server: 'https://oauth.bitrix.info/rest/', member: 'm-ui', token: 'tok-ui', refresh: 'ref-ui', appToken: 'app-ui' });
    await expect(svc.onAppInstall(parsePhpForm(event), admin)).resolves.toMatchObject({ applicationToken: 'app-ui' });
    await expect(svc.onInstallPage(pageBody, query, admin)).rejects.toThrow(/replay/);
    await expect(svc.onAppInstall(parsePhpForm(event), admin)).rejects.toThrow(/replay/);
    expect(await store.installs.get('m-ui')).toMatchObject({ applicationToken: 'app-ui', accessToken: 'tok-ui' });
  });
});

describe('a configured app at start-up', () => {
  it('does not connect to a stored install whose endpoints fail the policy (a record from before it), nor does its events\' work; it can still be uninstalled', async () => {
    const target = await listener();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-install-old-'));
    const logged: string[] = [];
    const sink = new Writable({ write(chunk, _e, cb) { logged.push(String(chunk)); cb(); } });
    const config = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', B24_CLIENT_ID: 'local.x', B24_CLIENT_SECRET: 's' });
    const seed = await openConfiguredStore(config);
    const at = `127.0.0.1:${target.port}`;
    await seed.installs.save({ memberId: 'm-old', domain: at, clientEndpoint: `https://${at}/rest/`, serverEndpoint: `https://${at}/rest/`, scope: '', accessToken: 'a', refreshToken: 'r', expiresAt: Date.now() + 3_600_000, applicationToken: 't', installedAt: 0, updatedAt: 0 });
    await seed.close();
    const rt = await startRuntime(config, { log: createLogger('info', sink) });
    try {
      await new Promise((r) => setTimeout(r, 500));
      expect(logged.join('')).toMatch(/not a Bitrix24 portal we may connect to; skipped/);
      // Its events get no work done (the work would connect there); uninstalling it still works.
      const ev = await request(rt.url).post('/webhook/bitrix').type('form')
        .send(form([['event', 'ONIMBOTMESSAGEADD'], ['auth[member_id]', 'm-old'], ['auth[application_token]', 't'], ['data[PARAMS][MESSAGE]', 'x']]));
      expect([ev.status, ev.body.error]).toEqual([403, 'install_rejected']);
      await new Promise((r) => setTimeout(r, 300));
      expect(target.connections()).toBe(0);
      const gone = await request(rt.url).post('/webhook/bitrix').type('form').send(form([['event', 'ONAPPUNINSTALL'], ['auth[member_id]', 'm-old'], ['auth[application_token]', 't']]));
      expect(gone.status).toBe(200);
      expect(await rt.store.installs.get('m-old')).toBeNull();
    } finally {
      await rt.close();
      await target.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
