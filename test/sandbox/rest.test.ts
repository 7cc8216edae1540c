import express from 'express';
import request from 'supertest';
import { createSandbox, type Sandbox } from '../../src/sandbox';

function mount(sb: Sandbox) {
  const app = express();
  app.use('/sandbox', sb.router);
  sb.setPublicUrl('http://127.0.0.1:9/sandbox');
  return app;
}

describe('sandbox REST envelopes and errors', () => {
  let clock = Date.parse('2026-02-01T10:00:00Z');
  const sb = createSandbox({ leads: 300, seed: 7, webhookCode: 'hookcode', rateLimit: false, now: () => clock });
  const app = mount(sb);
  const hook = '/sandbox/rest/1/hookcode';
  afterAll(() => sb.close());

  test('success envelope has result and time fields', async () => {
    const res = await request(app).get(`${hook}/profile.json`);
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ ID: '1', ADMIN: true, NAME: 'Александр' });
    for (const k of ['start', 'finish', 'duration', 'processing', 'date_start', 'date_finish', 'operating', 'operating_reset_at'])
      expect(res.body.time).toHaveProperty(k);
    expect(res.body.time.date_start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
  });

  test.each([
    ['no auth', '/sandbox/rest/profile', 401, 'NO_AUTH_FOUND'],
    ['bogus token', '/sandbox/rest/profile?auth=nope', 401, 'invalid_token'],
    // system-errors.md: a wrong webhook code is NO_AUTH_FOUND (401).
    ['wrong webhook code', '/sandbox/rest/1/wrong/profile', 401, 'NO_AUTH_FOUND'],
    ['wrong webhook user', '/sandbox/rest/2/hookcode/profile', 401, 'NO_AUTH_FOUND'],
    ['unknown method', '/sandbox/rest/1/hookcode/crm.lead.nonexistent', 404, 'ERROR_METHOD_NOT_FOUND'],
    ['v3 path', '/sandbox/rest/api/1/hookcode/crm.item.list', 404, 'ERROR_METHOD_NOT_FOUND'],
  ])('%s → %s %s', async (_name, url, status, code) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(code);
    expect(typeof res.body.error_description).toBe('string');
  });

  test('malformed JSON body is a 400 error, not a crash', async () => {
    const res = await request(app).post(`${hook}/crm.lead.list`).set('Content-Type', 'application/json').send('{"filter":');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('INVALID_REQUEST');
    const after = await request(app).get(`${hook}/profile`);
    expect(after.status).toBe(200);
  });

  test('expired token → 401 expired_token; OAuth token in query, form or JSON body', async () => {
    const t = sb.issueTokens(2);
    const q = await request(app).get(`/sandbox/rest/user.current?auth=${t.accessToken}`);
    expect(q.body.result.ID).toBe('2');
    const form = await request(app).post('/sandbox/rest/user.current').type('form').send(`auth=${t.accessToken}`);
    expect(form.body.result.ID).toBe('2');
    const json = await request(app).post('/sandbox/rest//user.current').send({ auth: t.accessToken });
    expect(json.body.result.ID).toBe('2');
    clock += 3601_000;
    const late = await request(app).get(`/sandbox/rest/user.current?auth=${t.accessToken}`);
    expect(late.status).toBe(401);
    expect(late.body.error).toBe('expired_token');
  });

  test('PHP-bracket form parameters and missing fields', async () => {
    const ok = await request(app).post(`${hook}/tasks.task.add`).type('form')
      .send('fields[TITLE]=Позвонить+клиенту&fields[RESPONSIBLE_ID]=2&fields[DEADLINE]=2026-02-03T13:15:00');
    expect(ok.status).toBe(200);
    expect(ok.body.result.task).toMatchObject({ title: 'Позвонить клиенту', responsibleId: '2', deadline: '2026-02-03T13:15:00+03:00' });
    expect(typeof ok.body.result.task.id).toBe('string');
    const noTitle = await request(app).post(`${hook}/tasks.task.add`).send({ fields: { RESPONSIBLE_ID: 2 } });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error).toBe('ERROR_CORE');
    const got = await request(app).post(`${hook}/tasks.task.get`).send({ taskId: ok.body.result.task.id, select: ['ID', 'TITLE'] });
    expect(got.body.result.task).toEqual({ id: ok.body.result.task.id, title: 'Позвонить клиенту' });
    const list = await request(app).get(`${hook}/tasks.task.list?filter[RESPONSIBLE_ID]=2&select[]=ID&select[]=TITLE`);
    expect(list.body.result.tasks.map((x: { title: string }) => x.title)).toContain('Позвонить клиенту');
    expect(list.body.total).toBeGreaterThanOrEqual(1);
  });

  test('insufficient_scope and ACCESS_DENIED', async () => {
    const narrow = createSandbox({ leads: 100, webhookCode: 'w', webhookScope: ['user'], rateLimit: false });
    const app2 = mount(narrow);
    const res = await request(app2).get('/sandbox/rest/1/w/crm.lead.list');
    expect(res.status).toBe(403); // system-errors.md
    expect(res.body.error).toBe('insufficient_scope');
    const t = narrow.issueTokens(3); // not an administrator
    const bind = await request(app2).post('/sandbox/rest/event.bind').send({ auth: t.accessToken, event: 'ONCRMLEADADD', handler: 'http://x/h' });
    expect(bind.status).toBe(403);
    expect(bind.body.error).toBe('ACCESS_DENIED');
    await narrow.close();
  });

  test('user.get: 30 seeded users with the documented fields, paging by 50', async () => {
    const res = await request(app).get(`${hook}/user.get`);
    expect(res.body.total).toBe(30);
    expect(res.body.next).toBeUndefined();
    const u = res.body.result.find((x: { ID: string }) => x.ID === '2');
    expect(u).toMatchObject({ ID: '2', NAME: 'Сергей', LAST_NAME: 'Иванов', PERSONAL_GENDER: 'M', ACTIVE: true });
    for (const k of ['SECOND_NAME', 'TIME_ZONE', 'EMAIL', 'UF_DEPARTMENT']) expect(u).toHaveProperty(k);
    const byName = await request(app).post(`${hook}/user.get`).send({ FILTER: { LAST_NAME: 'Иванова' } });
    expect(byName.body.result.map((x: { ID: string }) => x.ID)).toEqual(['5']);
  });

  test('calendar.event.add / getbyid / get, errors with an empty code', async () => {
    const add = await request(app).post(`${hook}/calendar.event.add`).send({
      type: 'user', ownerId: 1, name: 'Встреча', from: '2026-02-03 13:15:00', to: '2026-02-03 14:15:00',
      timezone_from: 'Europe/Moscow', auto_detect_section: 'Y', is_meeting: 'Y', attendees: [1, 2],
    });
    expect(add.status).toBe(200);
    expect(typeof add.body.result).toBe('number');
    const ev = await request(app).post(`${hook}/calendar.event.getbyid`).send({ id: add.body.result });
    expect(ev.body.result).toMatchObject({ NAME: 'Встреча', DATE_FROM: '03.02.2026 13:15:00', TZ_FROM: 'Europe/Moscow', IS_MEETING: true,
      DATE_FROM_TS_UTC: String(Date.parse('2026-02-03T10:15:00Z') / 1000), ATTENDEES_CODES: ['U1', 'U2'] });
    const forUser2 = await request(app).post(`${hook}/calendar.event.get`).send({ type: 'user', ownerId: 2, from: '2026-02-01', to: '2026-02-10' });
    expect(forUser2.body.result.map((e: { ID: string }) => e.ID)).toContain(String(add.body.result));
    const bad = await request(app).post(`${hook}/calendar.event.add`).send({ type: 'user', ownerId: 1, from: '2026-02-03', to: '2026-02-03' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('');
    expect(bad.body.error_description).toMatch(/name/);
  });
});

