/**
 * The mounted Bitrix24 adapter — `bitrixAppRouter` (src/channels/bitrix-app.ts) with the bot
 * handler (src/channels/bitrix-bot.ts) — on bodies encoded exactly like the portal's (PHP
 * http_build_query: bracket keys percent-encoded, every value a string):
 * - unit: the router and handler with a scripted dialogue, imbot v1 and Chatbots 2.0, open lines,
 *   install / uninstall, bad input; replies checked as the exact REST params `botMessageCall` makes;
 * - end to end: the whole server against the sandbox portal over HTTP.
 */
import express from 'express';
import request from 'supertest';
import { bitrixAppRouter } from '../../src/channels/bitrix-app';
import { createBitrixBotHandler, crmBinding, type BitrixBotDeps, type BotOutgoing } from '../../src/channels/bitrix-bot';
import { plainText, toBbCode } from '../../src/channels/bitrix-wire';
import { botMessage, botMessageCall } from '../../src/bitrix/actions';
import { InstallRejectedError, InstallService, type InstallVerifier } from '../../src/bitrix/install';
import { loadTexts } from '../../src/dialog/texts';
import type { Install } from '../../src/store/types';
import type { Runtime } from '../../src/runtime';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime';
import { FakeDialog, MemoryInstalls, install } from './fakes';
import { createParser, type Parser } from '../../src/nlu';
import { createDialog, type DialogDeps } from '../../src/dialog';
import { createMemoryStore } from '../../src/store/memory';
import { FakePortal } from '../dialog/fake-portal';

let parser: Parser | undefined;
/** The real dialogue (its open-line policy included) over a fake portal with no users. */
async function realDialog(isHotRecord?: DialogDeps['isHotRecord']): Promise<FakeDialog> {
  parser ??= await createParser();
  const real = createDialog({ parser, sessions: createMemoryStore().sessions, actions: new FakePortal({ self: 1, users: [] }), config: { defaultDeadlineHour: 12 }, ...(isHotRecord ? { isHotRecord } : {}) });
  return new FakeDialog((t) => real.handle(t)); // records the turns
}

const MEMBER = 'bac1cd5c8940947a75e0d71b1a84e348';
const TOKEN = '831c76b092f9f135d9b6b36c3a720757';

/** Encode key/value lines the way PHP's http_build_query does (brackets percent-encoded). */
function form(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%20/g, '+')}`).join('&');
}

const auth = (token = TOKEN, member = MEMBER): [string, string][] => [
  ['auth[access_token]', 'a98b9d69'],
  ['auth[expires]', '1771932585'],
  ['auth[expires_in]', '3600'],
  ['auth[scope]', 'imbot'],
  ['auth[domain]', 'some-domain.bitrix24.com'],
  ['auth[server_endpoint]', 'https://oauth.bitrix.info/rest/'],
  ['auth[status]', 'F'],
  ['auth[client_endpoint]', 'https://some-domain.bitrix24.com/rest/'],
  ['auth[member_id]', member],
  ['auth[user_id]', '27'],
  ['auth[refresh_token]', '990ac569'],
  ['auth[application_token]', token],
];

function messageAdd(o: { text?: string; messageId?: string; token?: string; params?: [string, string][]; user?: [string, string][] } = {}): string {
  return form([
    ['event', 'ONIMBOTMESSAGEADD'],
    ['event_handler_id', '403'],
    ['data[BOT][567][BOT_ID]', '567'],
    ['data[BOT][567][BOT_CODE]', 'BOT1'],
    ['data[BOT][567][AUTH][application_token]', TOKEN],
    ['data[PARAMS][MESSAGE]', o.text ?? 'создай задачу позвонить клиенту'],
    ['data[PARAMS][MESSAGE_TYPE]', 'P'],
    ['data[PARAMS][DIALOG_ID]', '27'],
    ['data[PARAMS][FROM_USER_ID]', '27'],
    ['data[PARAMS][TO_USER_ID]', '567'],
    ['data[PARAMS][TO_CHAT_ID]', '1407'],
    ['data[PARAMS][MESSAGE_ID]', o.messageId ?? '84331'],
    ['data[PARAMS][CHAT_TYPE]', 'P'],
    ['data[PARAMS][LANGUAGE]', 'ru'],
    ...(o.params ?? []),
    ['data[USER][ID]', '27'],
    ['data[USER][NAME]', 'Svetlana Ivanova'],
    ['data[USER][IS_BOT]', 'N'],
    ...(o.user ?? []),
    ['ts', '1771928985'],
    ...auth(o.token),
  ]);
}

function openLineMessage(text: string, messageId: string): string {
  return form([
    ['event', 'ONIMBOTMESSAGEADD'],
    ['data[BOT][568][BOT_ID]', '568'],
    ['data[BOT][568][BOT_CODE]', 'OLBOT'],
    ['data[PARAMS][MESSAGE]', text],
    ['data[PARAMS][MESSAGE_TYPE]', 'L'],
    ['data[PARAMS][DIALOG_ID]', 'chat1157'],
    ['data[PARAMS][CHAT_ID]', '1157'],
    ['data[PARAMS][FROM_USER_ID]', '599'],
    ['data[PARAMS][TO_USER_ID]', '0'],
    ['data[PARAMS][MESSAGE_ID]', messageId],
    ['data[PARAMS][CHAT_ENTITY_TYPE]', 'LINES'],
    ['data[PARAMS][CHAT_ENTITY_ID]', 'livechat|22|1775|599'],
    ['data[PARAMS][CHAT_ENTITY_DATA_1]', 'Y|LEAD|1209|N|N|343|1773682918|0|0|0'],
    ['data[PARAMS][CHAT_ENTITY_DATA_2]', 'LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0'],
    ['data[USER][ID]', '599'],
    ['data[USER][IS_BOT]', 'N'],
    ['data[USER][IS_CONNECTOR]', 'Y'],
    ...auth(),
  ]);
}

const texts = loadTexts();

function setup(over: Partial<BitrixBotDeps> = {}, dialog = new FakeDialog(), verifyInstall?: InstallVerifier) {
  const installs = new MemoryInstalls();
  void installs.save(install(MEMBER, TOKEN, { settings: { botId: 567, timeZone: 'Asia/Yekaterinburg' } }));
  const sent: { install: Install; out: BotOutgoing; key: string; call: ReturnType<typeof botMessageCall> }[] = [];
  const transfers: number[] = [];
  const claims: Install[] = [];
  const deleted: number[] = [];
  const bot = createBitrixBotHandler({
    dialog,
    send: async (i, out, key) => {
      // The very params the runtime's botMessage would send (it throws on a message the portal would refuse).
      sent.push({ install: i, out, key, call: botMessageCall(out) });
    },
    transferToOperator: async (_i, chatId) => {
      transfers.push(chatId);
    },
    onBotDelete: async (_i, botId) => {
      deleted.push(botId);
    },
    now: () => new Date('2026-03-25T09:00:00Z'),
    texts,
    ...over,
  });
  const app = express();
  app.use(
    bitrixAppRouter({
      installs: new InstallService({ installs }),
      verifyInstall:
        verifyInstall ??
        (async (claim) => {
          claims.push(claim);
        }),
      onOtherEvent: bot.accept,
    }),
  );
  const post = (body: string, type = 'application/x-www-form-urlencoded') => request(app).post('/webhook/bitrix').set('Content-Type', type).send(body);
  return { app, bot, dialog, installs, sent, transfers, claims, deleted, post, idle: () => bot.idle() };
}

const installBody = (member = 'newmember', token = 'newtoken', domain = 'new.bitrix24.ru') =>
  form([
    ['event', 'ONAPPINSTALL'],
    ['data[VERSION]', '1'],
    ['data[ACTIVE]', 'Y'],
    ['data[INSTALLED]', 'Y'],
    ['data[LANGUAGE_ID]', 'ru'],
    ['ts', String(Math.floor(Date.now() / 1000))],
    ['auth[access_token]', 'at'],
    ['auth[expires_in]', '3600'],
    ['auth[scope]', 'imbot,imopenlines,task,user'],
    ['auth[domain]', domain],
    ['auth[server_endpoint]', 'https://oauth.bitrix.info/rest/'],
    ['auth[status]', 'L'],
    ['auth[client_endpoint]', `https://${domain}/rest/`],
    ['auth[member_id]', member],
    ['auth[refresh_token]', 'rt'],
    ['auth[application_token]', token],
  ]);

