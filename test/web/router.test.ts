/** The pages' router without a browser: auth paths, ownership, bad input, and the slider's arithmetic. */
import request from 'supertest';
import express from 'express';
import { createMemoryStore } from '../../src/store';
import type { Store } from '../../src/store/types';
import type { LeadScoreAnswer } from '../../src/dialog/types';
import { createWebPages, operatingPoint, type WebDeps } from '../../src/web';
import { curves, evaluate } from '../../src/scoring/metrics';
import { readCurve } from '../../src/web/model-view';
import { SessionTokens } from '../../src/web/session';
import { loadTexts, parseTexts, pickLang } from '../../src/web/texts';
import { esc, jsonScript } from '../../src/web/html';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const client = require('../../src/web/assets/scoring.js') as { operatingPoint: typeof operatingPoint; failureText: (texts: Record<string, string>, lang: string, error: unknown) => string };

const SECRET = 'test-secret-0123456789abcdef';

function build(over: Partial<WebDeps> = {}, store: Store = createMemoryStore()) {
  const deps: WebDeps = {
    store,
    now: () => 1_760_000_000_000,
    sessionSecret: SECRET,
    verifyPortalAuth: async (a) => (a.authId === 'good' && a.memberId === 'm1' ? { userId: 7, admin: false } : null),
    issueLinkCode: async (_a, now) => ({ code: '12345678', expiresAt: now + 300_000 }),
    scoreRecord: async (_a, entity, id) => ({ kind: 'not-found', entity, ref: { id } }),
    dataCounts: async () => ({ closed: 1240, success: 600, failure: 640, required: 2000 }),
    trainer: async () => ({ version: 1 }),
    ...over,
  };
  const pages = createWebPages(deps);
  const app = express();
  app.use(pages.router);
  return { app, pages, deps, store };
}

const placement = (extra: Record<string, string> = {}) => ({ DOMAIN: 'p.bitrix24.ru', member_id: 'm1', AUTH_ID: 'good', LANG: 'en', ...extra });

describe('placement auth', () => {
  it('opens a page for a verified portal POST and refuses a forged or partial one', async () => {
    const { app } = build();
    const ok = await request(app).post('/app/scoring').type('form').send(placement());
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('Not enough data yet: 1,240 closed of the 2,000 needed');
    expect((await request(app).post('/app/scoring').type('form').send(placement({ AUTH_ID: 'bad' }))).status).toBe(401);
    expect((await request(app).post('/app/scoring').type('form').send({ member_id: 'm1', AUTH_ID: 'good' })).status).toBe(401);
    expect((await request(app).get('/app/voice')).status).toBe(401);
    expect((await request(app).get('/app/voice?t=forged.token')).status).toBe(401);
  });

  it('does not offer retraining to a non-admin and refuses it with 403', async () => {
    const { app, pages, deps } = build();
    const page = await request(app).post('/app/scoring').type('form').send(placement());
    expect(page.text).not.toContain('id="lead-retrain"');
    const token = pages.tokens.issue({ memberId: 'm1', userId: 7, lang: 'ru', admin: false, demo: false }, deps.now());
    const r = await request(app).post('/app/scoring/retrain').send({ t: token, entity: 'lead' });
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('common.forbidden');
  });

  it('reads the record id from PLACEMENT_OPTIONS and checks the placement matches the card', async () => {
    const seen: number[] = [];
    const { app } = build({ scoreRecord: async (_a, entity, id) => (seen.push(id), { kind: 'not-found', entity, ref: { id } }) });
    const r = await request(app).post('/app/card/lead').type('form').send(placement({ PLACEMENT: 'CRM_LEAD_DETAIL_TAB', PLACEMENT_OPTIONS: '{"ID":"6591"}' }));
    expect(r.status).toBe(200);
    expect(seen).toEqual([6591]);
    expect((await request(app).post('/app/card/deal').type('form').send(placement({ PLACEMENT: 'CRM_LEAD_DETAIL_TAB', PLACEMENT_OPTIONS: '{"ID":"1"}' }))).status).toBe(400);
    expect((await request(app).post('/app/card/lead').type('form').send(placement({ PLACEMENT_OPTIONS: '{oops' }))).status).toBe(400);
    expect((await request(app).post('/app/card/lead/abc').type('form').send(placement())).status).toBe(400);
  });

  it('refuses in the page\'s language: the portal\'s LANG, ?lang= or the viewer\'s token', async () => {
    const { app, pages, deps } = build();
    const h1 = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
    const wrongTab = await request(app).post('/app/card/deal').type('form').send(placement({ PLACEMENT: 'CRM_LEAD_DETAIL_TAB', PLACEMENT_OPTIONS: '{"ID":"1"}' }));
    expect(h1(wrongTab.text)).toBe('Bad request: placement CRM_LEAD_DETAIL_TAB does not open this card');
    expect(h1((await request(app).post('/app/card/lead').type('form').send(placement({ LANG: 'ru', PLACEMENT_OPTIONS: '{oops' }))).text)).toBe('Неверный запрос: PLACEMENT_OPTIONS — не JSON');
    const en = pages.tokens.issue({ memberId: 'm1', userId: 7, lang: 'en', admin: false, demo: false }, deps.now());
    expect(h1((await request(app).get(`/app/card/lead/abc?t=${encodeURIComponent(en)}`)).text)).toBe('Bad request: the record id must be a positive integer');
    expect(h1((await request(app).get(`/app/card/lead/abc?t=${encodeURIComponent(en)}&lang=ru`)).text)).toBe('Неверный запрос: номер записи — целое положительное число');
    const body = await request(app).post('/app/scoring/retrain').set('Content-Type', 'application/json').send(`{"t":"${en}", oops`);
    expect(body.status).toBe(400);
    expect(body.body.message).toMatch(/^(Bad request|Неверный запрос): (the request body is not valid JSON|тело запроса — не JSON)$/);
  });
});

