/**
 * Issue 11 items 1, 6, 7, 8 on the whole server in sandbox mode: prototype pollution through every
 * request reader, body errors without internals, the sandbox database's file mode, and where the
 * server listens. Each block names what today's code did instead.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { BITRIX_EVENT_LIMIT } from '../src/channels/bitrix-limits';
import { loadConfig } from '../src/config';
import { createLogger, startRuntime, type Runtime } from '../src/runtime';
import { buildTestApp } from './helpers/app';

const LINK_PROMPT = /назовите код/i;
const FORBIDDEN = ['account', 'memberId', 'userId', 'x', 'polluted'];

/** Anything a pollution test may have put on Object.prototype goes, so one failure cannot leak into the next test. */
function cleanPrototype(): string[] {
  const found = Object.getOwnPropertyNames(Object.prototype).filter((k) => FORBIDDEN.includes(k));
  for (const k of found) delete (Object.prototype as Record<string, unknown>)[k];
  return found;
}

function aliceBody(userId: string, command: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 'test', interfaces: {} },
    request: { command, original_utterance: command, type: 'SimpleUtterance', nlu: { tokens: [], entities: [], intents: {} } },
    session: { message_id: 1, session_id: `s-${crypto.randomUUID()}`, skill_id: 'skill-1', new: false, user: { user_id: userId }, application: { application_id: `app-${userId}` } },
    state: { session: {}, user: {}, application: {} },
    version: '1.0',
    ...extra,
  };
}

/** The log as parsed lines; a line that is not JSON fails the test that reads it. */
class LogSink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += String(chunk);
    cb();
  }
  lines(): Record<string, unknown>[] {
    return this.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  }
  mark(): number {
    return this.text.length;
  }
  since(mark: number): string[] {
    return this.text.slice(mark).split('\n').filter(Boolean);
  }
}