function openLineJoin(o: { language?: string; ts?: string; v2?: boolean } = {}): string {
  if (o.v2) {
    return form([
      ['event', 'ONIMBOTV2JOINCHAT'],
      ['data[bot][id]', '568'],
      ['data[bot][code]', 'OLBOT'],
      ['data[chat][id]', '1157'],
      ['data[chat][dialogId]', 'chat1157'],
      ['data[chat][type]', 'lines'],
      ['data[chat][entityType]', 'LINES'],
      ['data[chat][entityId]', 'livechat|22|1775|599'],
      ['data[user][id]', '599'],
      ['data[user][bot]', '0'],
      ['data[user][connector]', '1'],
      ['data[language]', o.language ?? 'ru'],
      ['ts', o.ts ?? '1772093963'],
      ['auth[domain]', 'some-domain.bitrix24.com'],
      ['auth[member_id]', MEMBER],
      ['auth[application_token]', TOKEN],
    ]);
  }
  return form([
    ['event', 'ONIMBOTJOINCHAT'],
    ['event_handler_id', '404'],
    ['data[BOT][568][BOT_ID]', '568'],
    ['data[BOT][568][BOT_CODE]', 'OLBOT'],
    ['data[PARAMS][CHAT_TYPE]', 'L'],
    ['data[PARAMS][MESSAGE_TYPE]', 'L'],
    ['data[PARAMS][BOT_ID]', '568'],
    ['data[PARAMS][USER_ID]', '599'],
    ['data[PARAMS][CHAT_ID]', '1157'],
    ['data[PARAMS][CHAT_AUTHOR_ID]', '599'],
    ['data[PARAMS][CHAT_ENTITY_TYPE]', 'LINES'],
    ['data[PARAMS][CHAT_ENTITY_ID]', 'livechat|22|1775|599'],
    ['data[PARAMS][ACCESS_HISTORY]', '1'],
    ['data[PARAMS][DIALOG_ID]', 'chat1157'],
    ['data[PARAMS][LANGUAGE]', o.language ?? 'ru'],
    ['data[USER][ID]', '599'],
    ['data[USER][NAME]', 'Гость'],
    ['ts', o.ts ?? '1771928985'],
    ...auth(),
  ]);
}