describe('lists: paging, fast export, filters', () => {
  const sb = createSandbox({ leads: 237, seed: 11, webhookCode: 'h', rateLimit: false });
  const app = mount(sb);
  afterAll(() => sb.close());

  test('start/next/total page through every lead exactly once', async () => {
    const ids: string[] = [];
    let start: number | undefined = 0;
    let pages = 0;
    while (start !== undefined) {
      const res: request.Response = await request(app).post('/sandbox/rest/1/h/crm.lead.list').send({ select: ['ID'], start });
      expect(res.body.total).toBe(237);
      ids.push(...res.body.result.map((r: { ID: string }) => r.ID));
      start = res.body.next;
      pages++;
    }
    expect(pages).toBe(5);
    expect(new Set(ids).size).toBe(237);
  });

  test('start=-1 with order ID ASC and >ID: no total, no next, pages of 50', async () => {
    let last = 0;
    let seen = 0;
    for (;;) {
      const res = await request(app).get(`/sandbox/rest/1/h/crm.lead.list?order[ID]=ASC&filter[>ID]=${last}&select[]=ID&start=-1`);
      expect(res.body.total).toBeUndefined();
      expect(res.body.next).toBeUndefined();
      const rows = res.body.result as { ID: string }[];
      seen += rows.length;
      if (rows.length) expect(Number(rows[0]!.ID)).toBe(last + 1);
      if (rows.length < 50) break;
      last = Number(rows[rows.length - 1]!.ID);
    }
    expect(seen).toBe(237);
  });

  test('prefix operators on the fields the project uses', async () => {
    const all = (await request(app).post('/sandbox/rest/1/h/crm.lead.list').send({ select: ['ID', 'SOURCE_ID', 'STATUS_SEMANTIC_ID', 'DATE_CREATE', 'TITLE'], start: 0 })).body;
    const s = await request(app).post('/sandbox/rest/1/h/crm.lead.list').send({ filter: { STATUS_SEMANTIC_ID: 'S', '!SOURCE_ID': 'CALL' }, select: ['ID', 'SOURCE_ID', 'STATUS_SEMANTIC_ID'] });
    expect(s.body.total).toBeGreaterThan(0);
    for (const r of s.body.result) expect(r.STATUS_SEMANTIC_ID === 'S' && r.SOURCE_ID !== 'CALL').toBe(true);
    const range = await request(app).post('/sandbox/rest/1/h/crm.lead.list').send({ filter: { '>=ID': 10, '<ID': 20 }, select: ['ID'] });
    expect(range.body.result.map((r: { ID: string }) => Number(r.ID))).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const d0 = all.result[20].DATE_CREATE as string;
    const dates = await request(app).post('/sandbox/rest/1/h/crm.lead.list').send({ filter: { '>=DATE_CREATE': d0 }, select: ['ID'], start: 0 });
    expect(dates.body.total).toBe(237 - 20);
    const like = await request(app).post('/sandbox/rest/1/h/crm.lead.list').send({ filter: { '%TITLE': 'звонок' }, select: ['ID', 'TITLE'] });
    for (const r of like.body.result) expect(r.TITLE.toLowerCase()).toContain('звонок');
    const inList = await request(app).post('/sandbox/rest/1/h/crm.lead.list').send({ filter: { '@ID': [3, 5, 8] }, select: ['ID'] });
    expect(inList.body.result.map((r: { ID: string }) => r.ID)).toEqual(['3', '5', '8']);
  });

  test('crm.lead.get, crm.status.list semantics, activities of one lead', async () => {
    const lead = (await request(app).get('/sandbox/rest/1/h/crm.lead.get?id=1')).body.result;
    for (const k of ['ID', 'TITLE', 'SOURCE_ID', 'STATUS_ID', 'STATUS_SEMANTIC_ID', 'ASSIGNED_BY_ID', 'DATE_CREATE', 'OPPORTUNITY', 'HAS_PHONE'])
      expect(lead).toHaveProperty(k);
    const missing = await request(app).get('/sandbox/rest/1/h/crm.lead.get?id=99999');
    expect(missing.status).toBe(400);
    const st = (await request(app).post('/sandbox/rest/1/h/crm.status.list').send({ filter: { ENTITY_ID: 'STATUS' } })).body.result;
    expect(st.find((s: { STATUS_ID: string }) => s.STATUS_ID === 'CONVERTED').SEMANTICS).toBe('S');
    expect(st.find((s: { STATUS_ID: string }) => s.STATUS_ID === 'JUNK').SEMANTICS).toBe('F');
    const sources = (await request(app).post('/sandbox/rest/1/h/crm.status.list').send({ filter: { ENTITY_ID: 'SOURCE' } })).body.result;
    expect(sources.map((s: { STATUS_ID: string }) => s.STATUS_ID)).toEqual(expect.arrayContaining(['CALL', 'WEB', 'EMAIL', 'ADVERTISING']));
    const acts = (await request(app).post('/sandbox/rest/1/h/crm.activity.list').send({ filter: { OWNER_TYPE_ID: 1, OWNER_ID: 1 }, select: ['*'] })).body;
    for (const a of acts.result) {
      expect(a.OWNER_ID).toBe('1');
      expect(['1', '2', '3', '4', '6']).toContain(a.TYPE_ID);
      if (a.TYPE_ID === '2') expect(['1', '2']).toContain(a.DIRECTION);
      expect(Date.parse(a.END_TIME)).toBeGreaterThanOrEqual(Date.parse(a.START_TIME));
    }
  });
});