describe('the server in sandbox mode against hostile requests', () => {
  let dir: string;
  let rt: Runtime;
  const sink = new LogSink();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-security-'));
    rt = await startRuntime(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }), { log: createLogger('info', sink), sandboxLeads: 100 });
  }, 60_000);
  afterAll(async () => {
    await rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    cleanPrototype();
  });

  const unlinkedAliceAsksForCode = async () => {
    const r = await request(rt.url).post('/webhook/alice').send(aliceBody(`stranger-${crypto.randomUUID()}`, 'напиши сергею привет'));
    expect(r.status).toBe(200);
    expect(r.body.response.text).toMatch(LINK_PROMPT);
    expect(r.body.response.text).not.toMatch(/Отправить сообщение/);
  };

  describe('item 1: no prototype pollution', () => {
    it('the exact request of the issue leaves every object alone; an unlinked Alice user is still asked for the code', async () => {
      const memberId = rt.sandboxMemberId!;
      const r = await request(rt.url).get(`/sandbox/rest/profile?__proto__[account][memberId]=${memberId}&__proto__[account][userId]=1`);
      expect(r.status).toBe(401); // no auth: refused before the parameters are parsed
      const polluted = cleanPrototype();
      expect(polluted).toEqual([]);
      await unlinkedAliceAsksForCode();
    });

    it('identity is an own field: even with Object.prototype.account set by something else, an unlinked user must link', async () => {
      (Object.prototype as Record<string, unknown>).account = { memberId: rt.sandboxMemberId!, userId: 1 };
      try {
        await unlinkedAliceAsksForCode();
        const g = await request(rt.url).post('/webhook/google').send({ intent: { name: 'x', query: 'напиши сергею привет' }, session: { id: 'g-own', params: {} }, user: { locale: 'ru-RU', params: { b24uid: 'stranger-own' } } });
        expect(g.body.prompt.firstSimple.text).toMatch(LINK_PROMPT);
      } finally {
        cleanPrototype();
      }
    });

    it('an authenticated sandbox call cannot pollute either: query, form body and JSON body', async () => {
      const memberId = rt.sandboxMemberId!;
      const { accessToken } = rt.sandbox!.issueTokens(2);
      const q = await request(rt.url).get(`/sandbox/rest/profile?auth=${accessToken}&__proto__[account][memberId]=${memberId}&__proto__[account][userId]=1&a[constructor][prototype][polluted]=1`);
      expect(q.status).toBe(200);
      expect(q.body.result.ID).toBe('2');
      const f = await request(rt.url).post('/sandbox/rest/profile').type('form').send(`auth=${accessToken}&__proto__[account][userId]=1&constructor[prototype][polluted]=1`);
      expect(f.status).toBe(200);
      const j = await request(rt.url)
        .post('/sandbox/rest/user.get')
        .set('content-type', 'application/json')
        .send(`{"auth":"${accessToken}","__proto__":{"account":{"memberId":"${memberId}","userId":1}},"FILTER":{"__proto__":{"ID":"1"},"constructor":{"prototype":{"polluted":1}}}}`);
      expect(j.status).toBe(200);
      expect(cleanPrototype()).toEqual([]);
      await unlinkedAliceAsksForCode();
    });

    it('a batch command string carrying __proto__ keys pollutes nothing', async () => {
      const r = await request(rt.url).post(`/sandbox/rest/${rt.sandbox!.info().webhook.split('/rest/')[1]}batch`).type('form')
        .send(`cmd[a]=${encodeURIComponent('profile?__proto__[account][userId]=1')}&cmd[b]=${encodeURIComponent('user.get?ID=$result[constructor][name]')}`);
      expect(r.status).toBe(200);
      expect(cleanPrototype()).toEqual([]);
    });

    it('Alice: a JSON body with "__proto__" at several depths is not echoed, does not link, pollutes nothing', async () => {
      await rt.store.voiceLinks.save({ platform: 'alice', voiceUserId: 'linked-alice', memberId: rt.sandboxMemberId!, userId: 1, createdAt: Date.now() });
      const body = JSON.stringify(aliceBody('stranger-a', 'напиши сергею привет'))
        .replace('"session":{', '"session":{"__proto__":{"user":{"user_id":"linked-alice"}},')
        .replace('"state":{"session":{}', '"state":{"session":{"__proto__":{"account":{"userId":1}},"kept":1}')
        .replace(/^\{/, `{"__proto__":{"account":{"memberId":"${rt.sandboxMemberId}","userId":1}},`);
      const r = await request(rt.url).post('/webhook/alice').set('content-type', 'application/json').send(body);
      expect(r.status).toBe(200);
      expect(r.body.response.text).toMatch(LINK_PROMPT);
      // What Alice stores and sends back carries no "__proto__" key (today it was echoed).
      expect(r.text).not.toContain('__proto__');
      expect(r.body.session_state).toMatchObject({ kept: 1 });
      expect(cleanPrototype()).toEqual([]);
    });

    it('Dialogflow and Actions Builder: "__proto__" in the body neither links nor is echoed', async () => {
      const df = `{"__proto__":{"account":{"userId":1}},"responseId":"r","session":"projects/p/agent/sessions/s-proto","queryResult":{"__proto__":{"queryText":"x"},"queryText":"напиши сергею привет","languageCode":"ru"},"originalDetectIntentRequest":{"payload":{"__proto__":{"user":{"userId":"linked"}},"user":{"userId":"stranger-df"}}}}`;
      const d = await request(rt.url).post('/webhook/dialogflow').set('content-type', 'application/json').send(df);
      expect(d.status).toBe(200);
      expect(d.body.fulfillmentText).toMatch(LINK_PROMPT);
      const g = `{"__proto__":{"account":{"userId":1}},"intent":{"name":"x","query":"напиши сергею привет"},"session":{"id":"g-proto","params":{"__proto__":{"account":{"userId":1}},"kept":1}},"user":{"locale":"ru-RU","params":{"b24uid":"stranger-g"}}}`;
      const a = await request(rt.url).post('/webhook/google').set('content-type', 'application/json').send(g);
      expect(a.status).toBe(200);
      expect(a.body.prompt.firstSimple.text).toMatch(LINK_PROMPT);
      expect(a.text).not.toContain('__proto__'); // session.params went back with it today
      expect(a.body.session.params).toEqual({ kept: 1 });
      expect(cleanPrototype()).toEqual([]);
    });

    it('Bitrix24 events: bracket keys reaching a prototype are dropped, a JSON body is 415', async () => {
      const memberId = rt.sandboxMemberId!;
      const f = await request(rt.url).post('/webhook/bitrix').type('form')
        .send(`event=ONIMBOTMESSAGEADD&__proto__[account][userId]=1&auth[constructor][prototype][polluted]=1&auth[member_id]=${memberId}&auth[application_token]=forged`);
      expect(f.status).toBe(403);
      const j = await request(rt.url).post('/webhook/bitrix').set('content-type', 'application/json').send('{"__proto__":{"polluted":1}}');
      expect(j.status).toBe(415);
      expect(cleanPrototype()).toEqual([]);
    });

    it('app pages: identity fields in "__proto__" of a form or JSON body are not a viewer', async () => {
      const form = await request(rt.url).post('/app/voice').type('form').send(`__proto__[member_id]=${rt.sandboxMemberId}&constructor[prototype][polluted]=1&__proto__=x`);
      // No viewer in the body: the demo portal sends a newcomer to the user picker, nothing more.
      expect([303, 401]).toContain(form.status);
      const json = await request(rt.url).post('/app/scoring/retrain').set('content-type', 'application/json').send(`{"__proto__":{"t":"x","entity":"lead"},"entity":"lead"}`);
      expect([303, 401]).toContain(json.status);
      expect(cleanPrototype()).toEqual([]);
    });
  });

  describe('item 6: errors never leak internals', () => {
    const leaks = (text: string) => {
      expect(text).not.toMatch(/\n\s+at /); // a stack frame
      expect(text).not.toContain(process.cwd());
      expect(text).not.toContain('node_modules');
      expect(text).not.toMatch(/SyntaxError|TypeError|PayloadTooLargeError|UnsupportedMediaTypeError/);
    };
    /**
     * Every new log line is JSON without the body, and exactly one of them (warn or above) names the
     * refusal. (An access-log line per request at info, if the server writes one, is not counted.)
     */
    const oneLogLine = (mark: number, body: string) => {
      const lines = sink.since(mark);
      for (const l of lines) {
        expect(() => JSON.parse(l)).not.toThrow();
        if (body.length > 8) expect(l).not.toContain(body.slice(0, 40));
      }
      const refusals = lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 40);
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatch(/refused|failed/);
      return JSON.parse(refusals[0]!) as Record<string, unknown>;
    };

    it.each([
      ['malformed JSON', '/app/scoring/retrain?user=1', 'application/json', '{"entity": "lead",', 400],
      ['a JSON array', '/app/scoring/retrain?user=1', 'application/json', '["lead"]', 400],
      ['a bad charset', '/app/scoring/retrain?user=1', 'application/json; charset=koi8-r', '{"entity":"lead"}', 415],
      ['a foreign type', '/app/scoring/retrain?user=1', 'text/xml', '<entity>lead</entity>', 415],
      ['too large a body', '/app/scoring/retrain?user=1', 'application/json', `{"entity":"${'x'.repeat(40_000)}"}`, 413],
      ['too many parameters', '/app/voice?user=1', 'application/x-www-form-urlencoded', Array.from({ length: 150 }, (_, i) => `p${i}=1`).join('&'), 413],
      ['a form over 64 KiB', '/app/voice?user=1', 'application/x-www-form-urlencoded', `a=${'x'.repeat(70_000)}`, 413],
      ['a form in a bad charset', '/app/voice?user=1', 'application/x-www-form-urlencoded; charset=bogus', 'a=1', 415],
    ])('/app: %s → our format, one log line without the body', async (_name, url, type, body, status) => {
      const mark = sink.mark();
      const r = await request(rt.url).post(url).set('content-type', type).send(body);
      expect(r.status).toBe(status);
      leaks(r.text);
      if (url.startsWith('/app/scoring/retrain')) {
        expect(r.body).toEqual({ error: expect.stringMatching(/^common\./), message: expect.any(String) });
      } else {
        expect(r.headers['content-type']).toMatch(/text\/html/);
        expect(r.text).toContain('<h1>');
      }
      const line = oneLogLine(mark, body);
      expect(line).toMatchObject({ level: 40 });
    });

    it('a newline in a malformed body does not forge a log line', async () => {
      const mark = sink.mark();
      const fake = '{"level":30,"msg":"admin logged in","forged":true}';
      const r = await request(rt.url).post('/app/scoring/retrain?user=1').set('content-type', 'application/json').send(`{"entity":\n${fake}\n`);
      expect(r.status).toBe(400);
      const lines = sink.since(mark);
      expect(lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 40)).toHaveLength(1);
      expect(lines.some((l) => l.includes('forged'))).toBe(false);
    });

    it.each([
      ['/webhook/alice', 'malformed JSON', 'application/json', '{"version":', 400],
      ['/webhook/alice', 'a bad charset', 'application/json; charset=windows-1251', '{}', 415],
      ['/webhook/alice', 'too large a body', 'application/json', `{"a":"${'x'.repeat(70_000)}"}`, 413],
      ['/webhook/dialogflow', 'malformed JSON with a newline', 'application/json', '{"session":\n{"level":30}', 400],
      ['/webhook/google', 'a foreign type', 'text/plain', 'hello', 415],
      ['/webhook/bitrix', 'a bad charset', 'application/x-www-form-urlencoded; charset=bogus', 'event=X', 415],
      // Bitrix24 events may be large (issue 13: up to twice the largest documented one), still bounded.
      ['/webhook/bitrix', 'too large a body', 'application/x-www-form-urlencoded', `event=${'x'.repeat(BITRIX_EVENT_LIMIT + 1)}`, 413],
    ])('%s: %s → %s as JSON, one log line', async (url, _name, type, body, status) => {
      const mark = sink.mark();
      const r = await request(rt.url).post(url).set('content-type', type).send(body);
      expect(r.status).toBe(status);
      leaks(r.text);
      expect(r.body).toEqual({ error: expect.any(String), message: expect.any(String) });
      oneLogLine(mark, body);
    });

    it('every log line the server wrote is one JSON object', () => {
      expect(() => sink.lines()).not.toThrow();
    });
  });

  describe('item 7: the sandbox database is private', () => {
    it('sandbox.sqlite and its -wal/-shm are 0600', () => {
      const files = ['sandbox.sqlite', 'sandbox.sqlite-wal', 'sandbox.sqlite-shm'].map((f) => path.join(dir, 'sandbox', f)).filter((f) => fs.existsSync(f));
      expect(files.length).toBeGreaterThanOrEqual(1);
      for (const f of files) expect({ f, mode: (fs.statSync(f).mode & 0o777).toString(8) }).toEqual({ f, mode: '600' });
    });
  });
});