describe('Bitrix24 events: imbot v1', () => {
  test('a form-encoded ONIMBOTMESSAGEADD is acknowledged, handled and answered with imbot.message.add params', async () => {
    const dialog = new FakeDialog(() => ({ text: 'Поставить задачу «Позвонить клиенту»?', buttons: [{ title: 'Да' }, { title: 'Нет', payload: { no: 1 } }] }));
    const s = setup({}, dialog);
    const res = await s.post(messageAdd());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    await s.idle();
    expect(dialog.turns).toHaveLength(1);
    expect(dialog.turns[0]).toMatchObject({
      channel: 'bitrix',
      sessionKey: `bitrix:${MEMBER}:27`,
      text: 'создай задачу позвонить клиенту',
      account: { memberId: MEMBER, userId: 27 },
      locale: 'ru',
      timeZone: 'Asia/Yekaterinburg',
      messageId: '84331',
    });
    expect(s.sent).toHaveLength(1);
    expect(s.sent[0]!.install.memberId).toBe(MEMBER);
    expect(s.sent[0]!.call).toEqual({
      method: 'imbot.message.add',
      params: {
        BOT_ID: 567,
        DIALOG_ID: '27',
        MESSAGE: 'Поставить задачу [b]«Позвонить клиенту»[/b]?',
        KEYBOARD: {
          BUTTONS: [
            { TEXT: 'Да', COMMAND: 'answer', COMMAND_PARAMS: '{"t":"Да"}', BG_COLOR_TOKEN: 'primary', DISPLAY: 'LINE', BLOCK: 'Y' },
            { TEXT: 'Нет', COMMAND: 'answer', COMMAND_PARAMS: '{"t":"Нет","p":{"no":1}}', BG_COLOR_TOKEN: 'secondary', DISPLAY: 'LINE', BLOCK: 'Y' },
          ],
        },
      },
    });
    expect(s.sent[0]!.key).toBe(`bot-reply:${MEMBER}:27:84331:0`);
  });

  test('a forged application_token is refused with 403 and nothing is handled', async () => {
    const s = setup();
    const res = await s.post(messageAdd({ token: 'f'.repeat(32) }));
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('forbidden');
    await s.idle();
    expect(s.dialog.turns).toHaveLength(0);
    expect(s.sent).toHaveLength(0);
  });

  test('a portal that never installed is 401, a missing token 400', async () => {
    const s = setup();
    const unknown = await s.post(form([['event', 'ONIMBOTMESSAGEADD'], ...auth(TOKEN, 'other-member')]));
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe('not_installed');
    const missing = await s.post(form([['event', 'ONIMBOTMESSAGEADD'], ['data[PARAMS][MESSAGE]', 'x']]));
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/application_token/);
    await s.idle();
    expect(s.sent).toHaveLength(0);
  });

  test('a duplicate delivery of the same MESSAGE_ID is handled once', async () => {
    const s = setup();
    const [a, b] = await Promise.all([s.post(messageAdd()), s.post(messageAdd())]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const third = await s.post(messageAdd());
    expect(third.body.duplicate).toBe(true);
    await s.idle();
    expect(s.dialog.turns).toHaveLength(1);
    expect(s.sent).toHaveLength(1);
    await s.post(messageAdd({ messageId: '84332' }));
    await s.idle();
    expect(s.sent).toHaveLength(2);
  });

  test('the cross-process claim can veto a message another server took', async () => {
    const keys: string[] = [];
    const s = setup({
      claimMessage: async (key) => {
        keys.push(key);
        return false;
      },
    });
    expect((await s.post(messageAdd())).status).toBe(200);
    await s.idle();
    expect(keys).toEqual([`${MEMBER}:1:84331`]);
    expect(s.sent).toHaveLength(0);
  });

  test('ONIMBOTJOINCHAT in a private chat starts a new session so the dialogue greets', async () => {
    const dialog = new FakeDialog((t) => ({ text: t.newSession ? 'Здравствуйте!' : '?' }));
    const s = setup({}, dialog);
    const body = form([
      ['event', 'ONIMBOTJOINCHAT'],
      ['data[BOT][567][BOT_ID]', '567'],
      ['data[PARAMS][CHAT_TYPE]', 'P'],
      ['data[PARAMS][MESSAGE_TYPE]', 'P'],
      ['data[PARAMS][BOT_ID]', '567'],
      ['data[PARAMS][USER_ID]', '27'],
      ['data[PARAMS][DIALOG_ID]', '27'],
      ['data[PARAMS][LANGUAGE]', 'ru'],
      ['data[USER][ID]', '27'],
      ...auth(),
    ]);
    expect((await s.post(body)).status).toBe(200);
    await s.idle();
    expect(dialog.turns[0]).toMatchObject({ newSession: true, text: '', account: { memberId: MEMBER, userId: 27 } });
    expect(s.sent[0]!.call.params).toMatchObject({ BOT_ID: 567, DIALOG_ID: '27', MESSAGE: 'Здравствуйте!' });
  });

  test('a keyboard press (ONIMCOMMANDADD of the answer command) carries the button payload back', async () => {
    const s = setup();
    const press = (params: string, messageId: string) =>
      form([
        ['event', 'ONIMCOMMANDADD'],
        ['data[COMMAND][14][BOT_ID]', '567'],
        ['data[COMMAND][14][BOT_CODE]', 'BOT1'],
        ['data[COMMAND][14][COMMAND]', 'answer'],
        ['data[COMMAND][14][COMMAND_ID]', '14'],
        ['data[COMMAND][14][COMMAND_PARAMS]', params],
        ['data[COMMAND][14][COMMAND_CONTEXT]', 'KEYBOARD'],
        ['data[COMMAND][14][MESSAGE_ID]', messageId],
        ['data[PARAMS][DIALOG_ID]', '27'],
        ['data[PARAMS][FROM_USER_ID]', '27'],
        ['data[PARAMS][MESSAGE_TYPE]', 'P'],
        ['data[USER][ID]', '27'],
        ...auth(),
      ]);
    expect((await s.post(press(JSON.stringify({ t: 'Сергей Петров', p: { userId: 12 } }), '90001'))).status).toBe(200);
    // Buttons of earlier versions carried the bare title.
    expect((await s.post(press('Да', '90002'))).status).toBe(200);
    await s.idle();
    expect(s.dialog.turns[0]).toMatchObject({ text: 'Сергей Петров', payload: { userId: 12 } });
    expect(s.dialog.turns[1]).toMatchObject({ text: 'Да' });
    expect(s.dialog.turns[1]!.payload).toBeUndefined();
  });

  test('an ordinary command reads as its name and parameters', async () => {
    const s = setup();
    const body = form([
      ['event', 'ONIMCOMMANDADD'],
      ['data[COMMAND][15][BOT_ID]', '567'],
      ['data[COMMAND][15][COMMAND]', 'help'],
      ['data[COMMAND][15][COMMAND_ID]', '15'],
      ['data[COMMAND][15][COMMAND_PARAMS]', 'please'],
      ['data[COMMAND][15][MESSAGE_ID]', '90003'],
      ['data[PARAMS][DIALOG_ID]', '27'],
      ['data[PARAMS][FROM_USER_ID]', '27'],
      ['data[PARAMS][MESSAGE]', '/help please'],
      ['data[USER][ID]', '27'],
      ...auth(),
    ]);
    expect((await s.post(body)).status).toBe(200);
    await s.idle();
    expect(s.dialog.turns[0]).toMatchObject({ text: 'help please' });
  });

  test('a link button opens its URL; others are the hidden answer command', async () => {
    const dialog = new FakeDialog(() => ({ text: 'Какому Сергею?', buttons: [{ title: 'Сергей Петров', payload: { userId: 12 } }, { title: 'Открыть', url: 'https://x.bitrix24.ru/' }] }));
    const s = setup({}, dialog);
    await s.post(messageAdd());
    await s.idle();
    expect((s.sent[0]!.call.params.KEYBOARD as { BUTTONS: unknown[] }).BUTTONS).toEqual([
      { TEXT: 'Сергей Петров', COMMAND: 'answer', COMMAND_PARAMS: '{"t":"Сергей Петров","p":{"userId":12}}', BG_COLOR_TOKEN: 'primary', DISPLAY: 'LINE', BLOCK: 'Y' },
      { TEXT: 'Открыть', LINK: 'https://x.bitrix24.ru/', BG_COLOR_TOKEN: 'base', DISPLAY: 'LINE' },
    ]);
  });

  test('a group-chat mention is stripped and the session is per speaker', async () => {
    const s = setup();
    await s.post(
      messageAdd({
        text: '[USER=567]Помощник[/USER], напиши Антону привет',
        params: [
          ['data[PARAMS][CHAT_ID]', '1157'],
          ['data[PARAMS][DIALOG_ID]', 'chat1157'],
          ['data[PARAMS][MESSAGE_TYPE]', 'C'],
        ],
      }).replace('data%5BPARAMS%5D%5BMESSAGE_TYPE%5D=P&', '').replace('data%5BPARAMS%5D%5BDIALOG_ID%5D=27&', ''),
    );
    await s.idle();
    expect(s.dialog.turns[0]).toMatchObject({ text: 'напиши Антону привет', sessionKey: `bitrix:${MEMBER}:chat1157:27` });
    expect(s.sent[0]!.call.params.DIALOG_ID).toBe('chat1157');
  });

  test("a reply's followUp is sent as a second message under its own key", async () => {
    const dialog = new FakeDialog(() => ({ text: 'Делаю', followUp: Promise.resolve({ text: 'Готово' }) }));
    const s = setup({}, dialog);
    await s.post(messageAdd());
    await s.idle();
    expect(s.sent.map((m) => m.out.text)).toEqual(['Делаю', 'Готово']);
    expect(new Set(s.sent.map((m) => m.key)).size).toBe(2);
  });

  test('messages from bots are not answered', async () => {
    const s = setup();
    await s.post(messageAdd({ user: [['data[USER][IS_BOT]', 'Y']] }).replace('data%5BUSER%5D%5BIS_BOT%5D=N&', ''));
    await s.idle();
    expect(s.dialog.turns).toHaveLength(0);
    expect(s.sent).toHaveLength(0);
  });
});

