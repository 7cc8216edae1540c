/**
 * Items 1, 4, 5: the documented Bitrix24 payloads and answers replayed against our decoder and the
 * sandbox portal (each fixture names its page and commit).
 */
import express from 'express';
import request from 'supertest';
import { ensureBots, botIdsOf } from '../../src/bitrix/bots';
import { exportAll } from '../../src/bitrix/crm';
import { decodeV1 } from '../../src/channels/bitrix-wire';
import { parsePhpForm } from '../../src/bitrix/php-form';
import { buildPhpQuery, parsePhpQuery } from '../../src/sandbox/php-query';
import { createSandbox } from '../../src/sandbox';
import { fixture, sandboxClient } from './helpers';

describe('ONIMBOTJOINCHAT as documented (on-imbot-join-chat.md)', () => {
  const doc = fixture<{ event: Record<string, unknown> }>('bitrix-onimbotjoinchat-private.json');
  it('the person is USER_ID; FROM_USER_ID is the bot itself', () => {
    const form = parsePhpForm(buildPhpQuery(doc.event as never));
    const ev = decodeV1('ONIMBOTJOINCHAT', form);
    expect(ev).toMatchObject({ kind: 'join', botId: 571, fromUserId: 27, dialogId: '27' });
  });
  it('the sandbox sends the same relation', async () => {
    const s = await sandboxClient({ chatbotsV2: false });
    const bodies: string[] = [];
    const rx = express().use(express.text({ type: '*/*' }), (req, res) => { bodies.push(String(req.body)); res.send('ok'); });
    const server = await new Promise<import('node:http').Server>((r) => { const x = rx.listen(0, '127.0.0.1', () => r(x)); });
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/h`;
      const botId = await s.client.call<number>('imbot.register', { CODE: 'b', EVENT_MESSAGE_ADD: url, EVENT_WELCOME_MESSAGE: url, EVENT_BOT_DELETE: url, PROPERTIES: { NAME: 'B' } });
      await s.sb.joinBotChat(botId, 27);
      const p = (parsePhpQuery(bodies[0]!) as { data: { PARAMS: Record<string, string> } }).data.PARAMS;
      const docP = (doc.event.data as { PARAMS: Record<string, string> }).PARAMS;
      expect(Object.keys(p).sort()).toEqual(Object.keys(docP).sort());
      expect(p.FROM_USER_ID).toBe(String(botId));
      expect(p.USER_ID).toBe('27');
      expect(p.TO_USER_ID).toBe('27');
    } finally {
      server.close();
      await s.close();
    }
  });
});

describe('system errors (system-errors.md)', () => {
  const doc = fixture<{ errors: { status: number; code: string }[] }>('bitrix-system-errors.json');
  const want = (code: string) => doc.errors.find((e) => e.code === code)!.status;
  const sb = createSandbox({ leads: 100, webhookCode: 'hook', webhookScope: ['user'], rateLimit: false });
  afterAll(() => sb.close());
  it('a wrong webhook code is NO_AUTH_FOUND, a missing scope insufficient_scope', async () => {
    const wrong = await request(express().use(sb.router)).get('/rest/1/nope/profile');
    expect([wrong.status, wrong.body.error]).toEqual([want('NO_AUTH_FOUND'), 'NO_AUTH_FOUND']);
    const scope = await request(express().use(sb.router)).get('/rest/1/hook/crm.lead.list');
    expect([scope.status, scope.body.error]).toEqual([want('insufficient_scope'), 'insufficient_scope']);
  });
  it('texts follow the portal language; codes do not', async () => {
    const en = createSandbox({ leads: 100, webhookCode: 'hook', language: 'en', rateLimit: false });
    const a = await request(express().use(sb.router)).get('/rest/1/nope/profile');
    const b = await request(express().use(en.router)).get('/rest/1/nope/profile');
    expect(a.body.error).toBe(b.body.error);
    expect(a.body.error_description).not.toBe(b.body.error_description);
    expect(a.body.error_description).toMatch(/[а-я]/i);
    await en.close();
  });
});

describe('batch over 50 commands (batch.md)', () => {
  const doc = fixture<{ limit: number; status: number }>('bitrix-batch.json');
  it('runs the first 50; the rest end with ERROR_BATCH_LENGTH_EXCEEDED', async () => {
    const sb = createSandbox({ leads: 100, webhookCode: 'h', rateLimit: false });
    const cmd = Object.fromEntries(Array.from({ length: doc.limit + 3 }, (_, i) => [`c${i}`, 'server.time']));
    const r = await request(express().use(sb.router)).post('/rest/1/h/batch').send({ cmd });
    expect(r.status).toBe(doc.status);
    expect(Object.keys(r.body.result.result)).toHaveLength(doc.limit);
    expect(Object.keys(r.body.result.result_error)).toEqual(['c50', 'c51', 'c52']);
    await sb.close();
  });
});

describe('Chatbots 2.0 (bot-register.md, chat-message-send.md)', () => {
  const reg = fixture<{ request: Record<string, unknown>; resultKeys: { bot: string[] } }>('bitrix-imbot-v2-bot-register.json');
  const send = fixture<{ request: Record<string, unknown>; result: Record<string, unknown> }>('bitrix-imbot-v2-chat-message-send.json');
  it('registers idempotently and sends with {id, uuidMap}; v2 error codes', async () => {
    const s = await sandboxClient();
    try {
      const r = await s.client.call<{ bot: Record<string, unknown> }>('imbot.v2.Bot.register', reg.request);
      expect(Object.keys(r.bot).sort()).toEqual([...reg.resultKeys.bot].sort());
      const again = await s.client.call<{ bot: { id: number } }>('imbot.v2.Bot.register', reg.request);
      expect(again.bot.id).toBe(r.bot.id);
      const out = await s.client.call<Record<string, unknown>>('imbot.v2.Chat.Message.send', { ...send.request, botId: r.bot.id });
      expect(Object.keys(out).sort()).toEqual(Object.keys(send.result).sort());
      await expect(s.client.call('imbot.v2.Chat.Message.send', { botId: r.bot.id, dialogId: '1', fields: { message: '' } })).rejects.toMatchObject({ code: 'EMPTY_MESSAGE' });
      await expect(s.client.call('imbot.v2.Chat.Message.send', { botId: 99999, dialogId: '1', fields: { message: 'x' } })).rejects.toMatchObject({ code: 'BOT_NOT_FOUND' });
    } finally {
      await s.close();
    }
  });
  it('ensureBots: v2 where the portal has it, v1 where it answers ERROR_METHOD_NOT_FOUND', async () => {
    for (const [v2, api] of [[true, 2], [false, 1]] as const) {
      const s = await sandboxClient({ chatbotsV2: v2 });
      try {
        const ids = await ensureBots(s.client, s.store.installs, s.client.memberId, 'http://127.0.0.1:9/webhook/bitrix');
        expect(ids.botApi).toBe(api);
        expect(botIdsOf(await s.store.installs.get(s.client.memberId))).toMatchObject({ botId: ids.botId, botApi: api });
        expect(s.sb.state.bots.get(ids.botId)!.api ?? 1).toBe(api);
      } finally {
        await s.close();
      }
    }
  });
});

describe('crm.item.list (crm-item-list.md)', () => {
  const doc = fixture<{ request: Record<string, unknown>; resultKey: string; page: number }>('bitrix-crm-item-list.json');
  it('answers the documented request with items in camelCase; the export reads all leads through it', async () => {
    const s = await sandboxClient({ leads: 300 });
    try {
      const page = await s.client.callPage<Record<string, Record<string, unknown>[]>>('crm.item.list', doc.request);
      const items = page.result[doc.resultKey]!;
      expect(items).toHaveLength(doc.page);
      expect(Object.keys(items[0]!).sort()).toEqual(['assignedById', 'id', 'sourceId', 'stageId', 'title']);
      const ids: number[] = [];
      for await (const p of exportAll(s.client, 'lead', { select: ['STATUS_ID'] })) ids.push(...p.rows.map((r) => Number(r.ID)));
      expect(ids).toHaveLength(300);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    } finally {
      await s.close();
    }
  });
});

describe('im.dialog.messages.get (im-dialog-messages-get.md)', () => {
  const doc = fixture<{ resultKeys: string[]; messageKeys: string[] }>('bitrix-im-dialog-messages-get.json');
  it('answers in the documented shape', async () => {
    const s = await sandboxClient();
    try {
      await s.client.call('im.message.add', { DIALOG_ID: '2', MESSAGE: 'Привет' });
      const r = await s.client.call<Record<string, unknown> & { messages: Record<string, unknown>[] }>('im.dialog.messages.get', { DIALOG_ID: '2' });
      expect(Object.keys(r).sort()).toEqual([...doc.resultKeys].sort());
      expect(Object.keys(r.messages[0]!).sort()).toEqual([...doc.messageKeys].sort());
      expect(r.messages[0]!.text).toBe('Привет');
    } finally {
      await s.close();
    }
  });
});
