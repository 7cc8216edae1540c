/**
 * The whole app as `createApp(await buildServices(config))` makes it, driven through supertest with
 * no port: every route is mounted (operational, sandbox portal, Bitrix24 webhook, voice channels,
 * console, pages, the last error handler) in sandbox mode, and only the portal-facing ones with a
 * configured app. The sandbox portal needs a listening server to install the app, so the pages here
 * answer as for a stranger; test/runtime.test.ts covers the listening half.
 */
import { Writable } from 'node:stream';
import request from 'supertest';
import { BITRIX_EVENT_LIMIT } from '../src/channels/bitrix-limits';
import { createLogger } from '../src/services';
import { buildTestApp, type TestApp } from './helpers/app';

describe('createApp over buildServices in sandbox mode, without a port', () => {
  let t: TestApp;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  beforeAll(async () => {
    t = await buildTestApp({}, { log: createLogger('info', sink) });
  }, 60_000);
  afterAll(() => t.stop());

  it('has no address of its own until the runtime listens', () => {
    expect(t.services.publicUrl()).toBe('');
    expect(t.services.sandbox).toBeDefined();
  });

  it('answers health, readiness and metrics', async () => {
    expect((await request(t.app).get('/healthz')).body).toMatchObject({ status: 'ok', version: expect.any(String) });
    const ready = await request(t.app).get('/readyz');
    expect([ready.status, ready.body.checks]).toEqual([200, { store: 'ok', queue: 'ok' }]);
    expect((await request(t.app).get('/metrics')).text).toContain('b24_http_requests_total{route="/readyz",method="GET",status="200"} 1');
  });

  it('mounts the sandbox portal, the console and the pages', async () => {
    const rest = await request(t.app).get('/sandbox/rest/profile.json');
    expect([rest.status, rest.body.error]).toEqual([401, 'NO_AUTH_FOUND']);
    const console = await request(t.app).get('/');
    expect([console.status, console.type]).toEqual([200, 'text/html']);
    // Before the sandbox has installed the app there is no demo: a page asks for a portal's auth.
    expect((await request(t.app).get('/app/scoring')).status).toBe(401);
    expect((await request(t.app).get('/nowhere')).status).toBe(404);
  });

  it('refuses a Bitrix24 event body it cannot read with a clear 4xx, never a stack trace', async () => {
    const json = await request(t.app).post('/webhook/bitrix').set('content-type', 'application/json').send('{}');
    expect(json.status).toBe(415);
    expect((await request(t.app).post('/webhook/bitrix').type('form').send('x=1')).status).toBe(400);
    const over = await request(t.app).post('/webhook/bitrix').type('form').send('a='.padEnd(BITRIX_EVENT_LIMIT + 10, 'x'));
    expect(over.status).toBe(413);
    expect(over.text).not.toMatch(/node_modules|at \w+ \(/);
  });

  it('answers Alice and Google, and counts the turn', async () => {
    const alice = {
      meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 't', interfaces: {} },
      request: { command: 'привет', original_utterance: 'привет', type: 'SimpleUtterance', nlu: { tokens: [], entities: [] } },
      session: { message_id: 1, session_id: 's-1', skill_id: 'skill', new: false, user: { user_id: 'u1' }, application: { application_id: 'a1' } },
      version: '1.0',
    };
    const r = await request(t.app).post('/webhook/alice').send(alice);
    expect(r.status).toBe(200);
    expect(r.body.response.text).toMatch(/код/i);
    expect((await request(t.app).post('/webhook/google').send({ intent: { name: 'actions.intent.MAIN', query: '' }, session: { id: 'g-1', params: {} }, user: { locale: 'ru-RU', params: {} } })).status).toBe(200);
    expect((await request(t.app).get('/metrics')).text).toMatch(/b24_dialog_turns_total\{channel="alice",intent="[a-z.]+"\} 1/);
    expect(lines.some((l) => l.includes('"msg":"webhook request"') && l.includes('/webhook/alice'))).toBe(true);
  });
});

describe('createApp over buildServices with a configured app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ B24_CLIENT_ID: 'local.abc', B24_CLIENT_SECRET: 's'.repeat(24), PUBLIC_URL: 'https://assistant.example/' });
  }, 60_000);
  afterAll(() => t.stop());

  it('has no sandbox portal and no console; the webhook and pages are there', async () => {
    expect(t.services.sandbox).toBeUndefined();
    expect(t.services.publicUrl()).toBe('https://assistant.example');
    expect((await request(t.app).get('/sandbox/rest/profile.json')).status).toBe(404);
    expect((await request(t.app).get('/')).status).toBe(404);
    expect((await request(t.app).get('/console/users')).status).toBe(404);
    expect((await request(t.app).post('/webhook/bitrix').type('form').send('x=1')).status).toBe(400);
    expect((await request(t.app).get('/app/scoring')).status).toBe(401);
  });
});