describe('Bitrix24 events: lifecycle and bookkeeping', () => {
  test('ONAPPINSTALL is stored only after the verifier confirms it; a refused one is 403 and stores nothing', async () => {
    const s = setup();
    const res = await s.post(installBody());
    expect(res.status).toBe(200);
    expect(s.claims).toHaveLength(1);
    expect(s.claims[0]).toMatchObject({ memberId: 'newmember', domain: 'new.bitrix24.ru', accessToken: 'at', clientEndpoint: 'https://new.bitrix24.ru/rest/' });
    expect((await s.installs.get('newmember'))?.applicationToken).toBe('newtoken');

    const refusing = setup({}, new FakeDialog(), async () => {
      throw new InstallRejectedError('the portal rejected the access token (expired_token)');
    });
    const forged = await refusing.post(installBody('evilmember', 'eviltoken'));
    expect(forged.status).toBe(403);
    expect(forged.body).toEqual({ error: 'install_rejected', message: expect.stringMatching(/rejected the access token/) });
    expect(await refusing.installs.get('evilmember')).toBeNull();
  });

  test('the install page POST is confirmed the same way', async () => {
    const refusing = setup({}, new FakeDialog(), async () => {
      throw new InstallRejectedError('the portal rejected the access token (invalid_token)');
    });
    const page = 'AUTH_ID=a1&AUTH_EXPIRES=3600&REFRESH_ID=r1&member_id=pagemember&status=L&PLACEMENT=DEFAULT';
    const res = await request(refusing.app).post('/install?DOMAIN=page.bitrix24.ru&PROTOCOL=1&LANG=ru').type('form').send(page);
    expect(res.status).toBe(403);
    expect(await refusing.installs.get('pagemember')).toBeNull();
    const s = setup();
    expect((await request(s.app).post('/install?DOMAIN=page.bitrix24.ru&PROTOCOL=1&LANG=ru').type('form').send(page)).status).toBe(200);
    expect(s.claims.map((c) => c.clientEndpoint)).toEqual(['https://page.bitrix24.ru/rest/']);
    expect(await s.installs.get('pagemember')).not.toBeNull();
  });

  test('an install event cannot move a known portal to another host, even with a token that works there', async () => {
    const s = setup();
    const res = await s.post(installBody(MEMBER, 'takeover', 'evil.example.com'));
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('install_rejected');
    expect(s.claims).toHaveLength(0);
    expect((await s.installs.get(MEMBER))?.applicationToken).toBe(TOKEN);
  });

  test('an ONAPPINSTALL without its tokens is 400 and never reaches the verifier', async () => {
    const s = setup();
    const bad = await s.post(form([['event', 'ONAPPINSTALL'], ['auth[domain]', 'x']]));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_install');
    expect(s.claims).toHaveLength(0);
  });

  test('ONAPPUNINSTALL is authenticated by the stored token', async () => {
    const s = setup();
    expect((await s.post(form([['event', 'ONAPPUNINSTALL'], ['data[CLEAN]', '0'], ...auth('forged')]))).status).toBe(403);
    expect(await s.installs.get(MEMBER)).not.toBeNull();
    expect((await s.post(form([['event', 'ONAPPUNINSTALL'], ['data[CLEAN]', '0'], ...auth()]))).status).toBe(200);
    expect(await s.installs.get(MEMBER)).toBeNull();
  });

  test('ONIMBOTDELETE and ONIMBOTV2DELETE forget the bot; known edits are acknowledged and ignored', async () => {
    const s = setup();
    expect((await s.post(form([['event', 'ONIMBOTDELETE'], ['data[BOT_ID]', '567'], ['data[BOT_CODE]', 'b24_assistant'], ...auth()]))).status).toBe(200);
    expect((await s.post(form([['event', 'ONIMBOTV2DELETE'], ['data[bot][id]', '568'], ['data[bot][code]', 'b24_assistant_ol'], ...auth()]))).status).toBe(200);
    await s.idle();
    expect(s.deleted).toEqual([567, 568]);
    for (const event of ['ONIMBOTMESSAGEUPDATE', 'ONIMBOTMESSAGEDELETE', 'ONIMBOTV2MESSAGEUPDATE', 'ONIMBOTV2REACTIONCHANGE']) {
      const res = await s.post(form([['event', event], ['data[PARAMS][MESSAGE_ID]', '1'], ...auth()]));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, ignored: true });
    }
    await s.idle();
    expect(s.dialog.turns).toHaveLength(0);
  });
});