describe('item 7: an older sandbox file with wider rights is narrowed', () => {
  it('a 0644 sandbox.sqlite left by an earlier version becomes 0600 at start', async () => {
    const { createSandbox } = await import('../src/sandbox');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-sbx-mode-'));
    try {
      const first = createSandbox({ dataDir: dir, leads: 10 });
      await first.close();
      for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
      const again = createSandbox({ dataDir: dir, leads: 10 });
      for (const f of fs.readdirSync(dir)) expect({ f, mode: (fs.statSync(path.join(dir, f)).mode & 0o777).toString(8) }).toEqual({ f, mode: '600' });
      await again.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('item 8: who can reach the server', () => {
  const nonLoopback = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

  it('sandbox mode without HOST listens on 127.0.0.1 only and says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-host-'));
    const sink = new LogSink();
    const rt = await startRuntime(loadConfig({ DATA_DIR: dir, PORT: '0' }), { log: createLogger('info', sink), sandboxLeads: 100 });
    try {
      const note = sink.lines().find((l) => String(l.msg).startsWith('sandbox mode: listening on loopback only'));
      expect(note).toMatchObject({ host: '127.0.0.1' });
      expect((await request(rt.url).get('/healthz')).status).toBe(200);
      if (nonLoopback) {
        // The machine's own network address does not reach the server (with 0.0.0.0 it did).
        const port = Number(new URL(rt.url).port);
        const reached = await new Promise<boolean>((resolve) => {
          const s = net.connect({ host: nonLoopback, port }, () => (s.destroy(), resolve(true)));
          s.on('error', () => resolve(false));
        });
        expect(reached).toBe(false);
      }
    } finally {
      await rt.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // The next two need no port: the whole app through supertest (test/helpers/app.ts).
  it('ALICE_SKILL_ID: requests for another skill are refused with 403', async () => {
    const t = await buildTestApp({ ALICE_SKILL_ID: 'skill-1' });
    try {
      const mine = await request(t.app).post('/webhook/alice').send(aliceBody('u1', 'привет'));
      expect(mine.status).toBe(200);
      const other = aliceBody('u1', 'привет');
      (other.session as Record<string, unknown>).skill_id = 'someone-elses-skill';
      const refused = await request(t.app).post('/webhook/alice').send(other);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('wrong_skill');
      // A ping for another skill is refused too: nothing is answered for a skill that is not ours.
      const ping = aliceBody('u1', '');
      (ping.request as Record<string, unknown>).original_utterance = 'ping';
      (ping.session as Record<string, unknown>).skill_id = 'someone-elses-skill';
      expect((await request(t.app).post('/webhook/alice').send(ping)).status).toBe(403);
    } finally {
      await t.stop();
    }
  }, 60_000);

  it('GOOGLE_PROJECT_ID with GOOGLE_SIGNING_KEYS_FILE: only requests signed by Google for that project get in', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-google-keys-'));
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keysFile = path.join(dir, 'google-keys.json');
    fs.writeFileSync(keysFile, JSON.stringify({ k1: publicKey.export({ type: 'spki', format: 'pem' }) }));
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>) => {
      const head = b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' });
      const body = b64(claims);
      return `${head}.${body}.${crypto.sign('RSA-SHA256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url')}`;
    };
    const t = await buildTestApp({ GOOGLE_PROJECT_ID: 'proj-1', GOOGLE_SIGNING_KEYS_FILE: keysFile });
    try {
      const body = { intent: { name: 'actions.intent.MAIN', query: '' }, session: { id: 'g-1', params: {} }, user: { locale: 'ru-RU', params: {} } };
      expect((await request(t.app).post('/webhook/google').send(body)).status).toBe(403);
      expect((await request(t.app).post('/webhook/google').set('google-assistant-signature', sign({ iss: 'https://accounts.google.com', aud: 'other-project', exp: now + 600 })).send(body)).status).toBe(403);
      const ok = await request(t.app).post('/webhook/google').set('google-assistant-signature', sign({ iss: 'https://accounts.google.com', aud: 'proj-1', exp: now + 600 })).send(body);
      expect(ok.status).toBe(200);
    } finally {
      await t.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