describe('sandbox mode', () => {
  it('sends a visitor without a user to the demo picker and refuses unknown users', async () => {
    const { app } = build({ sandbox: { memberId: 'demo', users: [{ id: 1, name: 'Анна' }] } });
    const r = await request(app).get('/app/scoring');
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/app/');
    expect((await request(app).get('/app/')).text).toContain('Анна');
    expect((await request(app).get('/app/voice?user=99')).status).toBe(404);
  });

  it('is off without the flag: no picker, no ?user=', async () => {
    const { app } = build();
    expect((await request(app).get('/app/')).status).toBe(404);
    expect((await request(app).get('/app/voice?user=1')).status).toBe(401);
  });
});

describe('unlinking', () => {
  it('removes only the viewer’s own device', async () => {
    const { app, store, pages, deps } = build();
    await store.voiceLinks.save({ platform: 'alice', voiceUserId: 'A1', memberId: 'm1', userId: 7, createdAt: 1 });
    await store.voiceLinks.save({ platform: 'alice', voiceUserId: 'B2', memberId: 'm1', userId: 8, createdAt: 1 });
    const token = pages.tokens.issue({ memberId: 'm1', userId: 7, lang: 'ru', admin: false, demo: false }, deps.now());
    expect((await request(app).post('/app/voice/unlink').type('form').send({ t: token, platform: 'alice', voiceUserId: 'B2' })).status).toBe(404);
    expect(await store.voiceLinks.get('alice', 'B2')).not.toBeNull();
    const ok = await request(app).post('/app/voice/unlink').type('form').send({ t: token, platform: 'alice', voiceUserId: 'A1' });
    expect(ok.status).toBe(303);
    expect(await store.voiceLinks.get('alice', 'A1')).toBeNull();
    expect((await request(app).post('/app/voice/unlink').type('form').send({ t: token, platform: 'siri', voiceUserId: 'A1' })).status).toBe(400);
  });
});