describe('Bitrix24 events: open lines', () => {
  test('the CRM binding becomes Turn.crm; the client is not a portal user', async () => {
    const s = setup({}, new FakeDialog(() => ({ text: 'Лид «Заказ сайта»: 56%', parse: { intent: 'lead.score', slots: {}, lang: 'ru' } })));
    await s.post(openLineMessage('какой скоринг у этого лида', '7001'));
    await s.idle();
    const turn = s.dialog.turns[0]!;
    expect(turn.channel).toBe('openlines');
    expect(turn.crm).toEqual({ entity: 'lead', id: 1209 });
    expect(turn.account).toBeUndefined();
    expect(turn.sessionKey).toBe(`openlines:${MEMBER}:chat1157`);
    expect(s.sent[0]!.call.params).toMatchObject({ BOT_ID: 568, DIALOG_ID: 'chat1157' });
  });

  test('the open-lines bot greets the client from intents/common.yaml, once per chat, without the dialogue', async () => {
    const s = setup();
    expect((await s.post(openLineJoin())).status).toBe(200);
    await s.idle();
    // The portal sends the join again (a new session in the same chat): no second greeting.
    expect((await s.post(openLineJoin({ ts: '1771929999' }))).status).toBe(200);
    await s.idle();
    expect(s.dialog.turns).toHaveLength(0);
    expect(s.sent).toHaveLength(1);
    expect(s.sent[0]!.call).toEqual({ method: 'imbot.message.add', params: { BOT_ID: 568, DIALOG_ID: 'chat1157', MESSAGE: texts.say('common', 'openline_greeting', 'ru') } });
    expect(s.sent[0]!.key).toBe(`ol-greeting:${MEMBER}:chat1157`);

    const en = setup();
    await en.post(openLineJoin({ language: 'en', v2: true }));
    await en.idle();
    expect(en.sent.map((m) => m.call)).toEqual([
      { method: 'imbot.v2.Chat.Message.send', params: { botId: 568, dialogId: 'chat1157', fields: { message: texts.say('common', 'openline_greeting', 'en') } } },
    ]);
    expect(texts.say('common', 'openline_greeting', 'en')).not.toBe(texts.say('common', 'openline_greeting', 'ru'));
  });

  test("the channel only carries out the dialogue's hand-off: the reply is posted, then the operator is called", async () => {
    const handing = setup({}, new FakeDialog(() => ({ text: 'Соединяю с оператором', handOff: true })));
    await handing.post(openLineMessage('у меня сложный вопрос', '7003'));
    await handing.idle();
    expect(handing.dialog.turns[0]).toMatchObject({ channel: 'openlines', memberId: MEMBER, crm: { entity: 'lead', id: 1209 } });
    expect(handing.transfers).toEqual([1157]);
    expect(handing.sent.map((m) => m.out.text)).toEqual(['Соединяю с оператором']);

    const talking = setup({}, new FakeDialog(() => ({ text: 'Не поняла', parse: { intent: 'unknown', slots: {}, lang: 'ru' } })));
    for (const [text, id] of [['абырвалг', '7004'], ['главрыба', '7005']] as const) await talking.post(openLineMessage(text, id));
    await talking.idle();
    expect(talking.transfers).toEqual([]);
    expect(talking.sent.map((m) => m.out.text)).toEqual(['Не поняла', 'Не поняла']);
  });

  test('with the real dialogue: a client asking for a person, or asking what the bot cannot do for an outsider, is handed over', async () => {
    const s = setup({}, await realDialog());
    await s.post(openLineMessage('Позовите живого человека, пожалуйста', '7002'));
    await s.idle();
    expect(s.transfers).toEqual([1157]);
    expect(s.sent[0]!.out.text).toBe(texts.say('common', 'openline.handoff', 'ru'));
    const other = setup({}, await realDialog());
    await other.post(openLineMessage('Какой у вас режим работы?', '7006'));
    await other.idle();
    expect(other.transfers).toEqual([1157]);
  });

  test('with the real dialogue: a client of a hot lead goes to an operator on the first message, checked once per chat', async () => {
    const asked: { entity: string; id: number }[] = [];
    const s = setup({}, await realDialog(async (member, rec) => (asked.push(rec), member === MEMBER)));
    await s.post(openLineMessage('Здравствуйте, хочу заказать сайт', '7201'));
    await s.idle();
    expect(asked).toEqual([{ entity: 'lead', id: 1209 }]);
    expect(s.transfers).toEqual([1157]);
    expect(s.sent.map((m) => m.out.text)).toEqual([texts.say('common', 'openline_hot_lead', 'ru')]);
    await s.post(openLineMessage('Алло?', '7202'));
    await s.idle();
    expect(asked).toHaveLength(1);
  });
});

