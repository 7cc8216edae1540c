/**
 * Events from the portal to the app, the way a real portal sends them: one POST per handler,
 * `application/x-www-form-urlencoded` with PHP bracket keys, every value a string, no retries.
 * Delivery failures are recorded in `deliveries`, never thrown at the caller.
 */
import { buildPhpQuery } from './php-query';
import type { BotRow, Portal } from './portal';

export interface Delivery {
  event: string;
  url: string;
  status: number; // 0 = network error
  body: string;
  at: number;
}

export interface BotMessageInput {
  /** Who writes to the bot (a portal user id). */
  fromUserId: number;
  text: string;
  botId?: number;
  /** `P` private chat (default), `C` group chat, `L` open line. */
  chatType?: 'P' | 'C' | 'L';
  chatId?: number;
  /** Open lines: the CRM lead the session is bound to. */
  leadId?: number;
  sessionId?: number;
  language?: string;
  /** The message is already stored under this id (im.message.add to the bot's dialog); do not store it again. */
  messageId?: number;
}

export class EventSender {
  readonly deliveries: Delivery[] = [];
  constructor(
    private readonly portal: Portal,
    private readonly baseUrl: () => string,
    private readonly now: () => number,
  ) {}

  /** The `auth[...]` block; tokens only when a user is tied to the event. */
  auth(userId: number | undefined, withTokens: boolean): Record<string, string> {
    const base = this.baseUrl();
    const auth: Record<string, string> = {};
    if (withTokens && userId) {
      const { access, refresh } = this.portal.issueTokens(userId);
      Object.assign(auth, {
        access_token: access.token, expires: String(access.expires), expires_in: String(this.portal.opts.accessTokenTtlSeconds),
        scope: this.portal.opts.scope.join(','),
      });
      Object.assign(auth, { domain: this.domain(), server_endpoint: `${base}/rest/`, status: 'L', client_endpoint: `${base}/rest/`,
        member_id: this.portal.app.memberId, user_id: String(userId), refresh_token: refresh.token });
    } else {
      Object.assign(auth, { domain: this.domain(), server_endpoint: `${base}/rest/`, status: 'L', client_endpoint: `${base}/rest/`,
        member_id: this.portal.app.memberId });
    }
    auth.application_token = this.portal.app.applicationToken;
    return auth;
  }

  domain(): string {
    return new URL(this.baseUrl()).host;
  }

