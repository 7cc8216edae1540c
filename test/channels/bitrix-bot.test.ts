/**
 * The Bitrix24 messenger bot against the real server and the sandbox portal over HTTP: the sandbox
 * POSTs form-encoded ONIMBOTMESSAGEADD events to /webhook/bitrix, the bot answers through
 * imbot.message.add with a keyboard, "да" creates the task once, a re-delivered event is answered
 * once, and a forged application_token creates nothing.
 */
import request from 'supertest';
import type { Runtime } from '../../src/runtime';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime';
import { crmBinding } from '../../src/channels/bitrix-bot';

const waitFor = async <T>(f: () => T | undefined, ms = 8000): Promise<T> => {
  const t0 = Date.now();
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('Bitrix24 messenger bot', () => {
  let t: TestRuntime;
  let rt: Runtime;
  beforeAll(async () => {
    t = await startTestRuntime();
    rt = t.rt;
  });
  afterAll(() => t.stop());

  const botReplies = () => rt.sandbox!.state.messages.values().filter((m) => m.kind === 'imbot');
  const tasks = () => rt.sandbox!.state.tasks.values();

  it('takes a command, confirms with a keyboard, and creates the task on "да"', async () => {
    const before = botReplies().length;
    const tasksBefore = tasks().length;
    await rt.sandbox!.sendBotMessage({ fromUserId: 1, text: 'Поставь задачу на Сергея Иванова на следующий вторник в 13:15 подготовить отчёт' });
    const confirm = await waitFor(() => botReplies()[before]);
    expect(confirm.message).toMatch(/ответственный — Сергей Иванов/);
    expect(JSON.stringify(confirm.params)).toMatch(/KEYBOARD/);
    await rt.sandbox!.sendBotMessage({ fromUserId: 1, text: 'да' });
    const done = await waitFor(() => botReplies()[before + 1]);
    expect(done.message).toBe('Задача успешно создана в Битрикс24.');
    const created = tasks().slice(tasksBefore);
    expect(created).toHaveLength(1);
    expect(JSON.stringify(created[0])).toMatch(/подготовить отчёт/);
  });

  it('answers a re-delivered event once', async () => {
    const before = botReplies().length;
    const { delivery } = await rt.sandbox!.sendBotMessage({ fromUserId: 1, text: 'Что ты умеешь?' });
    await waitFor(() => botReplies()[before]);
    // The portal re-sends the very same body (a retry after a timeout).
    const again = await fetch(delivery.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: delivery.body });
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(botReplies().length).toBe(before + 1);
  });

  it('refuses a forged application_token and does nothing', async () => {
    const before = botReplies().length;
    const { delivery } = await rt.sandbox!.sendBotMessage({ fromUserId: 1, text: 'Напиши Антону привет' });
    await waitFor(() => botReplies()[before]);
    const forged = delivery.body.replace(/auth%5Bapplication_token%5D=[^&]+/, 'auth%5Bapplication_token%5D=forged').replace(/MESSAGE_ID%5D=\d+/, 'MESSAGE_ID%5D=999999');
    const res = await request(rt.url).post('/webhook/bitrix').type('form').send(forged);
    expect(res.status).toBe(403);
    await new Promise((r) => setTimeout(r, 200));
    expect(botReplies().length).toBe(before + 1);
  });

  it('reads the CRM binding of an open-line chat as pairs', () => {
    expect(crmBinding('LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0')).toEqual({ entity: 'lead', id: 1209 });
    expect(crmBinding('LEAD|0|COMPANY|0|CONTACT|3|DEAL|3')).toEqual({ entity: 'deal', id: 3 });
    expect(crmBinding('')).toBeUndefined();
  });
});
