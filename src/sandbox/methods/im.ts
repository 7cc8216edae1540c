/** `im.message.add`, `imbot.*` (v1) and the open-line bot session methods. */
import { Errors, RestError } from '../errors';
import { asList, asRecord } from '../php-query';
import type { BotRow, MessageRow } from '../portal';
import { int, param, str, type CallContext, type MethodDef } from './types';

const MAX_BOTS = 5;
const bad = (code: string, d: string) => new RestError(code, d, 400);

/** The app identity: the OAuth app's client id, or the webhook's `CLIENT_ID` (required there). */
function clientOf(c: CallContext): string {
  if (c.authType === 'oauth') return c.portal.app.clientId;
  const id = str(param(c, 'CLIENT_ID'));
  if (!id) throw Errors.accessDenied('Client ID not specified');
  return id;
}

function sizeOk(v: unknown): boolean {
  if (v === undefined) return true;
  return (typeof v === 'string' ? v : JSON.stringify(v)).length <= 30_000;
}

function record(c: CallContext, m: Omit<MessageRow, 'ID' | 'at'>): number {
  const id = c.portal.nextId('message', 84000);
  c.portal.messages.set(id, { ...m, ID: id, at: c.now() });
  return id;
}

function botFor(c: CallContext, client: string, required = false): BotRow {
  const given = int(param(c, 'BOT_ID'));
  if (given === undefined) {
    if (required) throw bad('BOT_ID_ERROR', 'Bot not found');
    const first = c.portal.bots.values().filter((b) => b.clientId === client).sort((a, b) => a.ID - b.ID)[0];
    if (!first) throw bad('BOT_ID_ERROR', 'Bot not found');
    return first;
  }
  const bot = c.portal.bots.get(given);
  if (!bot) throw bad('BOT_ID_ERROR', 'Bot not found');
  if (bot.clientId !== client) throw bad('APP_ID_ERROR', 'Bot was installed by another rest application');
  return bot;
}

function messageParams(c: CallContext) {
  const message = str(param(c, 'MESSAGE')).trim();
  const attach = param(c, 'ATTACH');
  const keyboard = param(c, 'KEYBOARD');
  const menu = param(c, 'MENU');
  if (!message && attach === undefined) throw bad('MESSAGE_EMPTY', 'Message can\'t be empty');
  if (!sizeOk(attach)) throw bad('ATTACH_OVERSIZE', 'You have exceeded the maximum allowable size of attach');
  if (!sizeOk(keyboard)) throw bad('KEYBOARD_OVERSIZE', 'You have exceeded the maximum allowable size of keyboard');
  if (!sizeOk(menu)) throw bad('MENU_OVERSIZE', 'You have exceeded the maximum allowable size of menu');
  return { message, extra: { ATTACH: attach, KEYBOARD: keyboard, MENU: menu, SYSTEM: param(c, 'SYSTEM'), URL_PREVIEW: param(c, 'URL_PREVIEW') } };
}

