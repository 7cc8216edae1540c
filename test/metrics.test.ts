/**
 * /metrics, /readyz and the per-request log line: on the bare app (supertest, no port), and on the
 * whole server, where a webhook turn shows up in the request, turn and portal-call counters.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../src/server';
import { createMetrics } from '../src/metrics';
import { loadConfig } from '../src/config';
import { createLogger, startRuntime, type Runtime } from '../src/runtime';
import { logLines } from './helpers/log-lines';

describe('createApp: /readyz and /metrics', () => {
  it('is ready when every check passes and names the one that fails, with 503', async () => {
    const ok = createApp({ version: 't', readiness: { store: async () => {}, queue: async () => {} } });
    const r1 = await request(ok).get('/readyz');
    expect(r1.status).toBe(200);
    expect(r1.body).toEqual({ status: 'ready', checks: { store: 'ok', queue: 'ok' } });

    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379\n    at internal'), { code: 'ECONNREFUSED' });
    const bad = createApp({
      version: 't',
      readinessTimeoutMs: 200,
      readiness: { store: async () => {}, redis: async () => Promise.reject(down), queue: () => new Promise(() => {}) },
    });
    const r2 = await request(bad).get('/readyz');
    expect(r2.status).toBe(503);
    expect(r2.body).toEqual({ status: 'not ready', checks: { store: 'ok', redis: 'ECONNREFUSED', queue: 'timeout' } });
    // Liveness does not depend on them.
    expect((await request(bad).get('/healthz')).status).toBe(200);
  });

  it('serves Prometheus text with requests counted by route pattern and status', async () => {
    const metrics = createMetrics();
    const app = createApp({ version: 't', metrics });
    app.get('/app/card/lead/:id', (_req, res) => void res.send('x'));
    await request(app).get('/app/card/lead/17');
    await request(app).get('/app/card/lead/18');
    await request(app).get('/nowhere');
    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('b24_http_requests_total{route="/app/card/lead/:id",method="GET",status="200"} 2');
    expect(res.text).toContain('b24_http_requests_total{route="unmatched",method="GET",status="404"} 1');
    expect(res.text).toMatch(/b24_http_request_duration_seconds_bucket\{le="0\.005",route="\/app\/card\/lead\/:id",method="GET"\}/);
    // No ids in labels: each lead is not its own series.
    expect(res.text).not.toContain('lead/17');
  });
});

describe('the whole server', () => {
  let rt: Runtime;
  let dir: string;
  const { lines: lines, sink } = logLines();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-metrics-'));
    rt = await startRuntime(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' }), { log: createLogger('info', sink), sandboxLeads: 50 });
  }, 120_000);
  afterAll(async () => {
    await rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers /readyz with its store and queue, and counts a webhook turn, its intent and the portal calls', async () => {
    const ready = await request(rt.url).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ store: 'ok', queue: 'ok' });

    const alice = (id: number, text: string) => ({
      meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 'ru.yandex.searchplugin/7.16', interfaces: { screen: {} } },
      session: { message_id: id, session_id: 'metrics-s1', skill_id: 'skill', user_id: 'metrics-user', application: { application_id: 'metrics-app' }, new: false },
      request: { command: text, original_utterance: text, type: 'SimpleUtterance', nlu: { tokens: [], entities: [] } },
      version: '1.0',
    });
    const code = await rt.issueLinkCode({ memberId: rt.sandboxMemberId!, userId: 1 });
    expect((await request(rt.url).post('/webhook/alice').send(alice(1, code))).status).toBe(200);
    const r = await request(rt.url).post('/webhook/alice').send(alice(2, 'поставь задачу на сергея иванова купить молоко'));
    expect(r.status).toBe(200);
    expect(r.body.response.text).not.toMatch(/код/i);
    const m = await request(rt.url).get('/metrics');
    expect(m.status).toBe(200);
    expect(m.text).toMatch(/b24_http_requests_total\{route="\/webhook\/alice",method="POST",status="200"\} 2/);
    expect(m.text).toMatch(/b24_dialog_turns_total\{channel="alice",intent="task\.create"\} 1/);
    // The start-up set-up (bots, placements) went through the portal client.
    expect(m.text).toMatch(/b24_portal_calls_total\{method="[a-z.]+",outcome="ok"\} \d+/);
    expect(m.text).toContain('b24_training_queue_depth 0');
    expect(m.text).toContain('b24_process_cpu_seconds_total');

    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const hook = logged.find((l) => l.msg === 'webhook request' && l.route === '/webhook/alice');
    expect(hook).toMatchObject({ status: 200, ms: expect.any(Number) });
    const turn = logged.find((l) => l.msg === 'turn' && l.channel === 'alice' && l.intent !== 'none');
    expect(turn).toMatchObject({ intent: 'task.create', outcome: 'answered' });
    // What was said never reaches the log at info.
    expect(lines.join('\n')).not.toContain('молоко');
  }, 60_000);
});
