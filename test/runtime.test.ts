/**
 * The whole server on its embedded defaults: SQLite in a temporary DATA_DIR, the sandbox portal
 * mounted at /sandbox, the app installed into it over HTTP, bots registered, a task created through
 * the SDK, and everything still there after a restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { loadConfig } from '../src/config';
import { createLogger, startRuntime, type Runtime } from '../src/runtime';

describe('startRuntime in sandbox mode', () => {
  let dir: string;
  let rt: Runtime | undefined;
  const logged: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logged.push(String(chunk));
      cb();
    },
  });
  const start = () =>
    startRuntime(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug' }), { log: createLogger('debug', sink), sandboxLeads: 100 });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-runtime-'));
  });
  afterEach(async () => {
    await rt?.close();
    rt = undefined;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('installs the app into its sandbox, registers the bots and acts through the SDK; a restart keeps it all', async () => {
    rt = await start();
    const memberId = rt.sandboxMemberId!;
    const install = await rt.store.installs.get(memberId);
    expect(install).not.toBeNull();
    expect(install!.settings).toMatchObject({ botId: expect.any(Number), openlinesBotId: expect.any(Number) });

    const health = await request(rt.url).get('/healthz');
    expect(health.status).toBe(200);

    const dir1 = await rt.actions.directory({ memberId, userId: 1 });
    expect(dir1.users.find((u) => u.id === 2)).toMatchObject({ name: 'Сергей', lastName: 'Иванов' });

    const task = await rt.actions.createTask({ memberId, userId: 1 }, { title: 'Проверить договор', responsibleId: 2, deadline: '2026-12-01T13:15', timeZone: 'Europe/Moscow' }, 'runtime-test-1');
    expect(task.id).toBeGreaterThan(0);
    // The same key again creates nothing new.
    const again = await rt.actions.createTask({ memberId, userId: 1 }, { title: 'Проверить договор', responsibleId: 2, deadline: '2026-12-01T13:15', timeZone: 'Europe/Moscow' }, 'runtime-test-1');
    expect(again.id).toBe(task.id);
    await rt.close();

    rt = await start();
    expect(rt.sandboxMemberId).toBe(memberId);
    const after = await rt.store.installs.get(memberId);
    expect(after!.settings).toMatchObject({ botId: install!.settings!.botId });
    const client = await rt.clients.get(memberId);
    const got = await client.call<{ task: { id: string | number; title: string } }>('tasks.task.get', { taskId: task.id });
    expect(got.task.title).toBe('Проверить договор');
    const second = await rt.actions.createTask({ memberId, userId: 1 }, { title: 'Второе', responsibleId: 1, timeZone: 'Europe/Moscow' }, 'runtime-test-2');
    expect(second.id).not.toBe(task.id);

    // Tokens and secrets never reach the log.
    const text = logged.join('');
    for (const secret of [after!.accessToken, after!.refreshToken, after!.applicationToken]) expect(text).not.toContain(secret);
  });

  // A body it cannot read is refused without a portal: test/services.test.ts, through supertest.
  it('refuses a forged application_token with 403 and keeps the install', async () => {
    rt = await start();
    const memberId = rt.sandboxMemberId!;
    const forged = await request(rt.url)
      .post('/webhook/bitrix')
      .type('form')
      .send(`event=ONAPPUNINSTALL&auth[member_id]=${memberId}&auth[application_token]=forged`);
    expect(forged.status).toBe(403);
    expect(await rt.store.installs.get(memberId)).not.toBeNull();
  });

  it('stores an ONAPPINSTALL only when the sandbox portal confirms its tokens (app.info); a forged one is 403', async () => {
    rt = await start();
    const sb = rt.sandbox!;
    const info = sb.info();
    const before = await rt.store.installs.get(info.memberId);
    const body = (o: { token: string; member?: string; appToken?: string }) =>
      [
        ['event', 'ONAPPINSTALL'],
        ['data[VERSION]', '1'],
        ['data[LANGUAGE_ID]', 'ru'],
        ['ts', String(Math.floor(Date.now() / 1000))],
        ['auth[access_token]', o.token],
        ['auth[refresh_token]', 'r'.repeat(32)],
        ['auth[expires_in]', '3600'],
        ['auth[scope]', 'imbot,im,user,task'],
        ['auth[domain]', info.domain],
        ['auth[server_endpoint]', info.rest],
        ['auth[status]', 'L'],
        ['auth[client_endpoint]', info.rest],
        ['auth[member_id]', o.member ?? info.memberId],
        ['auth[application_token]', o.appToken ?? 'stolen-app-token'],
      ]
        .map(([k, v]) => `${encodeURIComponent(k!)}=${encodeURIComponent(v!)}`)
        .join('&');
    // A token the portal does not know: refused, nothing replaced.
    const bogus = await request(rt.url).post('/webhook/bitrix').type('form').send(body({ token: 'not-a-token-of-this-portal' }));
    expect([bogus.status, bogus.body]).toEqual([403, expect.anything()]);
    expect(bogus.body.error).toBe('install_rejected');
    expect((await rt.store.installs.get(info.memberId))!.applicationToken).toBe(before!.applicationToken);
    // A real token of this portal claimed for another member id: refused, nothing stored.
    const { accessToken } = sb.issueTokens(1);
    const other = await request(rt.url).post('/webhook/bitrix').type('form').send(body({ token: accessToken, member: 'someone-elses-portal' }));
    expect([other.status, other.body]).toEqual([403, expect.anything()]);
    expect(await rt.store.installs.get('someone-elses-portal')).toBeNull();
    // The portal's own install event (a reinstall) is confirmed and stored.
    const real = await sb.installApp(`${rt.url}/webhook/bitrix`, 1);
    expect([real.status, real.body]).toEqual([200, real.body]);
    expect((await rt.store.installs.get(info.memberId))!.applicationToken).toBe(info.applicationToken);
    // The sandbox's app.info names our app the way a portal names a local app: CODE = client id.
    const client = await rt.clients.get(info.memberId);
    expect(await client.call<{ CODE: string }>('app.info')).toMatchObject({ CODE: info.clientId, INSTALLED: true });
  });
});