describe('Bitrix24 events: Chatbots 2.0', () => {
  const v2Message = (o: { text?: string; messageId?: string; entityType?: string; entityData2?: string; connector?: string; dialogId?: string } = {}) =>
    form([
      ['event', 'ONIMBOTV2MESSAGEADD'],
      ['data[bot][id]', '456'],
      ['data[bot][code]', 'support_bot'],
      ['data[bot][auth][application_token]', TOKEN],
      ['data[message][id]', o.messageId ?? '789'],
      ['data[message][chatId]', '5'],
      ['data[message][authorId]', '1'],
      ['data[message][text]', o.text ?? 'Hello bot!'],
      ['data[message][isSystem]', '0'],
      ['data[chat][id]', '5'],
      ['data[chat][dialogId]', o.dialogId ?? 'chat5'],
      ['data[chat][type]', 'chat'],
      ['data[chat][entityType]', o.entityType ?? ''],
      ...(o.entityData2 ? ([['data[chat][entityData2]', o.entityData2]] as [string, string][]) : []),
      ['data[user][id]', '1'],
      ['data[user][bot]', '0'],
      ['data[user][connector]', o.connector ?? '0'],
      ['data[language]', 'en'],
      ['ts', '1772093963'],
      ['auth[domain]', 'some-domain.bitrix24.com'],
      ['auth[member_id]', MEMBER],
      ['auth[application_token]', TOKEN],
    ]);

  test('ONIMBOTV2MESSAGEADD is answered with imbot.v2.Chat.Message.send {botId, dialogId, fields}', async () => {
    const dialog = new FakeDialog(() => ({ text: 'Готово', buttons: [{ title: 'Ещё' }] }));
    const s = setup({}, dialog);
    expect((await s.post(v2Message())).status).toBe(200);
    await s.idle();
    expect(dialog.turns[0]).toMatchObject({ text: 'Hello bot!', locale: 'en', account: { memberId: MEMBER, userId: 1 }, messageId: '789' });
    expect(s.sent[0]!.out.api).toBe(2);
    expect(s.sent[0]!.call).toEqual({
      method: 'imbot.v2.Chat.Message.send',
      params: {
        botId: 456,
        dialogId: 'chat5',
        // v2 bots have no hidden command registered: buttons SEND their title.
        fields: { message: 'Готово', keyboard: [{ TEXT: 'Ещё', ACTION: 'SEND', ACTION_VALUE: 'Ещё', BG_COLOR_TOKEN: 'primary', DISPLAY: 'LINE', BLOCK: 'Y' }] },
      },
    });
  });

  test('a re-delivered v2 message is handled once; v1 and v2 ids do not collide', async () => {
    const s = setup();
    await s.post(v2Message({ messageId: '84331' }));
    expect((await s.post(v2Message({ messageId: '84331' }))).body.duplicate).toBe(true);
    await s.post(messageAdd({ messageId: '84331' }));
    await s.idle();
    expect(s.sent.map((m) => m.call.method)).toEqual(['imbot.v2.Chat.Message.send', 'imbot.message.add']);
  });

  test('a v2 open line: CRM binding from entityData2, operator request hands over', async () => {
    const s = setup({}, await realDialog());
    await s.post(v2Message({ text: 'какой скоринг у этого лида', messageId: '801', entityType: 'LINES', entityData2: 'LEAD|0|COMPANY|0|CONTACT|3|DEAL|3', connector: '1' }));
    await s.idle();
    expect(s.dialog.turns[0]).toMatchObject({ channel: 'openlines', crm: { entity: 'deal', id: 3 } });
    expect(s.dialog.turns[0]!.account).toBeUndefined();
    await s.post(v2Message({ text: 'оператора позовите', messageId: '802', entityType: 'LINES', connector: '1' }));
    await s.idle();
    expect(s.transfers).toEqual([5, 5]); // an outsider's question the bot cannot act on, then the request for a person
  });

  test('a ONIMBOTV2COMMANDADD press reads as the button title', async () => {
    const s = setup();
    const body = form([
      ['event', 'ONIMBOTV2COMMANDADD'],
      ['data[bot][id]', '456'],
      ['data[command][command]', 'answer'],
      ['data[command][params]', '{"t":"Да"}'],
      ['data[message][id]', '901'],
      ['data[chat][dialogId]', '1'],
      ['data[user][id]', '1'],
      ['auth[member_id]', MEMBER],
      ['auth[application_token]', TOKEN],
    ]);
    expect((await s.post(body)).status).toBe(200);
    await s.idle();
    expect(s.dialog.turns[0]).toMatchObject({ text: 'Да', sessionKey: `bitrix:${MEMBER}:1` });
    expect(s.sent[0]!.call.method).toBe('imbot.v2.Chat.Message.send');
  });
});

