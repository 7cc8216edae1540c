/**
 * Yandex Alice, protocol 1.0, with payloads shaped like the platform's: against the real server and
 * the sandbox (linking by a spoken code, a command through confirmation to a task), through the
 * whole app without a port (the ping, bad input), and against a
 * slow fake dialogue (the 4.5 s budget, the result delivered to the messenger later).
 */
import express from 'express';
import request from 'supertest';
import type { Runtime } from '../../src/runtime';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime';
import { buildTestApp, type TestApp } from '../helpers/app';
import { aliceRouter } from '../../src/channels/alice';
import type { Dialog, Reply } from '../../src/dialog/types';

const aliceBody = (sessionId: string, command: string, extra: Record<string, unknown> = {}) => ({
  meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 'ru.yandex.searchplugin/7.16', interfaces: { screen: {} } },
  session: { message_id: Number(extra.message_id ?? 1), session_id: sessionId, skill_id: 'skill-1', user: { user_id: 'alice-user-42' }, application: { application_id: 'app-42' }, new: extra.new === true },
  request: extra.request ?? { command: command.toLowerCase(), original_utterance: command, type: 'SimpleUtterance', nlu: { tokens: command.toLowerCase().split(' '), entities: [] } },
  state: { session: extra.state ?? {} },
  version: '1.0',
});

describe('Alice with the real server', () => {
  let t: TestRuntime;
  let rt: Runtime;
  beforeAll(async () => {
    t = await startTestRuntime();
    rt = t.rt;
  });
  afterAll(() => t.stop());
  const post = (body: unknown) => request(rt.url).post('/webhook/alice').send(body as object);

  it('links by spoken code, then creates a task through confirmation', async () => {
    const first = await post(aliceBody('s1', '', { new: true, request: { command: '', original_utterance: '', type: 'SimpleUtterance' } }));
    expect(first.body.response.text).toMatch(/назовите код/);
    expect(first.body.session_state).toBeDefined();
    const code = await rt.issueLinkCode({ memberId: rt.sandboxMemberId!, userId: 1 });
    const linked = await post(aliceBody('s1', code.split('').join(' '), { message_id: 2 }));
    expect(linked.body.response.text).toBe('Авторизация прошла успешно! Жду ваших команд.');
    const before = rt.sandbox!.state.tasks.size;
    const confirm = await post(aliceBody('s1', 'поставь задачу на сергея иванова на следующий вторник в 13 15 подготовить отчёт', { message_id: 3 }));
    expect(confirm.body.response.text).toMatch(/ответственный — Сергей Иванов/);
    const yes = confirm.body.response.buttons[0];
    expect(yes).toMatchObject({ title: 'Да', hide: true });
    const done = await post(aliceBody('s1', '', { message_id: 4, request: { type: 'ButtonPressed', payload: yes.payload, nlu: { tokens: [], entities: [] } } }));
    expect(done.body.response.text).toBe('Задача успешно создана в Битрикс24.');
    expect(rt.sandbox!.state.tasks.size).toBe(before + 1);
    // The same "да" delivered again creates nothing new.
    await post(aliceBody('s1', 'да', { message_id: 5 }));
    expect(rt.sandbox!.state.tasks.size).toBe(before + 1);
  });

});

// What needs no portal goes through the whole app without a port (test/helpers/app.ts).
describe('Alice through the whole app, without a port', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.stop());
  const post = (body: unknown) => request(t.app).post('/webhook/alice').send(body as object);

  it('answers the health-check ping at once', async () => {
    const r = await post(aliceBody('s0', 'ping'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: '1.0', response: { text: expect.any(String), end_session: false } });
  });

  it('refuses bad input with a clear 4xx', async () => {
    expect((await request(t.app).post('/webhook/alice').set('content-type', 'application/json').send('{"broken')).status).toBe(400);
    expect((await request(t.app).post('/webhook/alice').set('content-type', 'text/plain').send('hi')).status).toBe(415);
    expect((await post({ version: '1.0' })).status).toBe(400);
    const huge = aliceBody('s2', 'x'.repeat(70_000));
    expect((await post(huge)).status).toBe(413);
  });
});

describe('Alice with a slow dialogue', () => {
  it('answers within its budget and delivers the result later', async () => {
    let release!: () => void;
    const slow: Dialog = {
      handle: () => new Promise<Reply>((r) => (release = () => r({ text: 'Задача успешно создана в Битрикс24.' }))),
    };
    const notified: string[] = [];
    const app = express().use(
      aliceRouter({
        dialog: slow,
        voiceLinks: { get: async () => ({ platform: 'alice', voiceUserId: 'alice-user-42', memberId: 'm', userId: 1, createdAt: 0 }) },
        notify: async (_a, text) => void notified.push(text),
        deadlineMs: 300,
      }),
    );
    const t0 = Date.now();
    const r = await request(app).post('/webhook/alice').send(aliceBody('s3', 'поставь задачу'));
    expect(Date.now() - t0).toBeLessThan(4500);
    expect(r.body.response.text).toBe('Делаю, результат пришлю в Битрикс24.');
    release();
    await new Promise((res) => setTimeout(res, 50));
    expect(notified.join(' ')).toMatch(/Задача успешно создана/);
  });

  it('refuses another skill when a skill id is configured', async () => {
    const app = express().use(aliceRouter({ dialog: { handle: async () => ({ text: 'x' }) }, voiceLinks: { get: async () => null }, skillId: 'mine' }));
    expect((await request(app).post('/webhook/alice').send(aliceBody('s4', 'привет'))).status).toBe(403);
  });
});
