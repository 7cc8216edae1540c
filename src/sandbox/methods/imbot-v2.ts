/**
 * Chatbots 2.0 (`imbot.v2.*`, bitrix-tools/b24-rest-docs api-reference/chat-bots/chat-bots-v2):
 * `imbot.v2.Bot.register` (bots/bot-register.md) and `imbot.v2.Chat.Message.send`
 * (messages/chat-message-send.md), with their own error codes. Through a webhook every call needs
 * the `botToken` given at registration. Keys are lower-case: the sandbox looks methods up
 * case-insensitively. A portal without Chatbots 2.0 is a sandbox created with `chatbotsV2: false`.
 */
import { tr } from '../errors';
import { asRecord } from '../php-query';
import type { BotRow, MessageRow } from '../portal';
import { int, isYes, param, str, type CallContext, type MethodDef } from './types';

const MAX_MESSAGE = 20_000;
const MAX_BOTS = 100; // bot-register.md: BOT_LIMIT_EXCEEDED "(100 ботов)"
const bad = (code: string, en: string, ru: string, status = 400) => tr(code, en, ru, status);

/** Who is calling: the OAuth app, or a webhook that proves the bot with its botToken. */
function appOf(c: CallContext): { clientId: string; botToken?: string } {
  if (c.authType === 'oauth') return { clientId: c.portal.app.clientId };
  const botToken = str(param(c, 'botToken'));
  if (!botToken) throw bad('BOT_TOKEN_NOT_SPECIFIED', 'Bot token is not specified', 'Не указан токен бота');
  return { clientId: `webhook:${botToken}`, botToken };
}

function botOut(b: BotRow): Record<string, unknown> {
  return { id: b.ID, code: b.CODE, type: b.TYPE, isHidden: false, isSupportOpenline: b.OPENLINE === 'Y', isReactionsEnabled: true,
    backgroundId: null, language: 'ru', moduleId: 'rest', appId: b.clientId, eventMode: b.eventMode ?? 'fetch',
    countMessage: 0, countCommand: 0, countChat: 0, countUser: 0 };
}

function record(c: CallContext, m: Omit<MessageRow, 'ID' | 'at'>): number {
  const id = c.portal.nextId('message', 84000);
  c.portal.messages.set(id, { ...m, ID: id, at: c.now() });
  return id;
}

export const imbotV2Methods: Record<string, MethodDef> = {
  'imbot.v2.bot.register': {
    scope: 'imbot',
    handler: (c) => {
      const app = appOf(c);
      const fields = asRecord(param(c, 'fields'));
      const code = str(fields.code).trim();
      if (!code) throw bad('BOT_CODE_REQUIRED', 'Bot code is required', 'Не указан код бота');
      const props = asRecord(fields.properties);
      if (!str(props.name).trim()) throw bad('BOT_PROPERTIES_REQUIRED', 'Bot properties are required', 'Не указаны свойства бота');
      const type = str(fields.type) || 'bot';
      if (!['bot', 'supervisor', 'personal', 'openline'].includes(type)) throw bad('BOT_INVALID_TYPE', 'Invalid bot type', 'Невалидный тип бота');
      const eventMode = str(fields.eventMode) || 'fetch';
      if (!['fetch', 'webhook'].includes(eventMode)) throw bad('BOT_INVALID_EVENT_MODE', 'Invalid event mode', 'Невалидный режим доставки событий');
      const webhookUrl = str(fields.webhookUrl);
      if (eventMode === 'webhook' && !webhookUrl) throw bad('BOT_WEBHOOK_URL_REQUIRED', 'Webhook URL is required', 'Не указан URL обработчика');
      if (webhookUrl && !/^https?:\/\//.test(webhookUrl)) throw bad('BOT_INVALID_CALLBACK', 'Invalid callback URL', 'Невалидный URL обработчика');
      // Idempotent per code and app: the existing bot, unchanged (bot-register.md).
      const existing = c.portal.bots.values().find((b) => b.CODE === code);
      if (existing) {
        if (existing.clientId !== app.clientId) throw bad('BOT_CODE_ALREADY_TAKEN', 'Bot code is already taken', 'Код бота уже занят');
        return { bot: botOut(existing), users: [] };
      }
      if (c.portal.bots.values().filter((b) => b.clientId === app.clientId).length >= MAX_BOTS) throw bad('BOT_LIMIT_EXCEEDED', 'Bot limit exceeded', 'Превышен лимит ботов');
      const id = c.portal.nextId('bot', 1000);
      const openline = isYes(fields.isSupportOpenline) || type === 'openline';
      const row: BotRow = { ID: id, CODE: code, TYPE: type, OPENLINE: openline ? 'Y' : 'N', clientId: app.clientId,
        handlers: eventMode === 'webhook' ? { webhookUrl } : {}, properties: { NAME: str(props.name), WORK_POSITION: str(props.workPosition), COLOR: str(props.color) },
        api: 2, eventMode, ...(app.botToken ? { botToken: app.botToken } : {}) };
      c.portal.bots.set(id, row);
      const u = { id, active: true, name: str(props.name), firstName: str(props.name), lastName: str(props.lastName), workPosition: str(props.workPosition),
        color: str(props.color) || '#df532d', avatar: '', gender: str(props.gender) || 'M', bot: true, type: 'bot' };
      return { bot: botOut(row), users: [u] };
    },
  },
  'imbot.v2.chat.message.send': {
    scope: 'imbot',
    handler: (c) => {
      const app = appOf(c);
      const botId = int(param(c, 'botId'));
      if (botId === undefined) throw bad('BOT_ID_REQUIRED', 'Bot ID is required', 'Не указан ID бота');
      const bot = c.portal.bots.get(botId);
      if (!bot) throw bad('BOT_NOT_FOUND', 'Bot not found', 'Бот не найден');
      if (bot.clientId !== app.clientId) throw bad('BOT_OWNERSHIP_ERROR', 'Bot is registered by another application', 'Бот зарегистрирован другим приложением');
      const dialogId = str(param(c, 'dialogId'));
      if (!dialogId) throw bad('SENDING_FAILED', 'Sending failed', 'Ошибка отправки сообщения');
      const fields = asRecord(param(c, 'fields'));
      let message = str(fields.message).trim();
      if (!message && fields.attach === undefined) throw bad('EMPTY_MESSAGE', 'Message is empty', 'Пустое сообщение');
      // chat-message-send.md: longer text is cut, with " (...)" appended.
      if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE)} (...)`;
      const id = record(c, { kind: 'imbot', fromUserId: bot.ID, botId: bot.ID, dialogId, message,
        params: { api: 2, ...(fields.keyboard !== undefined ? { KEYBOARD: fields.keyboard } : {}) } });
      return { id, uuidMap: {} };
    },
  },
};
