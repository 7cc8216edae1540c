import express from 'express';
import request from 'supertest';
import { bitrixRouter, type BitrixDeps, type BitrixOutgoing } from '../../src/channels/bitrix';
import { crmBinding, plainText, toBbCode } from '../../src/channels/bitrix-wire';
import type { Install } from '../../src/store/types';
import type { PhpForm } from '../../src/bitrix/php-form';
import { FakeDialog, MemoryInstalls, install } from './fakes';

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

function setup(over: Partial<BitrixDeps> = {}, dialog = new FakeDialog()) {
  const installs = new MemoryInstalls();
  void installs.save(install(MEMBER, TOKEN, { settings: { timeZone: 'Asia/Yekaterinburg' } }));
  const sent: { install: Install; out: BitrixOutgoing }[] = [];
  const transfers: number[] = [];
  const installed: PhpForm[] = [];
  const uninstalled: string[] = [];
  const router = bitrixRouter({
    dialog,
    installs,
    send: async (i, out) => {
      sent.push({ install: i, out });
    },
    transferToOperator: async (_i, chatId) => {
      transfers.push(chatId);
    },
    onInstall: async (f) => {
      installed.push(f);
    },
    onUninstall: async (i) => {
      uninstalled.push(i.memberId);
    },
    now: () => new Date('2026-03-25T09:00:00Z'),
    ...over,
  });
  const app = express();
  app.use(router);
  const post = (body: string, type = 'application/x-www-form-urlencoded') => request(app).post('/webhook/bitrix').set('Content-Type', type).send(body);
  return { app, router, dialog, sent, transfers, installed, uninstalled, post };
}

