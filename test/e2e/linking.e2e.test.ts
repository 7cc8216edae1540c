/**
 * The linking checks of issues 11 and 13 end to end, over HTTP on the server in sandbox mode:
 * - issue 11: the `__proto__` request, then an unlinked Alice user's command is still answered with
 *   the request for a code; 300 wrong guesses from 300 Alice user ids of one skill → at most 50 are
 *   evaluated as wrong, the rest refused unchecked; the sandbox database file is 0600; a malformed
 *   JSON POST to /app/scoring/retrain shows no stack trace;
 * - issue 13: an unlinked Alice user says five commands with numbers in them and then a valid
 *   code, and is linked (a command with a number is not a failed code attempt).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Runtime } from '../../src/runtime';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime';

const LINK_PROMPT = /назовите код/i;
const LINKED = 'Авторизация прошла успешно! Жду ваших команд.';

type AliceReply = { response: { text: string } };

describe('linking over the wire (issues 11 and 13)', () => {
  let t: TestRuntime;
  let rt: Runtime;
  const counters = new Map<string, number>();
  /** One Alice user of skill "skill-1" (the user and application ids are theirs). */
  const say = async (aliceUser: string, command: string): Promise<AliceReply> => {
    const n = (counters.get(aliceUser) ?? 0) + 1;
    counters.set(aliceUser, n);
    const r = await request(rt.url)
      .post('/webhook/alice')
      .send({
        meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 'ru.yandex.searchplugin/7.16', interfaces: { screen: {} } },
        session: { message_id: n, session_id: `s-${aliceUser}`, skill_id: 'skill-1', user: { user_id: aliceUser }, application: { application_id: `app-${aliceUser}` }, new: n === 1 },
        request: { command: command.toLowerCase(), original_utterance: command, type: 'SimpleUtterance', nlu: { tokens: command.toLowerCase().split(/\s+/).filter(Boolean), entities: [] } },
        state: { session: {} },
        version: '1.0',
      });
    expect(r.status).toBe(200);
    return r.body as AliceReply;
  };
  /** The code user `userId` reads on their "Голосовой помощник" page. */
  const codeOf = async (userId: number) => {
    const page = await request(rt.url).get(`/app/voice?user=${userId}`);
    expect(page.status).toBe(200);
    return /data-code="(\d+)"/.exec(page.text)![1]!;
  };

  beforeAll(async () => {
    t = await startTestRuntime({}, 100);
    rt = t.rt;
  }, 60_000);
  afterAll(() => t.stop());

  it('issue 11: after the __proto__ request an unlinked Alice user is still asked for the code', async () => {
    const r = await request(rt.url).get(`/sandbox/rest/profile?__proto__[account][memberId]=${rt.sandboxMemberId}&__proto__[account][userId]=1`);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(Object.hasOwn(Object.prototype, 'account')).toBe(false);
    const reply = await say(`stranger-${crypto.randomUUID()}`, 'напиши Сергею привет');
    expect(reply.response.text).toMatch(LINK_PROMPT);
    expect(reply.response.text).not.toMatch(/Отправить сообщение/);
  });

  it('issue 13: five commands with numbers, then a valid code: linked', async () => {
    const code = await codeOf(3);
    const user = 'alice-numbers';
    for (const text of ['созвон в 11', 'задача на 5 декабря', 'поставь задачу на 12 число', 'позвони Антону в 15 30', 'встреча 5 декабря в 10 00 с Антоном']) {
      const reply = await say(user, text);
      expect({ text, reply: reply.response.text }).toEqual({ text, reply: expect.stringMatching(LINK_PROMPT) });
    }
    expect((await say(user, code.split('').join(' '))).response.text).toBe(LINKED);
    // Linked: a command is now understood and asked to be confirmed, not answered with the prompt.
    expect((await say(user, 'поставь задачу позвонить клиенту на завтра')).response.text).not.toMatch(LINK_PROMPT);
  });

  it('issue 11: the sandbox database file is 0600; a malformed JSON POST to /app/scoring/retrain shows no stack trace', async () => {
    const db = path.join(t.dir, 'sandbox', 'sandbox.sqlite');
    expect((fs.statSync(db).mode & 0o777).toString(8)).toBe('600');
    const r = await request(rt.url).post('/app/scoring/retrain?user=1').set('content-type', 'application/json').send('{"entity":');
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/\bat \S+ \(|node_modules|\/src\/|SyntaxError/);
    expect(r.body).toEqual({ error: expect.any(String), message: expect.any(String) });
  });

  it('issue 11: 300 wrong guesses from 300 Alice user ids of one skill → at most 50 evaluated as wrong', async () => {
    await codeOf(4); // a live code to guess at
    const guess = (i: number) => String(10_000_000 + ((i * 7_919_777) % 89_999_999)).split('').join(' ');
    const replies: string[] = [];
    // Ten at a time, as a client hammering the webhook would keep requests in flight.
    for (let i = 0; i < 300; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, k) => say(`guesser-${i + k}`, guess(i + k))));
      replies.push(...batch.map((b) => b.response.text));
    }
    const wrong = replies.filter((x) => /Код не подошёл/.test(x)).length;
    const refused = replies.filter((x) => /проверка кодов приостановлена/.test(x)).length;
    expect(wrong).toBeGreaterThan(0);
    expect(wrong).toBeLessThanOrEqual(50);
    expect(wrong + refused).toBe(300);
  });
});