  async post(event: string, url: string, payload: Record<string, unknown>): Promise<Delivery> {
    const body = buildPhpQuery(payload);
    let status = 0;
    try {
      const res = await fetch(url, {
        method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Bitrix24 Webhook Engine' },
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch {
      status = 0;
    }
    const d = { event, url, status, body, at: this.now() };
    this.deliveries.push(d);
    return d;
  }

  private ts(): string {
    return String(Math.floor(this.now() / 1000));
  }

  /** ONAPPINSTALL to the app's handler, with a fresh token pair for `userId`. */
  async install(handlerUrl: string, userId: number): Promise<Delivery> {
    this.portal.app.installed = true;
    this.portal.app.handlerUrl = handlerUrl;
    this.portal.saveApp();
    const auth = this.auth(userId, true);
    delete auth.expires; // ONAPPINSTALL has expires_in but no expires (protocols.md §6.3)
    delete auth.user_id; // …and no user_id (on-app-install.md): an app learns its installer by asking the portal
    return this.post('ONAPPINSTALL', handlerUrl, {
      event: 'ONAPPINSTALL', event_handler_id: '0',
      data: { VERSION: this.portal.app.version, ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: 'ru' },
      ts: this.ts(), auth,
    });
  }

  /** Any event to every handler bound to it with event.bind. */
  async emit(event: string, data: Record<string, unknown>, userId?: number): Promise<Delivery[]> {
    const name = event.toUpperCase();
    const out: Delivery[] = [];
    for (const b of this.portal.bindings.values().filter((x) => x.event === name && x.eventType === 'online')) {
      out.push(await this.post(name, b.handler, {
        event: name, event_handler_id: String(b.ID), data, ts: this.ts(), auth: this.auth(b.authType || userId, userId !== undefined || b.authType > 0),
      }));
    }
    return out;
  }

  private botBlock(bot: BotRow): Record<string, unknown> {
    const minimal = { domain: this.domain(), member_id: this.portal.app.memberId, application_token: this.portal.app.applicationToken };
    return { ...minimal, AUTH: minimal, BOT_ID: String(bot.ID), BOT_CODE: bot.CODE };
  }

  private userBlock(userId: number): Record<string, unknown> {
    const u = this.portal.user(userId);
    if (!u) return { ID: String(userId) };
    return { ID: String(u.id), NAME: `${u.name} ${u.lastName}`, FIRST_NAME: u.name, LAST_NAME: u.lastName, WORK_POSITION: u.workPosition,
      GENDER: u.gender, IS_BOT: 'N', IS_CONNECTOR: 'N', IS_NETWORK: 'N', IS_EXTRANET: 'N' };
  }

  /**
   * A user writes to a bot: ONIMBOTMESSAGEADD to the bot's EVENT_MESSAGE_ADD, or ONIMCOMMANDADD
   * to the command's handler when the text is `/command …` and the command is registered.
   */
  async botMessage(input: BotMessageInput): Promise<{ messageId: number; delivery: Delivery }> {
    const bots = this.portal.bots.values().sort((a, b) => a.ID - b.ID);
    const bot = input.botId !== undefined ? this.portal.bots.get(input.botId) : bots[0];
    if (!bot) throw new Error(`no bot ${input.botId ?? ''} registered in the sandbox`);
    const chatType = input.chatType ?? 'P';
    const chatId = input.chatId ?? (chatType === 'P' ? 2000 + input.fromUserId : 3000);
    const dialogId = chatType === 'P' ? String(input.fromUserId) : `chat${chatId}`;
    const messageId = input.messageId ?? this.portal.nextId('message', 84000);
    if (input.messageId === undefined) {
      this.portal.messages.set(messageId, { ID: messageId, kind: 'im', fromUserId: input.fromUserId, dialogId: chatType === 'P' ? String(bot.ID) : dialogId,
        message: input.text, params: { incoming: true }, at: this.now() });
    }
    // A bot gets the events of the API it was registered with only (chat-bots-v2/migration.md).
    if (bot.api === 2) return { messageId, delivery: await this.v2Message(bot, input, chatType, chatId, dialogId, messageId) };
    const params: Record<string, unknown> = {
      MESSAGE: input.text, TEMPLATE_ID: '', MESSAGE_TYPE: chatType, FROM_USER_ID: String(input.fromUserId), DIALOG_ID: dialogId,
      TO_CHAT_ID: String(chatId), AUTHOR_ID: String(input.fromUserId), SYSTEM: 'N', TO_USER_ID: chatType === 'L' ? '0' : String(bot.ID),
      CHAT_TYPE: chatType, MESSAGE_ID: String(messageId), LANGUAGE: input.language ?? this.portal.opts.language, COMMAND_CONTEXT: 'TEXTAREA', PLATFORM_CONTEXT: 'web',
    };
    if (chatType !== 'P') {
      Object.assign(params, { CHAT_ID: String(chatId), CHAT_TITLE: chatType === 'L' ? 'Open line chat' : 'Group chat', CHAT_AUTHOR_ID: String(input.fromUserId),
        MESSAGE_ORIGINAL: chatType === 'C' ? `[USER=${bot.ID}]${String(bot.properties.NAME ?? 'Bot')}[/USER] ${input.text}` : input.text });
    }
    if (chatType === 'L') {
      const lead = input.leadId ?? 0;
      const session = input.sessionId ?? chatId;
      Object.assign(params, {
        CHAT_ENTITY_TYPE: 'LINES', CHAT_ENTITY_ID: `livechat|1|${chatId}|${input.fromUserId}`,
        CHAT_ENTITY_DATA_1: `${lead ? 'Y' : 'N'}|LEAD|${lead}|N|N|${session}|${this.ts()}|0|0|0`,
        CHAT_ENTITY_DATA_2: `LEAD|${lead}|COMPANY|0|CONTACT|0|DEAL|0`, CHAT_ENTITY_DATA_3: 'N',
      });
    }
    const user = this.userBlock(input.fromUserId);
    if (chatType === 'L') user.IS_CONNECTOR = 'Y';
    const auth = this.auth(input.fromUserId, true);

    const cmd = /^\/(\S+)\s*([\s\S]*)$/.exec(input.text.trim());
    const command = cmd ? this.portal.commands.values().find((x) => x.BOT_ID === bot.ID && x.COMMAND === cmd[1]) : undefined;
    if (command && cmd) {
      const delivery = await this.post('ONIMCOMMANDADD', command.handler, {
        event: 'ONIMCOMMANDADD', event_handler_id: '0',
        data: { COMMAND: { [String(command.ID)]: { ...this.botBlock(bot), COMMAND: command.COMMAND, COMMAND_ID: String(command.ID),
          COMMAND_PARAMS: cmd[2], COMMAND_CONTEXT: 'TEXTAREA', MESSAGE_ID: String(messageId) } }, PARAMS: params, USER: user },
        ts: this.ts(), auth,
      });
      return { messageId, delivery };
    }
    const delivery = await this.post('ONIMBOTMESSAGEADD', bot.handlers.EVENT_MESSAGE_ADD!, {
      event: 'ONIMBOTMESSAGEADD', event_handler_id: '0',
      data: { BOT: { [String(bot.ID)]: this.botBlock(bot) }, PARAMS: params, USER: user }, ts: this.ts(), auth,
    });
    return { messageId, delivery };
  }

  /** ONIMBOTJOINCHAT (v1) / ONIMBOTV2JOINCHAT (Chatbots 2.0): a user opens a dialog with the bot. */
  async botJoin(botId: number, userId: number): Promise<Delivery> {
    const bot = this.portal.bots.get(botId);
    if (!bot) throw new Error(`no bot ${botId} registered in the sandbox`);
    if (bot.api === 2) {
      return this.post('ONIMBOTV2JOINCHAT', bot.handlers.webhookUrl!, {
        event: 'ONIMBOTV2JOINCHAT', event_handler_id: '0',
        data: { bot: this.v2Bot(bot, userId), dialogId: String(userId), chat: this.v2Chat(2000 + userId, String(userId), 'P', bot.ID), user: this.v2User(userId),
          language: this.portal.opts.language },
        ts: this.ts(), auth: this.auth(userId, true),
      });
    }
    // on-imbot-join-chat.md (private chat): USER_ID and TO_USER_ID are the person, FROM_USER_ID is the bot.
    return this.post('ONIMBOTJOINCHAT', bot.handlers.EVENT_WELCOME_MESSAGE!, {
      event: 'ONIMBOTJOINCHAT', event_handler_id: '0',
      data: { BOT: { [String(bot.ID)]: this.botBlock(bot) }, PARAMS: { CHAT_TYPE: 'P', MESSAGE_TYPE: 'P', BOT_ID: String(bot.ID), USER_ID: String(userId),
        TO_USER_ID: String(userId), FROM_USER_ID: String(bot.ID), DIALOG_ID: String(userId), LANGUAGE: this.portal.opts.language },
      USER: this.userBlock(userId) },
      ts: this.ts(), auth: this.auth(userId, true),
    });
  }

  // ---- Chatbots 2.0 (imbot.v2/events/events.md; webhook mode: bot = {id, code, auth}) ----

  private v2Bot(bot: BotRow, userId: number): Record<string, unknown> {
    const a = this.auth(userId, true);
    return { id: String(bot.ID), code: bot.CODE, auth: a };
  }

  private v2Chat(chatId: number, dialogId: string, type: 'P' | 'C' | 'L', owner: number): Record<string, unknown> {
    return { id: String(chatId), dialogId, type: type === 'P' ? 'private' : type === 'L' ? 'lines' : 'chat', name: '',
      entityType: type === 'L' ? 'LINES' : '', owner: String(owner), avatar: '', color: '#ab7761' };
  }

  private v2User(userId: number): Record<string, unknown> {
    const u = this.portal.user(userId);
    if (!u) return { id: String(userId) };
    return { id: String(u.id), active: '1', name: `${u.name} ${u.lastName}`, firstName: u.name, lastName: u.lastName, workPosition: u.workPosition,
      gender: u.gender, bot: '0', connector: '0', extranet: '0', type: 'employee' };
  }

  private async v2Message(bot: BotRow, input: BotMessageInput, chatType: 'P' | 'C' | 'L', chatId: number, dialogId: string, messageId: number): Promise<Delivery> {
    const user = this.v2User(input.fromUserId);
    if (chatType === 'L') user.connector = '1';
    return this.post('ONIMBOTV2MESSAGEADD', bot.handlers.webhookUrl!, {
      event: 'ONIMBOTV2MESSAGEADD', event_handler_id: '0',
      data: {
        bot: this.v2Bot(bot, input.fromUserId),
        message: { id: String(messageId), chatId: String(chatId), authorId: String(input.fromUserId), date: new Date(this.now()).toISOString(),
          text: input.text, isSystem: '0', uuid: '', forward: '', viewedByOthers: '0' },
        chat: this.v2Chat(chatId, dialogId, chatType, chatType === 'P' ? bot.ID : input.fromUserId),
        user, language: input.language ?? this.portal.opts.language,
      },
      ts: this.ts(), auth: this.auth(input.fromUserId, true),
    });
  }

  /** ONIMBOTDELETE after imbot.unregister (fire and forget, like the portal's queue). */
  botDeleted(bot: BotRow): void {
    const url = bot.handlers.EVENT_BOT_DELETE;
    if (!url) return;
    void this.post('ONIMBOTDELETE', url, { event: 'ONIMBOTDELETE', event_handler_id: '0',
      data: { BOT_ID: String(bot.ID), BOT_CODE: bot.CODE }, ts: this.ts(), auth: this.auth(undefined, false) });
  }
}