describe('Bitrix24 events: bad input', () => {
  const cases: [string, (s: ReturnType<typeof setup>) => request.Test, number, string][] = [
    ['wrong content type', (s) => s.post('{"event":"ONIMBOTMESSAGEADD"}', 'application/json'), 415, 'unsupported_media_type'],
    ['malformed form encoding', (s) => s.post('event=ONIMBOTMESSAGEADD&data%5BPARAMS%5D%5BMESSAGE%5D=%E0%A4%A'), 400, 'malformed_form'],
    ['a body over the 512 KB event limit', (s) => s.post(messageAdd({ text: 'я'.repeat(100_000) })), 413, 'too_large'],
    ['no event', (s) => s.post(form(auth())), 400, 'missing_event'],
    ['an unknown event', (s) => s.post(form([['event', 'ONSOMETHINGELSE'], ...auth()])), 400, 'unknown_event'],
    ['a message without MESSAGE_ID', (s) => s.post(messageAdd().replace(/data%5BPARAMS%5D%5BMESSAGE_ID%5D=84331&/, '')), 400, 'missing_field'],
    ['a message without a bot', (s) => s.post(messageAdd().replace(/data%5BBOT%5D%5B567%5D%5BBOT_ID%5D=567&/, '').replace(/data%5BPARAMS%5D%5BTO_USER_ID%5D=567&/, '')), 400, 'missing_field'],
    ['a v2 message without data[bot][id]', (s) => s.post(form([['event', 'ONIMBOTV2MESSAGEADD'], ['data[message][id]', '1'], ['data[message][text]', 'x'], ['data[chat][dialogId]', '1'], ...auth()])), 400, 'missing_field'],
    ['a bot deletion without its bot id', (s) => s.post(form([['event', 'ONIMBOTDELETE'], ...auth()])), 400, 'missing_field'],
  ];
  test.each(cases)('%s → 4xx with a clear JSON message, nothing handled', async (_n, make, status, code) => {
    const s = setup();
    const res = await make(s);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(code);
    expect(res.body.message).toEqual(expect.any(String));
    await s.idle();
    expect(s.sent).toHaveLength(0);
    expect(s.dialog.turns).toHaveLength(0);
    expect(s.deleted).toHaveLength(0);
  });
});

describe('Bitrix24 wire helpers', () => {
  test.each([
    [['LINES', 'livechat|22|1775|599', 'Y|LEAD|1209|N|N|343|1773682918|0|0|0', 'LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0'], { entity: 'lead', id: 1209 }],
    [['LINES', 'telegrambot|1|786792821|13', 'Y|DEAL|3|N|N|3|1678008993|0|0|0', 'LEAD|0|COMPANY|0|CONTACT|3|DEAL|3'], { entity: 'deal', id: 3 }],
    [['LINES', 'x', 'Y|LEAD|44|N|N|3|0|0|0|0', ''], { entity: 'lead', id: 44 }],
    [['CRM', 'LEAD|123', undefined, undefined], { entity: 'lead', id: 123 }],
    [['LINES', 'x', 'N|NONE|0|N|N|3|0|0|0|0', 'LEAD|0|COMPANY|0|CONTACT|0|DEAL|0'], undefined],
  ] as const)('crmBinding %j', (args, want) => {
    expect(crmBinding(...(args as unknown as [string, string, string, string]))).toEqual(want);
  });
  test('plainText strips mentions and tags', () => {
    expect(plainText('[USER=567]NewBot[/USER], how to [b]set up[/b]?')).toBe('how to set up?');
  });
  test('toBbCode keeps user text from opening tags and renders the card', () => {
    expect(toBbCode({ text: 'Лид «[url=x]y»', card: { title: 'Скоринг', lines: ['56%'] } })).toBe('Лид [b]«(url=x)y»[/b]\n[b]Скоринг[/b]\n56%');
  });
});

