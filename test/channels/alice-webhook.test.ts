import express from 'express';
import request from 'supertest';
import { aliceRouter, type AliceDeps } from '../../src/channels/alice';
import { resolveAliceDatetime } from '../../src/channels/alice-hints';
import type { Account } from '../../src/dialog/types';
import { FakeDialog, MemoryVoiceLinks, deferred, delay } from './fakes';

const NOW = new Date('2026-03-25T09:00:00Z'); // 12:00 in Moscow

function aliceRequest(over: { command?: string; original?: string; type?: string; payload?: unknown; isNew?: boolean; state?: unknown; skillId?: string; user?: string | null; entities?: unknown[] } = {}) {
  const command = over.command ?? 'создай задачу позвонить иванову завтра в 10';
  const req: Record<string, unknown> = {
    meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 'ru.yandex.searchplugin/7.16 (none none; android 4.4.2)', interfaces: { screen: {}, account_linking: {} } },
    request: {
      command,
      original_utterance: over.original ?? command,
      type: over.type ?? 'SimpleUtterance',
      nlu: { tokens: command.split(' ').filter(Boolean), entities: over.entities ?? [], intents: {} },
    },
    session: {
      message_id: 3,
      session_id: '2eac4854-fce721f3-b845abba-20d60',
      skill_id: over.skillId ?? '3ad36498-f5rd-4079-a14b-788652932056',
      new: over.isNew ?? false,
      application: { application_id: '47C73714B580ED2469056E71081159529FFC676A4E5B059D629A819E857DC2F8' },
    },
    state: { session: over.state ?? {}, user: {}, application: {} },
    version: '1.0',
  };
  if (over.user !== null) (req.session as Record<string, unknown>).user = { user_id: over.user ?? '6C91DA5198D1758C6A9F63A7C5CDDF09359F683B13A18A151FBF4C8B092BB0C2' };
  if (over.payload !== undefined) (req.request as Record<string, unknown>).payload = over.payload;
  return req;
}

function app(deps: Partial<AliceDeps> & { dialog: FakeDialog }) {
  const links = new MemoryVoiceLinks();
  void links.save({ platform: 'alice', voiceUserId: '6C91DA5198D1758C6A9F63A7C5CDDF09359F683B13A18A151FBF4C8B092BB0C2', memberId: 'm1', userId: 7, createdAt: 0 });
  const a = express();
  a.use(aliceRouter({ voiceLinks: links, now: () => NOW, ...deps }));
  return a;
}

