/** The console page and its WebSocket against the real server and the sandbox portal; its demo users' authorisation alone. */
import request from 'supertest';
import WebSocket from 'ws';
import type { Runtime } from '../../src/runtime';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime';
import { demoUserDialog } from '../../src/channels/console';
import type { Turn } from '../../src/dialog/types';

describe('console', () => {
  let t: TestRuntime;
  let rt: Runtime;
  beforeAll(async () => {
    t = await startTestRuntime();
    rt = t.rt;
  });
  afterAll(() => t.stop());

  it('serves the page and the sandbox users', async () => {
    const page = await request(rt.url).get('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/console/ws');
    const users = await request(rt.url).get('/console/users');
    expect(users.body.users).toEqual(expect.arrayContaining([{ id: 2, name: 'Сергей', lastName: 'Иванов' }]));
  });

  it('labels the page in the language asked for: Russian by default, English with ?lang=en', async () => {
    const ru = (await request(rt.url).get('/console')).text;
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Пользователь песочницы');
    expect(ru).toMatch(/<option value="ru"[^>]* selected>/);
    const en = (await request(rt.url).get('/console?lang=en')).text;
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/<option value="en"[^>]* selected>/);
    expect(en).not.toContain('{{');
    // Only the other language's own name (marked translate="no") is left in Cyrillic.
    const visible = en.replace(/<option[^>]*translate="no"[^>]*>[^<]*<\/option>/g, '');
    expect(visible.match(/[^\s"]*[\u0400-\u04ff][^\s"]*/g)).toBeNull();
  });

  it('chats over WebSocket, shows the parse, and creates the task in the sandbox', async () => {
    const ws = new WebSocket(`${rt.url.replace('http', 'ws')}/console/ws`);
    await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
    const next = () => new Promise<{ type: string; reply?: { text: string; buttons?: { title: string; payload?: unknown }[] }; parse?: { intent: string }; message?: string }>((r) => ws.once('message', (d) => r(JSON.parse(String(d)))));
    const before = rt.sandbox!.state.tasks.size;
    ws.send(JSON.stringify({ type: 'say', text: 'Поставь задачу на Антона проверить склад завтра', userId: 1, lang: 'ru' }));
    const confirm = await next();
    expect(confirm.parse?.intent).toBe('task.create');
    expect(confirm.reply?.text).toMatch(/ответственный — Антон Смирнов со сроком завтра/);
    ws.send(JSON.stringify({ type: 'say', text: 'Да', userId: 1, lang: 'ru', payload: confirm.reply!.buttons![0]!.payload }));
    expect((await next()).reply?.text).toBe('Задача успешно создана в Битрикс24.');
    expect(rt.sandbox!.state.tasks.size).toBe(before + 1);
    // A message said by the installer (user 1, whose token the app holds) goes from them…
    const say = async (text: string, userId: number) => {
      ws.send(JSON.stringify({ type: 'say', text, userId, lang: 'ru' }));
      const asked = await next();
      ws.send(JSON.stringify({ type: 'say', text: 'Да', userId, lang: 'ru', payload: asked.reply!.buttons![0]!.payload }));
      return (await next()).reply?.text;
    };
    const last = () => rt.sandbox!.state.messages.values().sort((a, b) => a.ID - b.ID).pop()!;
    expect(await say('Напиши Антону привет, как дела?', 1)).toBe('Сообщение отправлено.');
    expect(last()).toMatchObject({ kind: 'im', fromUserId: 1, dialogId: '4', message: 'привет, как дела?' });
    // …anyone else's from their own account too: a console user is authorised like a demo user who opened the app (issue 12).
    expect(await say('Напиши Антону созвон переносится', 3)).toBe('Сообщение отправлено.');
    expect(last()).toMatchObject({ kind: 'im', fromUserId: 3, dialogId: '4', message: 'созвон переносится' });
    ws.send('not json');
    expect((await next()).type).toBe('error');
    ws.send(JSON.stringify({ type: 'say', text: 'x' }));
    expect((await next()).message).toMatch(/userId/);
    ws.close();
  });
});

describe('demoUserDialog', () => {
  const turn = (userId: number): Turn => ({ channel: 'console', sessionKey: `c-${userId}`, account: { memberId: 'sb', userId }, text: 'привет', locale: 'ru', timeZone: 'Europe/Moscow', now: new Date(0) });

  it("authorises a demo user once with a pair the sandbox issues, then answers as the dialogue does", async () => {
    const kept = new Map<number, { accessToken: string; refreshToken: string; expiresIn: number }>();
    const issued: number[] = [];
    const dialog = demoUserDialog({
      dialog: { handle: async (t) => ({ text: `ok ${t.account?.userId}` }) },
      portal: { state: { user: (id) => (id <= 3 ? { ID: id } : null) }, issueTokens: (id) => (issued.push(id), { accessToken: `a${id}`, refreshToken: `r${id}`, expires: 4_600 }) },
      hasTokens: async (_m, u) => kept.has(u),
      keepTokens: async (_m, u, pair) => kept.set(u, pair),
      now: () => 1_000_000,
    });
    expect(await dialog.handle(turn(2))).toEqual({ text: 'ok 2' });
    expect(await dialog.handle(turn(2))).toEqual({ text: 'ok 2' });
    expect(kept.get(2)).toEqual({ accessToken: 'a2', refreshToken: 'r2', expiresIn: 3_600 });
    expect(issued).toEqual([2]);
    // A user the sandbox does not have gets no tokens; the dialogue still answers (and refuses what they may not do).
    expect(await dialog.handle(turn(99))).toEqual({ text: 'ok 99' });
    expect(issued).toEqual([2]);
  });
});