export const imMethods: Record<string, MethodDef> = {
  'im.message.add': {
    scope: 'im',
    handler: (c) => {
      const dialogId = str(param(c, 'DIALOG_ID'));
      if (!dialogId) throw bad('USER_ID_EMPTY', 'Recipient not specified');
      if (/^\d+$/.test(dialogId) && !c.portal.user(Number(dialogId))) throw bad('USER_NOT_FOUND', 'User not found');
      const { message, extra } = messageParams(c);
      return record(c, { kind: 'im', fromUserId: c.userId, dialogId, message, params: extra });
    },
  },
  // The latest messages of a private dialog between the token's user and DIALOG_ID (a user id),
  // newest first, each with its `author_id` — how a test reads who wrote a message.
  'im.dialog.messages.get': {
    scope: 'im',
    handler: (c) => {
      const dialogId = str(param(c, 'DIALOG_ID'));
      if (!/^\d+$/.test(dialogId)) throw bad('DIALOG_ID_EMPTY', 'Dialog ID can\'t be empty');
      const other = Number(dialogId);
      if (!c.portal.user(other)) throw bad('USER_NOT_FOUND', 'User not found');
      const limit = Math.min(50, Math.max(1, int(param(c, 'LIMIT')) ?? 20));
      const me = c.userId;
      const chatId = 1000 + Math.min(me, other) * 100 + Math.max(me, other);
      const rows = c.portal.messages.values()
        .filter((m) => m.kind === 'im' && ((m.fromUserId === me && m.dialogId === String(other)) || (m.fromUserId === other && m.dialogId === String(me))))
        .sort((a, b) => b.ID - a.ID)
        .slice(0, limit);
      const users = [...new Set([me, other])].map((id) => c.portal.user(id)!).map((u) => ({ id: u.id, name: `${u.name} ${u.lastName}`, first_name: u.name, last_name: u.lastName }));
      return {
        chat_id: chatId,
        messages: rows.map((m) => ({ id: m.ID, chat_id: chatId, author_id: m.fromUserId, date: new Date(m.at).toISOString(), text: m.message, params: {} })),
        users,
      };
    },
  },
  'imbot.register': {
    scope: 'imbot',
    handler: (c) => {
      const client = clientOf(c);
      const code = str(param(c, 'CODE')).trim();
      if (!code) throw bad('CODE_ERROR', 'Bot code isn\'t specified');
      const common = str(param(c, 'EVENT_HANDLER'));
      const handlers = {
        EVENT_MESSAGE_ADD: str(param(c, 'EVENT_MESSAGE_ADD')) || common,
        EVENT_MESSAGE_UPDATE: str(param(c, 'EVENT_MESSAGE_UPDATE')) || common,
        EVENT_MESSAGE_DELETE: str(param(c, 'EVENT_MESSAGE_DELETE')) || common,
        EVENT_WELCOME_MESSAGE: str(param(c, 'EVENT_WELCOME_MESSAGE')) || common,
        EVENT_BOT_DELETE: str(param(c, 'EVENT_BOT_DELETE')) || common,
      };
      for (const k of ['EVENT_MESSAGE_ADD', 'EVENT_WELCOME_MESSAGE', 'EVENT_BOT_DELETE'] as const) {
        if (!/^https?:\/\//.test(handlers[k])) throw bad(`${k}_ERROR`, `Handler for "${k}" isn't specified`);
      }
      const props = asRecord(param(c, 'PROPERTIES'));
      if (!str(props.NAME) && !str(props.LAST_NAME)) throw bad('NAME_ERROR', 'Bot name isn\'t specified');
      const existing = c.portal.bots.values().find((b) => b.CODE === code);
      if (existing) {
        if (existing.clientId !== client) throw bad('CODE_ERROR', 'Bot with this code is already registered');
        return existing.ID;
      }
      const mine = c.portal.bots.values().filter((b) => b.clientId === client);
      if (mine.length >= MAX_BOTS) throw bad('MAX_COUNT_ERROR', 'Has reached the maximum number of bots for application');
      // All bots of one app share their handler URLs.
      const other = mine[0];
      if (other && other.handlers.EVENT_MESSAGE_ADD !== handlers.EVENT_MESSAGE_ADD)
        throw bad('EVENT_MESSAGE_ADD_ERROR', 'All bots of one application must use the same handler');
      const type = str(param(c, 'TYPE')) || 'B';
      const id = c.portal.nextId('bot', 1000);
      c.portal.bots.set(id, {
        ID: id, CODE: code, TYPE: type, OPENLINE: type === 'O' ? 'Y' : str(param(c, 'OPENLINE')) || 'N',
        clientId: client, handlers, properties: props,
      });
      return id;
    },
  },
  'imbot.unregister': {
    scope: 'imbot',
    handler: (c) => {
      const bot = botFor(c, clientOf(c), true);
      c.portal.bots.delete(bot.ID);
      for (const cmd of c.portal.commands.values()) if (cmd.BOT_ID === bot.ID) c.portal.commands.delete(cmd.ID);
      c.events.botDeleted(bot);
      return true;
    },
  },
  'imbot.bot.list': {
    scope: 'imbot',
    handler: (c) => Object.fromEntries(c.portal.bots.values().map((b) => [String(b.ID), {
      ID: String(b.ID), NAME: str(b.properties.NAME) || str(b.properties.LAST_NAME), CODE: b.CODE, OPENLINE: b.OPENLINE,
    }])),
  },
  'imbot.message.add': {
    scope: 'imbot',
    handler: (c) => {
      const bot = botFor(c, clientOf(c));
      const from = int(param(c, 'FROM_USER_ID'));
      const to = int(param(c, 'TO_USER_ID'));
      const dialogId = from !== undefined && to !== undefined ? String(to) : str(param(c, 'DIALOG_ID'));
      if (!dialogId) throw bad('DIALOG_ID_EMPTY', 'Dialog ID can\'t be empty');
      const { message, extra } = messageParams(c);
      return record(c, { kind: 'imbot', fromUserId: bot.ID, botId: bot.ID, dialogId, message, params: extra });
    },
  },
  // Chatbots 2.0 reply `imbot.v2.Chat.Message.send` (protocols.md §3.11): camelCase params, the text
  // under fields.message. Keyed lower-case: the sandbox looks methods up case-insensitively.
  'imbot.v2.chat.message.send': {
    scope: 'imbot',
    handler: (c) => {
      const client = clientOf(c);
      const botId = int(param(c, 'botId'));
      if (botId === undefined) throw bad('BOT_ID_ERROR', 'Bot not found');
      const bot = c.portal.bots.get(botId);
      if (!bot) throw bad('BOT_ID_ERROR', 'Bot not found');
      if (bot.clientId !== client) throw bad('APP_ID_ERROR', 'Bot was installed by another rest application');
      const dialogId = str(param(c, 'dialogId'));
      if (!dialogId) throw bad('DIALOG_ID_EMPTY', 'Dialog ID can\'t be empty');
      const fields = asRecord(param(c, 'fields'));
      const message = str(fields.message).trim();
      if (!message) throw bad('MESSAGE_EMPTY', 'Message can\'t be empty');
      if (!sizeOk(fields.keyboard)) throw bad('KEYBOARD_OVERSIZE', 'You have exceeded the maximum allowable size of keyboard');
      return record(c, { kind: 'imbot', fromUserId: bot.ID, botId: bot.ID, dialogId, message, params: { api: 2, ...(fields.keyboard !== undefined ? { KEYBOARD: fields.keyboard } : {}) } });
    },
  },
  'imbot.command.register': {
    scope: 'imbot',
    handler: (c) => {
      const client = clientOf(c);
      const bot = botFor(c, client, true);
      const command = str(param(c, 'COMMAND')).trim();
      if (!/^[A-Za-z0-9_-]+$/.test(command)) throw bad('COMMAND_ERROR', 'Command isn\'t specified');
      const handler = str(param(c, 'EVENT_COMMAND_ADD'));
      if (!/^https?:\/\//.test(handler)) throw bad('EVENT_COMMAND_ADD', 'Handler for "Command add" event isn\'t specified');
      const lang = asList(param(c, 'LANG'));
      if (!lang.length) throw bad('LANG_ERROR', 'Lang set can\'t be empty');
      const dup = c.portal.commands.values().find((x) => x.BOT_ID === bot.ID && x.COMMAND === command);
      if (dup) return dup.ID;
      const id = c.portal.nextId('command', 1);
      c.portal.commands.set(id, { ID: id, BOT_ID: bot.ID, COMMAND: command, handler, COMMON: str(param(c, 'COMMON')) || 'N',
        HIDDEN: str(param(c, 'HIDDEN')) || 'N', LANG: lang, clientId: client });
      return id;
    },
  },
  'imbot.command.unregister': {
    scope: 'imbot',
    handler: (c) => {
      const id = int(param(c, 'COMMAND_ID'));
      const cmd = id === undefined ? undefined : c.portal.commands.get(id);
      if (!cmd) throw bad('COMMAND_ID_ERROR', 'Command not found');
      if (cmd.clientId !== clientOf(c)) throw bad('APP_ID_ERROR', 'Command was installed by another rest application');
      c.portal.commands.delete(cmd.ID);
      return true;
    },
  },
  'imbot.command.answer': {
    scope: 'imbot',
    handler: (c) => {
      const client = clientOf(c);
      const id = int(param(c, 'COMMAND_ID'));
      const name = str(param(c, 'COMMAND'));
      const cmd = c.portal.commands.values().find((x) => (id !== undefined ? x.ID === id : x.COMMAND === name) && x.clientId === client);
      if (!cmd) throw bad('COMMAND_ID_ERROR', 'Command not found');
      const messageId = int(param(c, 'MESSAGE_ID'));
      const original = messageId === undefined ? undefined : c.portal.messages.get(messageId);
      if (!original) throw bad('MESSAGE_ID_ERROR', 'Message not found');
      const { message, extra } = messageParams(c);
      return record(c, { kind: 'command.answer', fromUserId: cmd.BOT_ID, botId: cmd.BOT_ID, dialogId: original.dialogId, message, params: extra });
    },
  },
  'imbot.chat.get': {
    scope: 'imbot',
    handler: (c) => {
      const chatId = int(param(c, 'CHAT_ID'));
      if (chatId === undefined) throw bad('CHAT_ID_ERROR', 'Chat ID can\'t be empty');
      return { ID: String(chatId), TYPE: 'L', NAME: `Open line chat ${chatId}`, ENTITY_TYPE: 'LINES' };
    },
  },
};

function openline(name: string, extra?: (c: CallContext) => void): MethodDef {
  return {
    scope: 'imopenlines',
    handler: (c) => {
      const chatId = int(param(c, 'CHAT_ID'));
      if (chatId === undefined) throw bad('CHAT_ID_EMPTY', 'Chat ID can\'t be empty');
      extra?.(c);
      record(c, { kind: 'openline', fromUserId: c.userId, dialogId: `chat${chatId}`, message: name,
        params: Object.fromEntries(Object.entries(c.params).filter(([k]) => k !== 'auth')) });
      return true;
    },
  };
}

export const openlineMethods: Record<string, MethodDef> = {
  'imopenlines.bot.session.operator': openline('operator'),
  'imopenlines.bot.session.transfer': openline('transfer', (c) => {
    if (param(c, 'USER_ID') === undefined && param(c, 'QUEUE_ID') === undefined && param(c, 'TRANSFER_ID') === undefined)
      throw bad('WRONG_REQUEST', 'Transfer target isn\'t specified');
  }),
  'imopenlines.bot.session.finish': openline('finish'),
  'imopenlines.bot.session.message.send': openline('message.send', (c) => {
    const name = str(param(c, 'NAME')) || 'DEFAULT';
    if (!['WELCOME', 'DEFAULT'].includes(name)) throw bad('WRONG_REQUEST', 'Unknown message name');
  }),
  'imopenlines.session.intercept': openline('intercept'),
};

export const asMessages = (rows: MessageRow[]) => rows.map((r) => ({ ...r, params: asRecord(r.params) }));
