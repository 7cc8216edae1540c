import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import express from 'express';
import request from 'supertest';
import { B24OAuth, B24Hook, ApiVersion } from '@bitrix24/b24jssdk';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { parsePhpQuery } from '../../src/sandbox/php-query';

function mount(sb: Sandbox) {
  const app = express();
  app.use('/sb', sb.router);
  sb.setPublicUrl('http://127.0.0.1:9/sb');
  return app;
}

/** A local receiver for events: collects raw form bodies. */
async function receiver() {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let b = '';
    req.on('data', (c) => (b += c));
    req.on('end', () => {
      bodies.push(b);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/handler`, bodies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('batch', () => {
  const sb = createSandbox({ leads: 120, webhookCode: 'h', rateLimit: false });
  const app = mount(sb);
  afterAll(() => sb.close());

  test('named commands, $result references, per-command errors, result shape', async () => {
    const res = await request(app).post('/sb/rest/1/h/batch').send({
      halt: 0,
      cmd: {
        lead: 'crm.lead.get?id=7',
        owner: 'user.get?ID=$result[lead][ASSIGNED_BY_ID]',
        leads: 'crm.lead.list?select%5B%5D=ID&filter%5B%3CID%5D=4',
        first: 'crm.lead.get?id=$result[leads][0][ID]',
        bad: 'no.such.method',
      },
    });
    expect(res.status).toBe(200);
    const r = res.body.result;
    expect(Object.keys(r)).toEqual(['result', 'result_error', 'result_total', 'result_next', 'result_time']);
    expect(r.result.owner[0].ID).toBe(r.result.lead.ASSIGNED_BY_ID);
    expect(r.result.first.ID).toBe('1');
    expect(r.result_total.leads).toBe(3);
    expect(r.result_error.bad.error).toBe('ERROR_METHOD_NOT_FOUND');
    expect(r.result_time.lead).toHaveProperty('duration');
    expect(res.body.time).toHaveProperty('start');
  });

  test('halt stops at the first error; >50 commands and nested batch are refused', async () => {
    const halted = await request(app).post('/sb/rest/1/h/batch').send({ halt: 1, cmd: { a: 'profile', b: 'crm.lead.get?id=0', c: 'profile' } });
    expect(Object.keys(halted.body.result.result)).toEqual(['a']);
    expect(halted.body.result.result_error.b).toBeDefined();
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, 'profile']));
    // batch.md: the sub-requests over 50 end with ERROR_BATCH_LENGTH_EXCEEDED; the first 50 run; 200.
    const tooMany = await request(app).post('/sb/rest/1/h/batch').send({ cmd: many });
    expect(tooMany.status).toBe(200);
    expect(Object.keys(tooMany.body.result.result)).toHaveLength(50);
    expect(tooMany.body.result.result_error.c50.error).toBe('ERROR_BATCH_LENGTH_EXCEEDED');
    const nested = await request(app).post('/sb/rest/1/h/batch').send({ cmd: { x: 'batch?cmd[a]=profile' } });
    expect(nested.body.result.result_error.x.error).toBe('ERROR_BATCH_METHOD_NOT_ALLOWED');
    const empty = await request(app).post('/sb/rest/1/h/batch').send({ cmd: {} });
    expect(empty.body.result.result).toEqual([]);
  });
});

describe('OAuth token endpoint', () => {
  const sb = createSandbox({ leads: 100, clientId: 'app.1', clientSecret: 'sec', rateLimit: false });
  const app = mount(sb);
  afterAll(() => sb.close());

  test('refresh rotates: new pair works, the used refresh token is invalid_grant', async () => {
    const t = sb.issueTokens(1);
    const res = await request(app).get(`/sb/oauth/token/?grant_type=refresh_token&client_id=app.1&client_secret=sec&refresh_token=${t.refreshToken}`);
    expect(res.status).toBe(200);
    for (const k of ['access_token', 'refresh_token', 'expires', 'expires_in', 'client_endpoint', 'server_endpoint', 'scope', 'status', 'member_id', 'user_id'])
      expect(res.body).toHaveProperty(k);
    expect(res.body.client_endpoint).toBe('http://127.0.0.1:9/sb/rest/');
    expect(res.body.refresh_token).not.toBe(t.refreshToken);
    const ok = await request(app).get(`/sb/rest/profile?auth=${res.body.access_token}`);
    expect(ok.status).toBe(200);
    const again = await request(app).post('/sb/oauth/token/').type('form')
      .send(`grant_type=refresh_token&client_id=app.1&client_secret=sec&refresh_token=${t.refreshToken}`);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
    const wrong = await request(app).get(`/sb/oauth/token/?grant_type=refresh_token&client_id=app.1&client_secret=bad&refresh_token=${res.body.refresh_token}`);
    expect(wrong.body.error).toBe('invalid_client');
  });

  test('authorization code is single use', async () => {
    const code = sb.authorizationCode(4);
    const a = await request(app).get(`/sb/oauth/token/?grant_type=authorization_code&client_id=app.1&client_secret=sec&code=${code}`);
    expect(a.body.user_id).toBe(4);
    const b = await request(app).get(`/sb/oauth/token/?grant_type=authorization_code&client_id=app.1&client_secret=sec&code=${code}`);
    expect(b.body.error).toBe('invalid_grant');
  });
});

describe('limits', () => {
  test('leaky bucket: burst then 503 QUERY_LIMIT_EXCEEDED, drains at the rate', async () => {
    let clock = 1_000_000;
    const sb = createSandbox({ leads: 100, webhookCode: 'h', rateLimit: { perSecond: 2, burst: 5 }, now: () => clock });
    const app = mount(sb);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await request(app).get('/sb/rest/1/h/profile')).status);
    expect(codes).toEqual([200, 200, 200, 200, 200, 503, 503]);
    const over = await request(app).get('/sb/rest/1/h/profile');
    expect(over.body.error).toBe('QUERY_LIMIT_EXCEEDED');
    clock += 1000; // two requests drain
    expect((await request(app).get('/sb/rest/1/h/profile')).status).toBe(200);
    expect((await request(app).get('/sb/rest/1/h/profile')).status).toBe(200);
    expect((await request(app).get('/sb/rest/1/h/profile')).status).toBe(503);
    await sb.close();
  });

  test('operating budget per method → 429 OPERATION_TIME_LIMIT, other methods still work', async () => {
    const sb = createSandbox({ leads: 100, webhookCode: 'h', rateLimit: false, operating: { limitSeconds: 0.005, baseCost: 0.002 } });
    const app = mount(sb);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await request(app).get('/sb/rest/1/h/profile')).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses[3]).toBe(429);
    const blocked = await request(app).get('/sb/rest/1/h/profile');
    expect(blocked.body.error).toBe('OPERATION_TIME_LIMIT');
    expect((await request(app).get('/sb/rest/1/h/user.current')).status).toBe(200);
    await sb.close();
  });
});

describe('state', () => {
  test('what the API created survives a restart; tokens too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-'));
    const a = createSandbox({ dataDir: dir, leads: 100, webhookCode: 'h', clientId: 'c', clientSecret: 's', rateLimit: false });
    const app = mount(a);
    const task = await request(app).post('/sb/rest/1/h/tasks.task.add').send({ fields: { TITLE: 'Сохранить', RESPONSIBLE_ID: 3 } });
    const t = a.issueTokens(1);
    await a.close();
    const b = createSandbox({ dataDir: dir, leads: 100, webhookCode: 'h', clientId: 'c', clientSecret: 's', rateLimit: false });
    const app2 = mount(b);
    const got = await request(app2).post('/sb/rest/1/h/tasks.task.get').send({ taskId: task.body.result.task.id });
    expect(got.body.result.task.title).toBe('Сохранить');
    expect((await request(app2).get(`/sb/rest/profile?auth=${t.accessToken}`)).status).toBe(200);
    const next = await request(app2).post('/sb/rest/1/h/tasks.task.add').send({ fields: { TITLE: 'Ещё', RESPONSIBLE_ID: 3 } });
    expect(Number(next.body.result.task.id)).toBeGreaterThan(Number(task.body.result.task.id));
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the synthetic CRM is determined by the seed', () => {
    const sig = (seed: number) => {
      const sb = createSandbox({ leads: 500, seed });
      const t = sb.state.tables.lead;
      const out = Array.from({ length: 500 }, (_, i) => `${t.get(i, 'SOURCE_ID')}|${t.get(i, 'STATUS_ID')}|${t.get(i, 'TITLE')}`).join(';') + sb.state.crm.activities.n;
      void sb.close();
      return out;
    };
    expect(sig(5)).toBe(sig(5));
    expect(sig(5)).not.toBe(sig(6));
  });

  test('conversion depends on the features (long outgoing calls, source CALL)', () => {
    const sb = createSandbox({ leads: 20000, seed: 3 });
    const { leads, activities: a } = sb.state.crm;
    let sWith = 0, nWith = 0, sWithout = 0, nWithout = 0;
    for (let i = 0; i < leads.n; i++) {
      const sem = (sb.state.tables.lead.get(i, 'STATUS_SEMANTIC_ID'));
      if (sem === 'P') continue;
      let long = 0;
      for (let k = leads.actStart[i]!; k < leads.actStart[i + 1]!; k++) if (a.kind[k] === 0 && a.direction[k] === 2 && a.duration[k]! >= 180) long++;
      if (long >= 2) { nWith++; if (sem === 'S') sWith++; } else { nWithout++; if (sem === 'S') sWithout++; }
    }
    expect(sWith / nWith).toBeGreaterThan(sWithout / nWithout + 0.1);
    void sb.close();
  });
});

describe('events to the app', () => {
  test('ONAPPINSTALL is form-encoded with PHP bracket keys and working tokens', async () => {
    const rx = await receiver();
    const sb = createSandbox({ leads: 100, rateLimit: false });
    const { url } = await sb.listen(0);
    const d = await sb.installApp(rx.url);
    expect(d.status).toBe(200);
    const body = parsePhpQuery(rx.bodies[0]!) as Record<string, Record<string, string>>;
    expect(body.event).toBe('ONAPPINSTALL');
    expect(body.data).toMatchObject({ VERSION: '1', LANGUAGE_ID: 'ru' });
    // on-app-install.md: no auth[expires], no auth[user_id]
    expect(Object.keys(body.auth!)).not.toContain("user_id");
    for (const k of ['access_token', 'expires_in', 'scope', 'domain', 'server_endpoint', 'status', 'client_endpoint', 'member_id', 'refresh_token', 'application_token'])
      expect(body.auth).toHaveProperty(k);
    expect(body.auth!.client_endpoint).toBe(`${url}/rest/`);
    const me = await fetch(`${url}/rest/profile?auth=${body.auth!.access_token}`);
    expect(me.status).toBe(200);
    await sb.close();
    await rx.close();
  });

  test('bot registration, ONIMBOTMESSAGEADD with data[BOT][<id>], reply via imbot.message.add, commands', async () => {
    const rx = await receiver();
    const sb = createSandbox({ leads: 100, webhookCode: 'h', rateLimit: false });
    const { url } = await sb.listen(0);
    const reg = await fetch(`${url}/rest/1/h/imbot.register`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ CODE: 'assistant', EVENT_HANDLER: rx.url, PROPERTIES: { NAME: 'Ассистент' }, CLIENT_ID: 'cli' }) }).then((r) => r.json()) as { result: number };
    expect(reg.result).toBeGreaterThan(0);
    const noClient = await fetch(`${url}/rest/1/h/imbot.register`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ CODE: 'x', EVENT_HANDLER: rx.url, PROPERTIES: { NAME: 'X' } }) });
    expect(noClient.status).toBe(403);
    await sb.sendBotMessage({ fromUserId: 2, text: 'поставь задачу' });
    const raw = rx.bodies[0]!;
    expect(raw).toContain(`data%5BBOT%5D%5B${reg.result}%5D%5BBOT_ID%5D=${reg.result}`);
    const ev = parsePhpQuery(raw) as Record<string, any>;
    expect(ev.event).toBe('ONIMBOTMESSAGEADD');
    expect(ev.data.PARAMS).toMatchObject({ MESSAGE: 'поставь задачу', DIALOG_ID: '2', FROM_USER_ID: '2', MESSAGE_TYPE: 'P' });
    expect(ev.data.USER).toMatchObject({ ID: '2', FIRST_NAME: 'Сергей' });
    expect(ev.auth.application_token).toBe(sb.info().applicationToken);
    const reply = await fetch(`${url}/rest/1/h/imbot.message.add`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ BOT_ID: reg.result, DIALOG_ID: '2', MESSAGE: 'Готово', CLIENT_ID: 'cli' }) }).then((r) => r.json()) as { result: number };
    expect(sb.state.messages.get(reply.result)).toMatchObject({ kind: 'imbot', dialogId: '2', message: 'Готово' });
    const empty = await fetch(`${url}/rest/1/h/imbot.message.add`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ BOT_ID: reg.result, DIALOG_ID: '2', MESSAGE: '  ', CLIENT_ID: 'cli' }) });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toBe('MESSAGE_EMPTY');
    await fetch(`${url}/rest/1/h/imbot.command.register`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ BOT_ID: reg.result, COMMAND: 'undo', EVENT_COMMAND_ADD: rx.url, LANG: [{ LANGUAGE_ID: 'ru', TITLE: 'Отменить' }], CLIENT_ID: 'cli' }) });
    await sb.sendBotMessage({ fromUserId: 2, text: '/undo 3711' });
    const cmd = parsePhpQuery(rx.bodies[1]!) as Record<string, any>;
    expect(cmd.event).toBe('ONIMCOMMANDADD');
    const entry = Object.values(cmd.data.COMMAND)[0] as Record<string, string>;
    expect(entry).toMatchObject({ COMMAND: 'undo', COMMAND_PARAMS: '3711', BOT_ID: String(reg.result) });
    await sb.sendBotMessage({ fromUserId: 2, text: 'оператора', chatType: 'L', chatId: 77, leadId: 12 });
    const ol = parsePhpQuery(rx.bodies[2]!) as Record<string, any>;
    expect(ol.data.PARAMS).toMatchObject({ DIALOG_ID: 'chat77', CHAT_ENTITY_TYPE: 'LINES', CHAT_ENTITY_DATA_2: 'LEAD|12|COMPANY|0|CONTACT|0|DEAL|0', TO_USER_ID: '0' });
    await sb.close();
    await rx.close();
  });
});

describe('the real SDK against the sandbox', () => {
  test('B24Hook (https forced by the SDK, rewritten to http) pages, batches and reads errors', async () => {
    const sb = createSandbox({ leads: 180, webhookCode: 'sdkhook', rateLimit: false });
    const { url } = await sb.listen(0);
    const hook = B24Hook.fromWebhookUrl(`${url.replace('http://', 'https://')}/rest/1/sdkhook/`);
    // B24Hook always builds https:// URLs (protocols.md §5.5); point its axios client back at plain http.
    hook.getHttpClient(ApiVersion.v2).ajaxClient.interceptors.request.use((cfg) => ({ ...cfg, url: cfg.url?.replace(/^https:/, 'http:') }));
    hook.offClientSideWarning();
    const me = await hook.actions.v2.call.make<{ ID: string }>({ method: 'user.current', params: {} });
    expect(me.isSuccess).toBe(true);
    expect(me.getData()!.result.ID).toBe('1');
    const all = await hook.actions.v2.callList.make<{ ID: string }>({ method: 'crm.lead.list', params: { select: ['ID'] }, idKey: 'ID' });
    expect(all.getData()!.length).toBe(180);
    const b = await hook.actions.v2.batch.make({ calls: { lead: { method: 'crm.lead.get', params: { id: 5 } }, me: ['user.current', {}] }, options: { isHaltOnError: false } });
    expect(b.isSuccess).toBe(true);
    await expect(hook.actions.v2.call.make({ method: 'no.such.method', params: {} })).rejects.toMatchObject({ code: 'ERROR_METHOD_NOT_FOUND', status: 404 });
    await sb.close();
  });

  test('B24OAuth refreshes an expired token through /oauth/token/ and persists the rotated pair', async () => {
    let clock = Date.now();
    const sb = createSandbox({ leads: 100, clientId: 'cid', clientSecret: 'csec', rateLimit: false, now: () => clock });
    const { url } = await sb.listen(0);
    const t = sb.issueTokens(1);
    const $b24 = new B24OAuth({
      applicationToken: sb.info().applicationToken, userId: 1, memberId: sb.info().memberId, accessToken: t.accessToken, refreshToken: t.refreshToken,
      expires: Math.floor(Date.now() / 1000) + 3600, expiresIn: 3600, scope: 'crm', domain: sb.info().domain,
      clientEndpoint: `${url}/rest/`, serverEndpoint: `${url}/rest/`, status: 'L' as never,
    }, { clientId: 'cid', clientSecret: 'csec' });
    const saved: string[] = [];
    $b24.setCallbackRefreshAuth(async ({ b24OAuthParams }) => void saved.push(b24OAuthParams.refreshToken));
    clock += 3700_000; // the sandbox now says expired_token; the SDK still believes it is valid
    const r = await $b24.actions.v2.call.make<{ ID: string }>({ method: 'profile', params: {} });
    expect(r.getData()!.result.ID).toBe('1');
    expect(saved).toHaveLength(1);
    expect(saved[0]).not.toBe(t.refreshToken);
    await sb.close();
  });
});