describe('Bitrix24 webhook: imbot v1', () => {
  test('a form-encoded ONIMBOTMESSAGEADD is acknowledged, handled and answered with imbot.message.add params', async () => {
    const dialog = new FakeDialog(() => ({ text: 'Поставить задачу «Позвонить клиенту»?', buttons: [{ title: 'Да' }, { title: 'Нет' }] }));
    const s = setup({}, dialog);
    const res = await s.post(messageAdd());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    await s.router.idle();
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
    expect(s.sent[0]!.out.method).toBe('imbot.message.add');
    expect(s.sent[0]!.out.params).toEqual({
      BOT_ID: 567,
      DIALOG_ID: '27',
      MESSAGE: 'Поставить задачу [b]«Позвонить клиенту»[/b]?',
      KEYBOARD: {
        BUTTONS: [
          { TEXT: 'Да', ACTION: 'SEND', ACTION_VALUE: 'Да', BG_COLOR_TOKEN: 'primary', DISPLAY: 'LINE', BLOCK: 'Y' },
          { TEXT: 'Нет', ACTION: 'SEND', ACTION_VALUE: 'Нет', BG_COLOR_TOKEN: 'secondary', DISPLAY: 'LINE', BLOCK: 'Y' },
        ],
      },
    });
  });

  test('a forged application_token is refused with 403 and nothing is sent', async () => {
    const s = setup();
    const res = await s.post(messageAdd({ token: 'f'.repeat(32) }));
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('bad_token');
    await s.router.idle();
    expect(s.dialog.turns).toHaveLength(0);
    expect(s.sent).toHaveLength(0);
  });

  test('a token for an unknown portal is 403, a missing token 401', async () => {
    const s = setup();
    const unknown = await s.post(form([['event', 'ONIMBOTMESSAGEADD'], ...auth(TOKEN, 'other-member')]));
    expect(unknown.status).toBe(403);
    const missing = await s.post(form([['event', 'ONIMBOTMESSAGEADD'], ['data[PARAMS][MESSAGE]', 'x']]));
    expect(missing.status).toBe(401);
    expect(missing.body.error).toBe('unauthenticated');
    await s.router.idle();
    expect(s.sent).toHaveLength(0);
  });

  test('a duplicate delivery of the same MESSAGE_ID is handled once', async () => {
    const s = setup();
    const [a, b] = await Promise.all([s.post(messageAdd()), s.post(messageAdd())]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const third = await s.post(messageAdd());
    expect(third.body.duplicate).toBe(true);
    await s.router.idle();
    expect(s.dialog.turns).toHaveLength(1);
    expect(s.sent).toHaveLength(1);
    await s.post(messageAdd({ messageId: '84332' }));
    await s.router.idle();
    expect(s.sent).toHaveLength(2);
  });

  test('the cross-process claim can veto a message another server took', async () => {
    const s = setup({ claimMessage: async () => false });
    expect((await s.post(messageAdd())).status).toBe(200);
    await s.router.idle();
    expect(s.sent).toHaveLength(0);
  });

  test('ONAPPINSTALL is delegated; a body without its tokens is refused', async () => {
    const s = setup();
    const body = form([
      ['event', 'ONAPPINSTALL'],
      ['data[VERSION]', '1'],
      ['data[ACTIVE]', 'Y'],
      ['data[INSTALLED]', 'Y'],
      ['data[LANGUAGE_ID]', 'ru'],
      ['ts', '1771928985'],
      ['auth[domain]', 'new.bitrix24.ru'],
      ['auth[access_token]', 'at'],
      ['auth[refresh_token]', 'rt'],
      ['auth[expires_in]', '3600'],
      ['auth[member_id]', 'newmember'],
      ['auth[application_token]', 'newtoken'],
    ]);
    const res = await s.post(body);
    expect(res.status).toBe(200);
    expect(s.installed).toHaveLength(1);
    expect(s.installed[0]).toMatchObject({ event: 'ONAPPINSTALL', auth: { member_id: 'newmember', application_token: 'newtoken' } });
    const bad = await s.post(form([['event', 'ONAPPINSTALL'], ['auth[domain]', 'x']]));
    expect(bad.status).toBe(400);
    expect(s.installed).toHaveLength(1);
  });

  test('ONAPPUNINSTALL is authenticated and delegated', async () => {
    const s = setup();
    expect((await s.post(form([['event', 'ONAPPUNINSTALL'], ['data[CLEAN]', '0'], ...auth('forged')]))).status).toBe(403);
    expect(s.uninstalled).toEqual([]);
    expect((await s.post(form([['event', 'ONAPPUNINSTALL'], ['data[CLEAN]', '0'], ...auth()]))).status).toBe(200);
    expect(s.uninstalled).toEqual([MEMBER]);
  });

  test('ONIMBOTJOINCHAT starts a new session so the dialogue greets', async () => {
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
    await s.router.idle();
    expect(dialog.turns[0]).toMatchObject({ newSession: true, text: '' });
    expect(s.sent[0]!.out.params).toMatchObject({ BOT_ID: 567, DIALOG_ID: '27', MESSAGE: 'Здравствуйте!' });
  });

  test('a keyboard-command press (ONIMCOMMANDADD) carries the button payload back', async () => {
    const s = setup({ buttonCommand: 'answer' });
    const body = form([
      ['event', 'ONIMCOMMANDADD'],
      ['data[COMMAND][14][BOT_ID]', '567'],
      ['data[COMMAND][14][BOT_CODE]', 'BOT1'],
      ['data[COMMAND][14][COMMAND]', 'answer'],
      ['data[COMMAND][14][COMMAND_ID]', '14'],
      ['data[COMMAND][14][COMMAND_PARAMS]', JSON.stringify({ t: 'Сергей Петров', p: { userId: 12 } })],
      ['data[COMMAND][14][COMMAND_CONTEXT]', 'KEYBOARD'],
      ['data[COMMAND][14][MESSAGE_ID]', '90001'],
      ['data[PARAMS][DIALOG_ID]', '27'],
      ['data[PARAMS][FROM_USER_ID]', '27'],
      ['data[PARAMS][MESSAGE_TYPE]', 'P'],
      ['data[USER][ID]', '27'],
      ...auth(),
    ]);
    expect((await s.post(body)).status).toBe(200);
    await s.router.idle();
    expect(s.dialog.turns[0]).toMatchObject({ text: 'Сергей Петров', payload: { userId: 12 } });
  });

  test('with buttonCommand set, buttons are COMMAND buttons carrying the payload', async () => {
    const dialog = new FakeDialog(() => ({ text: 'Какому Сергею?', buttons: [{ title: 'Сергей Петров', payload: { userId: 12 } }, { title: 'Открыть', url: 'https://x.bitrix24.ru/' }] }));
    const s = setup({ buttonCommand: 'answer' }, dialog);
    await s.post(messageAdd());
    await s.router.idle();
    expect((s.sent[0]!.out.params.KEYBOARD as { BUTTONS: unknown[] }).BUTTONS).toEqual([
      { TEXT: 'Сергей Петров', COMMAND: 'answer', COMMAND_PARAMS: '{"t":"Сергей Петров","p":{"userId":12}}', BG_COLOR_TOKEN: 'primary', DISPLAY: 'LINE', BLOCK: 'Y' },
      { TEXT: 'Открыть', LINK: 'https://x.bitrix24.ru/', DISPLAY: 'LINE' },
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
    await s.router.idle();
    expect(s.dialog.turns[0]).toMatchObject({ text: 'напиши Антону привет', sessionKey: `bitrix:${MEMBER}:chat1157:27` });
    expect(s.sent[0]!.out.params.DIALOG_ID).toBe('chat1157');
  });

  test("a reply's followUp is sent as a second message", async () => {
    const dialog = new FakeDialog(() => ({ text: 'Делаю', followUp: Promise.resolve({ text: 'Готово' }) }));
    const s = setup({}, dialog);
    await s.post(messageAdd());
    await s.router.idle();
    expect(s.sent.map((m) => m.out.text)).toEqual(['Делаю', 'Готово']);
  });
});

describe('Bitrix24 webhook: open lines', () => {
  test('the CRM binding becomes Turn.crm; the client is not a portal user', async () => {
    const s = setup();
    await s.post(openLineMessage('какой скоринг у этого лида', '7001'));
    await s.router.idle();
    const turn = s.dialog.turns[0]!;
    expect(turn.channel).toBe('openlines');
    expect(turn.crm).toEqual({ entity: 'lead', id: 1209 });
    expect(turn.account).toBeUndefined();
    expect(s.sent[0]!.out.params).toMatchObject({ BOT_ID: 568, DIALOG_ID: 'chat1157' });
  });

  test('asking for an operator hands the chat over without the dialogue', async () => {
    const s = setup();
    await s.post(openLineMessage('Позовите живого человека, пожалуйста', '7002'));
    await s.router.idle();
    expect(s.dialog.turns).toHaveLength(0);
    expect(s.transfers).toEqual([1157]);
    expect(s.sent[0]!.out.text).toMatch(/оператор/);
  });

  test('a dialogue that asks for a hand-off, and one that is stuck, both transfer', async () => {
    const handing = setup({}, new FakeDialog(() => ({ text: 'Соединяю с оператором', handOff: true })));
    await handing.post(openLineMessage('у меня сложный вопрос', '7003'));
    await handing.router.idle();
    expect(handing.transfers).toEqual([1157]);

    const lost = setup({}, new FakeDialog(() => ({ text: 'Не поняла', parse: { intent: 'unknown', slots: {}, lang: 'ru' } })));
    await lost.post(openLineMessage('абырвалг', '7004'));
    await lost.router.idle();
    expect(lost.transfers).toEqual([]);
    expect(lost.sent.map((m) => m.out.text)).toEqual(['Не поняла']);
    await lost.post(openLineMessage('главрыба', '7005'));
    await lost.router.idle();
    expect(lost.transfers).toEqual([1157]);
  });
});

describe('Bitrix24 webhook: Chatbots 2.0', () => {
  test('ONIMBOTV2MESSAGEADD is answered with imbot.v2.Chat.Message.send params', async () => {
    const dialog = new FakeDialog(() => ({ text: 'Готово', buttons: [{ title: 'Ещё' }] }));
    const s = setup({}, dialog);
    const body = form([
      ['event', 'ONIMBOTV2MESSAGEADD'],
      ['data[bot][id]', '456'],
      ['data[bot][code]', 'support_bot'],
      ['data[bot][auth][application_token]', TOKEN],
      ['data[message][id]', '789'],
      ['data[message][chatId]', '5'],
      ['data[message][authorId]', '1'],
      ['data[message][text]', 'Hello bot!'],
      ['data[message][isSystem]', '0'],
      ['data[chat][id]', '5'],
      ['data[chat][dialogId]', 'chat5'],
      ['data[chat][type]', 'chat'],
      ['data[chat][entityType]', ''],
      ['data[user][id]', '1'],
      ['data[user][bot]', '0'],
      ['data[user][connector]', '0'],
      ['data[language]', 'en'],
      ['ts', '1772093963'],
      ['auth[domain]', 'some-domain.bitrix24.com'],
      ['auth[member_id]', MEMBER],
      ['auth[application_token]', TOKEN],
    ]);
    expect((await s.post(body)).status).toBe(200);
    await s.router.idle();
    expect(dialog.turns[0]).toMatchObject({ text: 'Hello bot!', locale: 'en', account: { memberId: MEMBER, userId: 1 } });
    expect(s.sent[0]!.out.method).toBe('imbot.v2.Chat.Message.send');
    expect(s.sent[0]!.out.params).toEqual({
      botId: 456,
      dialogId: 'chat5',
      fields: { message: 'Готово', keyboard: [{ TEXT: 'Ещё', ACTION: 'SEND', ACTION_VALUE: 'Ещё', BG_COLOR_TOKEN: 'primary', DISPLAY: 'LINE', BLOCK: 'Y' }] },
    });
  });
});

describe('Bitrix24 webhook: bad input', () => {
  const cases: [string, (s: ReturnType<typeof setup>) => request.Test, number, string][] = [
    ['wrong content type', (s) => s.post('{"event":"ONIMBOTMESSAGEADD"}', 'application/json'), 415, 'unsupported_media_type'],
    ['malformed form encoding', (s) => s.post('event=ONIMBOTMESSAGEADD&data%5BPARAMS%5D%5BMESSAGE%5D=%E0%A4%A'), 400, 'malformed_form'],
    ['a body over 64 KB', (s) => s.post(messageAdd({ text: 'я'.repeat(40_000) })), 413, 'body_too_large'],
    ['no event', (s) => s.post(form(auth())), 400, 'missing_field'],
    ['an unknown event', (s) => s.post(form([['event', 'ONSOMETHINGELSE'], ...auth()])), 400, 'unknown_event'],
    ['a message without MESSAGE_ID', (s) => s.post(messageAdd().replace(/data%5BPARAMS%5D%5BMESSAGE_ID%5D=84331&/, '')), 400, 'missing_field'],
    ['a message without a bot', (s) => s.post(messageAdd().replace(/data%5BBOT%5D%5B567%5D%5BBOT_ID%5D=567&/, '').replace(/data%5BPARAMS%5D%5BTO_USER_ID%5D=567&/, '')), 400, 'missing_field'],
  ];
  test.each(cases)('%s → 4xx with a clear JSON message, nothing sent', async (_n, make, status, code) => {
    const s = setup();
    const res = await make(s);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(code);
    expect(res.body.message).toEqual(expect.any(String));
    await s.router.idle();
    expect(s.sent).toHaveLength(0);
    expect(s.dialog.turns).toHaveLength(0);
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
