/**
 * End to end on the server as `npm start` builds it (sandbox mode): a 15,000-character Cyrillic
 * message written to the bot through the sandbox's incoming webhook (`im.message.add` to the bot's
 * dialog) reaches the bot as its message event and gets the bot's answer, read back with
 * `im.dialog.messages.get` over the same webhook. On the old code the 64 KB limit dropped it (413).
 */
import { startTestRuntime, type TestRuntime } from '../helpers/runtime';

describe('a long message to the bot through the webhook', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ SANDBOX_WEBHOOK_CODE: 'e2ehook' });
  }, 60_000);
  afterAll(() => t.stop());

  it('is delivered to the bot and answered', async () => {
    const hook = t.rt.sandbox!.info().webhook; // http://…/sandbox/rest/1/e2ehook/
    const call = async (method: string, params: Record<string, unknown>) => {
      const res = await fetch(`${hook}${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
      const body = (await res.json()) as { result?: unknown; error?: string };
      if (!res.ok) throw new Error(`${method}: ${res.status} ${body.error}`);
      return body.result;
    };
    // Wait for the install's background set-up to register the bots.
    let botId = 0;
    for (let i = 0; i < 100 && !botId; i++) {
      botId = t.rt.sandbox!.state.bots.values()[0]?.ID ?? 0;
      if (!botId) await new Promise((r) => setTimeout(r, 100));
    }
    expect(botId).toBeGreaterThan(0);
    const words = 'поставь задачу на завтра подготовить подробный отчёт по продажам и клиентам ';
    const text = words.repeat(Math.ceil(15_000 / words.length)).slice(0, 15_000);
    expect(text.length).toBe(15_000);
    const sent = Number(await call('im.message.add', { DIALOG_ID: String(botId), MESSAGE: text }));
    expect(sent).toBeGreaterThan(0);
    let answer: { author_id: number; text: string } | undefined;
    for (let i = 0; i < 150 && !answer; i++) {
      const r = (await call('im.dialog.messages.get', { DIALOG_ID: String(botId), LIMIT: 20 })) as { messages: { id: number; author_id: number; text: string }[] };
      answer = r.messages.find((m) => m.author_id === botId && m.id > sent);
      if (!answer) await new Promise((r) => setTimeout(r, 100));
    }
    const delivered = t.rt.sandbox!.events.deliveries.find((d) => d.event.startsWith('ONIMBOT') && d.body.includes(`%5Bid%5D=${sent}`) || d.body.includes(`MESSAGE_ID%5D=${sent}`));
    expect(delivered?.status).toBe(200);
    expect(answer?.text.length).toBeGreaterThan(0);
  }, 60_000);
});