const waitFor = async <T>(f: () => T | undefined, ms = 8000): Promise<T> => {
  const t0 = Date.now();
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('Bitrix24 bots end to end (server + sandbox portal over HTTP)', () => {
  let t: TestRuntime;
  let rt: Runtime;
  beforeAll(async () => {
    t = await startTestRuntime();
    rt = t.rt;
  });
  afterAll(() => t.stop());

  const botReplies = () => rt.sandbox!.state.messages.values().filter((m) => m.kind === 'imbot');
  const tasks = () => rt.sandbox!.state.tasks.values();
  const ids = async () => (await rt.store.installs.get(rt.sandboxMemberId!))!.settings as { botId: number; openlinesBotId: number };
  const sandboxAuth = (): [string, string][] => {
    const info = rt.sandbox!.info();
    return [
      ['auth[domain]', info.domain],
      ['auth[client_endpoint]', info.rest],
      ['auth[member_id]', info.memberId],
      ['auth[application_token]', info.applicationToken],
    ];
  };

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

  it('registers through Chatbots 2.0 where the portal has it; a keyboard press sends the button text back', async () => {
    const before = botReplies().length;
    const { delivery: asked } = await rt.sandbox!.sendBotMessage({ fromUserId: 1, text: 'Поставь задачу на завтра купить бумагу' });
    expect(asked.event).toBe('ONIMBOTV2MESSAGEADD');
    const confirm = await waitFor(() => botReplies()[before]);
    expect(confirm.params.api).toBe(2); // answered with imbot.v2.Chat.Message.send
    const buttons = confirm.params.KEYBOARD as { TEXT: string; ACTION?: string; ACTION_VALUE?: string }[];
    const no = buttons.find((b) => b.TEXT === 'Нет')!;
    expect(no).toMatchObject({ ACTION: 'SEND', ACTION_VALUE: 'Нет' });
    const { delivery } = await rt.sandbox!.sendBotMessage({ fromUserId: 1, text: no.ACTION_VALUE! });
    expect(delivery.event).toBe('ONIMBOTV2MESSAGEADD');
    const reply = await waitFor(() => botReplies()[before + 1]);
    expect(reply.message).toMatch(/изменить/);
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

  it('a Chatbots 2.0 message is answered through imbot.v2.Chat.Message.send', async () => {
    const before = botReplies().length;
    const { botId } = await ids();
    const body = form([
      ['event', 'ONIMBOTV2MESSAGEADD'],
      ['data[bot][id]', String(botId)],
      ['data[message][id]', '770001'],
      ['data[message][authorId]', '1'],
      ['data[message][text]', 'Что ты умеешь?'],
      ['data[chat][id]', '2001'],
      ['data[chat][dialogId]', '1'],
      ['data[user][id]', '1'],
      ['data[user][bot]', '0'],
      ['data[language]', 'ru'],
      ['ts', String(Math.floor(Date.now() / 1000))],
      ...sandboxAuth(),
    ]);
    expect((await request(rt.url).post('/webhook/bitrix').type('form').send(body)).status).toBe(200);
    const reply = await waitFor(() => botReplies()[before]);
    expect(reply.params.api).toBe(2);
    expect(reply).toMatchObject({ botId, dialogId: '1' });
    expect(reply.message).toMatch(/Я умею/);
  });

  it('a v2 bot message is sent at most once per key, like a v1 one', async () => {
    const before = botReplies().length;
    const { botId } = await ids();
    const deps = { client: await rt.clients.get(rt.sandboxMemberId!), actions: rt.store.actions, locks: rt.store.locks };
    const first = await botMessage(deps, 'test:v2-once', { api: 2, botId, dialogId: '1', text: 'один раз' });
    const second = await botMessage(deps, 'test:v2-once', { api: 2, botId, dialogId: '1', text: 'один раз' });
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ result: first.result, replayed: true });
    expect(botReplies().slice(before).map((m) => m.message)).toEqual(['один раз']);
  });

  it('an open-line client is greeted once per chat, and asking for an operator hands the chat over', async () => {
    const { openlinesBotId } = await ids();
    expect(openlinesBotId).toBeGreaterThan(0);
    const before = botReplies().length;
    const join = (ts: string) =>
      form([
        ['event', 'ONIMBOTJOINCHAT'],
        [`data[BOT][${openlinesBotId}][BOT_ID]`, String(openlinesBotId)],
        ['data[PARAMS][CHAT_TYPE]', 'L'],
        ['data[PARAMS][MESSAGE_TYPE]', 'L'],
        ['data[PARAMS][BOT_ID]', String(openlinesBotId)],
        ['data[PARAMS][USER_ID]', '5'],
        ['data[PARAMS][CHAT_ID]', '3000'],
        ['data[PARAMS][CHAT_ENTITY_TYPE]', 'LINES'],
        ['data[PARAMS][CHAT_ENTITY_ID]', 'livechat|1|3000|5'],
        ['data[PARAMS][DIALOG_ID]', 'chat3000'],
        ['data[PARAMS][LANGUAGE]', 'ru'],
        ['data[USER][ID]', '5'],
        ['ts', ts],
        ...sandboxAuth(),
      ]);
    expect((await request(rt.url).post('/webhook/bitrix').type('form').send(join('1'))).status).toBe(200);
    const greeting = await waitFor(() => botReplies()[before]);
    expect(greeting).toMatchObject({ botId: openlinesBotId, dialogId: 'chat3000', message: loadTexts().say('common', 'openline_greeting', 'ru') });
    expect((await request(rt.url).post('/webhook/bitrix').type('form').send(join('2'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(botReplies().length).toBe(before + 1);

    await rt.sandbox!.sendBotMessage({ fromUserId: 5, botId: openlinesBotId, chatType: 'L', chatId: 3000, text: 'Позовите оператора' });
    const transfer = await waitFor(() => rt.sandbox!.state.messages.values().find((m) => m.kind === 'openline' && m.message === 'operator' && m.dialogId === 'chat3000'));
    expect(transfer.params).toMatchObject({ CHAT_ID: 3000 });

    // A question the assistant cannot answer for a client (it acts for portal users) goes to a person too, not to a linking prompt.
    const mark = botReplies().length;
    await rt.sandbox!.sendBotMessage({ fromUserId: 6, botId: openlinesBotId, chatType: 'L', chatId: 3001, text: 'Сколько стоит доставка?' });
    const answer = await waitFor(() => botReplies()[mark]);
    expect(answer).toMatchObject({ dialogId: 'chat3001', message: 'Передаю разговор оператору, он скоро ответит.' });
    await waitFor(() => rt.sandbox!.state.messages.values().find((m) => m.kind === 'openline' && m.message === 'operator' && m.dialogId === 'chat3001'));
  });
});