describe('Alice webhook', () => {
  test('a health-check ping is answered without touching the dialogue', async () => {
    const dialog = new FakeDialog();
    const res = await request(app({ dialog })).post('/webhook/alice').send(aliceRequest({ command: '', original: 'ping' }));
    expect(res.status).toBe(200);
    expect(res.body.version).toBe('1.0');
    expect(res.body.response.end_session).toBe(false);
    expect(res.body.response.text.length).toBeGreaterThan(0);
    expect(dialog.turns).toHaveLength(0);
  });

  test('the first request of a session has an empty command and is a new-session turn', async () => {
    const dialog = new FakeDialog(() => ({ text: 'Здравствуйте! Назовите код.' }));
    const res = await request(app({ dialog })).post('/webhook/alice').send(aliceRequest({ command: '', isNew: true }));
    expect(res.status).toBe(200);
    expect(res.body.response.text).toBe('Здравствуйте! Назовите код.');
    expect(dialog.turns[0]).toMatchObject({ channel: 'alice', text: '', newSession: true, sessionKey: 'alice:2eac4854-fce721f3-b845abba-20d60' });
  });

  test('a command becomes a Turn with the linked account, zone, hints; the reply is encoded with tts and buttons', async () => {
    const dialog = new FakeDialog(() => ({
      text: 'Поставить задачу «Позвонить Иванову» на завтра 10:00?',
      tts: 'Поставить задачу sil <[200]> позвонить Иванову?',
      buttons: [{ title: 'Да', payload: { answer: 'yes' } }, { title: 'Нет' }],
    }));
    const body = aliceRequest({
      entities: [
        { type: 'YANDEX.FIO', tokens: { start: 3, end: 4 }, value: { last_name: 'иванов' } },
        { type: 'YANDEX.DATETIME', tokens: { start: 4, end: 7 }, value: { day: 1, day_is_relative: true, hour: 10 } },
        { type: 'YANDEX.NUMBER', tokens: { start: 6, end: 7 }, value: 10 },
      ],
    });
    const res = await request(app({ dialog })).post('/webhook/alice').send(body);
    expect(res.status).toBe(200);
    const turn = dialog.turns[0]!;
    expect(turn.text).toBe('создай задачу позвонить иванову завтра в 10');
    expect(turn.account).toEqual({ memberId: 'm1', userId: 7 });
    expect(turn.voiceUser).toMatch(/^6C91/);
    expect(turn.timeZone).toBe('Europe/Moscow');
    expect(turn.locale).toBe('ru');
    expect(turn.now).toEqual(NOW);
    expect(turn.hints).toEqual({ names: [{ lastName: 'иванов' }], datetimes: ['2026-03-26T10:00'], numbers: [10] });
    expect(res.body.response.tts).toContain('sil <[200]>');
    expect(res.body.response.buttons).toEqual([
      { title: 'Да', payload: { b24: 1, t: 'Да', p: { answer: 'yes' } }, hide: true },
      { title: 'Нет', payload: { b24: 1, t: 'Нет' }, hide: true },
    ]);
    expect(res.body.response.end_session).toBe(false);
  });

  test('a button press comes back as its title and the dialogue payload', async () => {
    const dialog = new FakeDialog();
    await request(app({ dialog }))
      .post('/webhook/alice')
      .send(aliceRequest({ command: '', original: '', type: 'ButtonPressed', payload: { b24: 1, t: 'Да', p: { answer: 'yes' } } }));
    expect(dialog.turns[0]).toMatchObject({ text: 'Да', payload: { answer: 'yes' } });
  });

  test('an unlinked voice user falls back to application_id and has no account', async () => {
    const dialog = new FakeDialog();
    await request(app({ dialog })).post('/webhook/alice').send(aliceRequest({ user: null }));
    expect(dialog.turns[0]!.voiceUser).toMatch(/^47C7/);
    expect(dialog.turns[0]!.account).toBeUndefined();
  });

  test('session_state comes back every turn', async () => {
    const dialog = new FakeDialog();
    const a = app({ dialog });
    const first = await request(a).post('/webhook/alice').send(aliceRequest({ state: { step: 'idle', n: 2 } }));
    expect(first.body.session_state).toMatchObject({ step: 'idle', n: 2 });
    const second = await request(a).post('/webhook/alice').send(aliceRequest({ state: first.body.session_state }));
    expect(second.body.session_state).toEqual(first.body.session_state);
  });

  test('long texts and button titles are cut to Alice limits', async () => {
    const dialog = new FakeDialog(() => ({ text: 'а'.repeat(3000), tts: 'б'.repeat(3000), buttons: [{ title: 'в'.repeat(100) }] }));
    const res = await request(app({ dialog })).post('/webhook/alice').send(aliceRequest());
    expect(res.body.response.text.length).toBeLessThanOrEqual(1024);
    expect(res.body.response.tts.length).toBeLessThanOrEqual(1024);
    expect(res.body.response.buttons[0].title.length).toBeLessThanOrEqual(64);
  });

  test('endSession maps to end_session', async () => {
    const dialog = new FakeDialog(() => ({ text: 'До свидания', endSession: true }));
    const res = await request(app({ dialog })).post('/webhook/alice').send(aliceRequest());
    expect(res.body.response.end_session).toBe(true);
  });

  test('a slow dialogue is answered within the deadline and the result arrives later through notify', async () => {
    const notified = deferred<{ account: Account; text: string }>();
    let finished = false;
    const dialog = new FakeDialog(async () => {
      await delay(400);
      finished = true;
      return { text: 'Задача успешно создана в Битрикс24.' };
    });
    const a = app({ dialog, deadlineMs: 100, notify: async (account, text) => notified.resolve({ account, text }) });
    const res = await request(a).post('/webhook/alice').send(aliceRequest());
    expect(res.status).toBe(200);
    expect(res.body.response.text).toBe('Делаю, результат пришлю в Битрикс24.');
    expect(finished).toBe(false); // answered before the dialogue finished
    const late = await notified.promise;
    expect(late.account).toEqual({ memberId: 'm1', userId: 7 });
    expect(late.text).toContain('Задача успешно создана в Битрикс24.');
  });

  test("a reply's followUp is delivered through notify", async () => {
    const notified = deferred<string>();
    const dialog = new FakeDialog(() => ({ text: 'Делаю', followUp: delay(20).then(() => ({ text: 'Готово: задача 3711' })) }));
    const res = await request(app({ dialog, notify: async (_a, text) => notified.resolve(text) })).post('/webhook/alice').send(aliceRequest());
    expect(res.body.response.text).toBe('Делаю');
    expect(await notified.promise).toContain('Готово: задача 3711');
  });

  test('a failing dialogue still gets a valid Alice answer', async () => {
    const dialog = new FakeDialog(() => {
      throw new Error('boom');
    });
    const res = await request(app({ dialog })).post('/webhook/alice').send(aliceRequest());
    expect(res.status).toBe(200);
    expect(res.body.version).toBe('1.0');
    expect(res.body.response.text).toMatch(/пошло не так/);
  });

  test('skill_id mismatch is refused with 403 when ALICE_SKILL_ID is set', async () => {
    const dialog = new FakeDialog();
    const a = app({ dialog, skillId: '3ad36498-f5rd-4079-a14b-788652932056' });
    const bad = await request(a).post('/webhook/alice').send(aliceRequest({ skillId: 'someone-else' }));
    expect(bad.status).toBe(403);
    expect(bad.body.error).toBe('wrong_skill');
    const good = await request(a).post('/webhook/alice').send(aliceRequest());
    expect(good.status).toBe(200);
    expect(dialog.turns).toHaveLength(1);
  });

  describe('bad input', () => {
    const dialog = new FakeDialog();
    const a = app({ dialog });
    test.each([
      ['malformed JSON', (r: request.Test) => r.set('Content-Type', 'application/json').send('{"version":'), 400, 'malformed_json'],
      ['wrong content type', (r: request.Test) => r.set('Content-Type', 'text/plain').send('hello'), 415, 'unsupported_media_type'],
      ['a body over 64 KB', (r: request.Test) => r.send({ ...aliceRequest(), pad: 'x'.repeat(70_000) }), 413, 'body_too_large'],
      ['missing session', (r: request.Test) => r.send({ version: '1.0', request: { type: 'SimpleUtterance', command: '' } }), 400, 'missing_field'],
      ['missing version', (r: request.Test) => r.send({ ...aliceRequest(), version: undefined }), 400, 'missing_field'],
      ['a JSON array', (r: request.Test) => r.send([1, 2]), 400, 'bad_request'],
    ])('%s → 4xx with a clear JSON message', async (_name, make, status, code) => {
      const res = await make(request(a).post('/webhook/alice'));
      expect(res.status).toBe(status);
      expect(res.body.error).toBe(code);
      expect(typeof res.body.message).toBe('string');
    });
    test('nothing reached the dialogue', () => expect(dialog.turns).toHaveLength(0));
  });
});

describe('YANDEX.DATETIME resolution', () => {
  const tz = 'Europe/Moscow';
  test.each([
    [{ day: 1, day_is_relative: true }, '2026-03-26'],
    [{ day: -1, day_is_relative: true, hour: 19 }, '2026-03-24T19:00'],
    [{ month: 12, day: 1 }, '2026-12-01'],
    [{ hour: 2, hour_is_relative: true }, '2026-03-25T14:00'],
    [{ year: 2027, month: 1, day: 5, hour: 9, minute: 30 }, '2027-01-05T09:30'],
    [{}, undefined],
  ])('%j → %s', (value, want) => {
    expect(resolveAliceDatetime(value, NOW, tz)).toBe(want);
  });
});