describe('retraining', () => {
  it('records the job, reports a trainer failure in words, and refuses a second run while one is going', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { app, pages, deps, store } = build({
      trainer: async (_m, _e, progress) => {
        progress({ fraction: 0.4, stage: 'fit' });
        await gate;
        throw new Error('not_enough_data closed=12 required=2000 success=5 failure=7');
      },
    });
    const token = pages.tokens.issue({ memberId: 'm1', userId: 1, lang: 'ru', admin: true, demo: false }, deps.now());
    const a = await request(app).post('/app/scoring/retrain').send({ t: token, entity: 'lead' });
    expect(a.status).toBe(202);
    const b = await request(app).post('/app/scoring/retrain').send({ t: token, entity: 'lead' });
    expect(b.body).toEqual({ jobId: a.body.jobId, busy: true });
    expect((await request(app).get(`/app/jobs/${a.body.jobId}?t=${encodeURIComponent(token)}`)).body).toMatchObject({ state: 'running', progress: 0.4 });
    release();
    await pages.runner.done.get(a.body.jobId);
    // Stored as a code and numbers; each page says it in its own language.
    expect(await store.jobs.get(a.body.jobId)).toMatchObject({ state: 'failed', message: 'not_enough_data closed=12 required=2000 success=5 failure=7' });
    const polled = (await request(app).get(`/app/jobs/${a.body.jobId}?t=${encodeURIComponent(token)}`)).body;
    expect(polled).toMatchObject({ state: 'failed', error: { code: 'not_enough_data', vars: { closed: 12, required: 2000, success: 5, failure: 7 } } });
    // The panel says the failed run in the page's language, with the counts in its number format.
    const en = pages.tokens.issue({ memberId: 'm1', userId: 1, lang: 'en', admin: true, demo: false }, deps.now());
    const panel = (await request(app).get(`/app/scoring/panel/lead?t=${encodeURIComponent(en)}`)).text;
    expect(panel).toMatch(/id="lead-last-failed">Last training attempt \([^)]*\)\. Training failed: not enough data — 12 closed of the 2,000 needed \(5 won, 7 lost\)\.</);
    expect(panel).not.toMatch(/[\u0400-\u04ff]/);
    const ru = (await request(app).get(`/app/scoring/panel/lead?t=${encodeURIComponent(token)}`)).text;
    expect(ru).toMatch(/Обучение не удалось: пока мало данных — 12 закрытых из 2\s000 нужных \(успешных 5, неуспешных 7\)\./);
    // The browser script says the same from the event, and never an exception's own text.
    const texts = loadTexts();
    const clientTexts = (lang: 'ru' | 'en') => Object.fromEntries(['not_enough_data', 'timeout', 'no_model', 'unknown'].map((c) => [`error_${c}`, texts.in(lang)(`scoring.error_${c}`)]));
    expect(client.failureText(clientTexts('en'), 'en', polled.error)).toBe('Training failed: not enough data — 12 closed of the 2,000 needed (5 won, 7 lost).');
    expect(client.failureText(clientTexts('ru'), 'ru', polled.error)).toMatch(/^Обучение не удалось: пока мало данных — 12 закрытых из 2\s000 нужных/);
    expect(client.failureText(clientTexts('en'), 'en', { code: 'unknown', vars: {} })).toBe('Training failed. Please try again later.');
    expect(client.failureText(clientTexts('en'), 'en', null)).toBe('Training failed. Please try again later.');
    const other = pages.tokens.issue({ memberId: 'm2', userId: 1, lang: 'ru', admin: true, demo: false }, deps.now());
    expect((await request(app).get(`/app/jobs/${a.body.jobId}?t=${encodeURIComponent(other)}`)).status).toBe(404);
    expect((await request(app).post('/app/scoring/retrain').send({ t: token, entity: 'contact' })).status).toBe(400);
  });
});

describe('the card\'s history', () => {
  it('names a new responsible person, reading the directory only when the responsible changed', async () => {
    let reads = 0;
    const answer: LeadScoreAnswer = { kind: 'score', entity: 'lead', id: 5, title: 'T', probability: 0.6, percent: '60', level: 'medium', reasons: [], modelQuality: { auc: 0.8, precision: 0.5, recall: 0.5 } };
    const { app, pages, deps, store } = build({ scoreRecord: async () => answer, userNames: async () => (reads++, new Map([[21, 'Иван Сергеев']])) });
    const token = pages.tokens.issue({ memberId: 'm1', userId: 1, lang: 'en', admin: false, demo: false }, deps.now());
    const t0 = deps.now() - 2 * 86_400_000;
    await store.models.addScore('m1', 'lead', 5, t0, 0.5, 1, [{ column: 'ASSIGNED_BY_ID', value: '14', effect: 0 }]);
    const card = async () => (await request(app).get(`/app/card/lead/5?t=${encodeURIComponent(token)}`)).text;
    expect(await card()).toContain('first score');
    expect(reads).toBe(0);
    await store.models.addScore('m1', 'lead', 5, t0 + 1000, 0.6, 1, [{ column: 'ASSIGNED_BY_ID', value: '21', effect: 0.4 }]);
    expect(await card()).toContain('<td class="why">+10%: responsible: Иван Сергеев</td>');
    expect(reads).toBe(1);
  });
});

describe('a job another process ran', () => {
  it('is read from the store with its outcome code, or the version it made', async () => {
    const { app, pages, deps, store } = build();
    const t0 = deps.now();
    await store.jobs.save({ id: 'j-failed', kind: 'train:deal', memberId: 'm1', state: 'failed', progress: 0.05, message: 'not_enough_data closed=30 required=2000 success=16 failure=14', createdAt: t0, updatedAt: t0 });
    await store.jobs.save({ id: 'j-done', kind: 'train:lead', memberId: 'm1', state: 'done', progress: 1, message: 'version 3', createdAt: t0, updatedAt: t0 });
    await store.jobs.save({ id: 'j-odd', kind: 'train:lead', memberId: 'm1', state: 'failed', progress: 0.2, message: 'connect ECONNREFUSED', createdAt: t0, updatedAt: t0 });
    const token = pages.tokens.issue({ memberId: 'm1', userId: 1, lang: 'en', admin: true, demo: false }, t0);
    const get = async (id: string) => (await request(app).get(`/app/jobs/${id}?t=${encodeURIComponent(token)}`)).body;
    expect(await get('j-failed')).toMatchObject({ entity: 'deal', state: 'failed', error: { code: 'not_enough_data', vars: { closed: 30, required: 2000, success: 16, failure: 14 } } });
    expect(await get('j-done')).toMatchObject({ entity: 'lead', state: 'done', version: 3 });
    expect(await get('j-odd')).toMatchObject({ state: 'failed', error: { code: 'unknown', vars: {} } });
  });
});

describe('the threshold arithmetic', () => {
  // Scores and labels with ties, so the curve has fewer points than records.
  const scores = [0.95, 0.9, 0.9, 0.8, 0.7, 0.62, 0.6, 0.55, 0.4, 0.4, 0.3, 0.2, 0.1];
  const labels = [1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0];
  const curve = readCurve(JSON.parse(JSON.stringify(curves(scores, labels))));

  it.each([0.05, 0.2, 0.4, 0.5, 0.6, 0.61, 0.9, 0.97])('matches src/scoring evaluate() at %p (server and browser copies)', (t) => {
    const want = evaluate(scores, labels, t);
    const got = operatingPoint(curve, want.positives, want.negatives, t);
    expect({ tp: got.tp, fp: got.fp, tn: got.tn, fn: got.fn }).toEqual(want.confusion);
    expect(got.precision).toBeCloseTo(want.precision, 10);
    expect(got.recall).toBeCloseTo(want.recall, 10);
    expect(got.fpr).toBeCloseTo(want.fpr, 10);
    const compact = curve.map((p) => [Number.isFinite(p.threshold) ? p.threshold : null, p.tpr, p.fpr] as [number | null, number, number]);
    expect(client.operatingPoint(compact as never, want.positives, want.negatives, t)).toEqual(got);
  });
});

describe('the threshold arithmetic on a thinned curve', () => {
  // 3,000 records with ~3,000 distinct scores: the stored curve is thinned, yet every slider
  // position (steps of 0.01) must give evaluate()'s confusion matrix exactly.
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const scores = Array.from({ length: 3000 }, () => Math.round(rnd() * 1e6) / 1e6);
  const labels = scores.map((s) => (rnd() < s ? 1 : 0));
  const curve = readCurve(JSON.parse(JSON.stringify(curves(scores, labels))));

  it('stores fewer points than records and is exact at every step of the slider', () => {
    expect(curve.length).toBeLessThan(300);
    for (let k = 0; k <= 100; k++) {
      const t = k / 100;
      const want = evaluate(scores, labels, t);
      const got = operatingPoint(curve, want.positives, want.negatives, t);
      expect({ t, tp: got.tp, fp: got.fp, tn: got.tn, fn: got.fn }).toEqual({ t, ...want.confusion });
    }
  });
});

describe('texts, tokens, escaping', () => {
  it('has every key in both languages and refuses a file missing one', () => {
    expect(loadTexts().keys().length).toBeGreaterThan(50);
    expect(() => parseTexts('a:\n  b: { ru: "x" }\n')).toThrow('"a.b" has no en text');
    expect(pickLang('en', 'ru')).toBe('en');
    expect(pickLang(undefined, 'de')).toBe('en');
    expect(pickLang(undefined, undefined)).toBe('ru');
  });

  it('expires and rejects tampered tokens', () => {
    const s = new SessionTokens(SECRET, 1000);
    const tok = s.issue({ memberId: 'm', userId: 1, lang: 'en', admin: true, demo: false }, 0);
    expect(s.read(tok, 999)).toMatchObject({ memberId: 'm', userId: 1, admin: true });
    expect(s.read(tok, 1000)).toBeNull();
    const [body, sig] = tok.split('.');
    const forged = Buffer.from(JSON.stringify({ m: 'm', u: 2, e: 5000, a: 1 })).toString('base64url');
    expect(s.read(`${forged}.${sig}`, 1)).toBeNull();
    expect(s.read(`${body}.x${sig}`, 1)).toBeNull();
    expect(new SessionTokens('another-secret-0123456789').read(tok, 1)).toBeNull();
    expect(() => new SessionTokens('short')).toThrow();
  });

  it('escapes text and JSON blocks', () => {
    expect(esc('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(jsonScript('d', { s: '</script><script>alert(1)</script>' })).not.toMatch(/<\/script><script>/);
  });
});
