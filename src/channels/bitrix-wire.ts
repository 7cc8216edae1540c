/**
 * Bitrix24 bot event bodies (imbot v1 and Chatbots 2.0) → one normalised message shape, and replies
 * → BB-code text and keyboard buttons. Pure functions, no I/O: every mapping is tested on payloads
 * shaped like the portal's (protocols.md §3). `src/channels/bitrix-bot.ts` is the only user.
 */
import { pickObject, pickString, type PhpForm } from '../bitrix/php-form';
import type { BotButton } from '../bitrix/actions';
import type { Button, Reply } from '../dialog/types';
import { clip } from './common';
import { parseJsonSafe } from '../util/records';

/** imbot v1 bot events we converse on. */
export const V1_BOT_EVENTS = new Set(['ONIMBOTMESSAGEADD', 'ONIMCOMMANDADD', 'ONIMBOTJOINCHAT']);
/** Chatbots 2.0 bot events we converse on. */
export const V2_BOT_EVENTS = new Set(['ONIMBOTV2MESSAGEADD', 'ONIMBOTV2COMMANDADD', 'ONIMBOTV2JOINCHAT']);
/** The bot was deleted in the portal (v1 `data[BOT_ID]`, v2 `data[bot][id]`). */
export const BOT_DELETE_EVENTS = new Set(['ONIMBOTDELETE', 'ONIMBOTV2DELETE']);
/** Known events that need no answer: acknowledged and ignored (edits, deletions, reactions, context). */
export const IGNORED_EVENTS = new Set([
  'ONIMBOTMESSAGEUPDATE',
  'ONIMBOTMESSAGEDELETE',
  'ONIMBOTV2MESSAGEUPDATE',
  'ONIMBOTV2MESSAGEDELETE',
  'ONIMBOTV2REACTIONCHANGE',
  'ONIMBOTV2CONTEXTGET',
]);

/** Everything the adapter needs from a bot event, whichever API generation sent it. */
export interface BotEvent {
  kind: 'message' | 'join' | 'command';
  api: 1 | 2;
  botId: number;
  /** Where to answer: a user id (private chat) or "chat<ID>". */
  dialogId: string;
  /** Numeric chat id when known (open-line methods want it). */
  chatId?: number;
  fromUserId: number;
  text: string;
  /** Button payload, for presses of our keyboard-command buttons. */
  payload?: unknown;
  /** For de-duplication: the platform message id (join events have none). */
  messageId?: string;
  language?: string;
  /** Private chat with the bot (vs. a group chat or an open line). */
  isPrivate: boolean;
  isOpenLine: boolean;
  /** The author is an external open-line client, not a portal user. */
  isConnector: boolean;
  isBot: boolean;
  crm?: { entity: 'lead' | 'deal'; id: number };
}

/** A body the adapter cannot use: answered 400 with `code` before anything is handled. */
export class WireError extends Error {
  constructor(
    message: string,
    readonly code: 'missing_field' | 'unknown_event' = 'missing_field',
  ) {
    super(message);
    this.name = 'WireError';
  }
}

const int = (v: string | undefined): number | undefined => {
  if (v === undefined || !/^-?\d+$/.test(v.trim())) return undefined;
  return Number(v);
};
const yes = (v: string | undefined) => v === 'Y' || v === '1' || v === 'true';

function need(v: string | undefined, name: string): string {
  if (v === undefined || v === '') throw new WireError(`field "${name}" is required for this event`);
  return v;
}

/**
 * The CRM binding of a chat. `CHAT_ENTITY_DATA_2` alternates type|id
 * (`LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0`, 0 = not linked); `CHAT_ENTITY_DATA_1` holds the
 * entity at slots 1–2 (`Y|LEAD|1209|N|N|343|…`); CRM entity chats say `LEAD|123` in `CHAT_ENTITY_ID`.
 * A lead wins over a deal when both are bound.
 */
export function crmBinding(entityType?: string, entityId?: string, data1?: string, data2?: string): BotEvent['crm'] {
  const pick = (pairs: Map<string, number>): BotEvent['crm'] => {
    const lead = pairs.get('LEAD');
    if (lead && lead > 0) return { entity: 'lead', id: lead };
    const deal = pairs.get('DEAL');
    if (deal && deal > 0) return { entity: 'deal', id: deal };
    return undefined;
  };
  const pairsOf = (s: string | undefined, from = 0): Map<string, number> => {
    const out = new Map<string, number>();
    if (!s) return out;
    const parts = s.split('|');
    for (let i = from; i + 1 < parts.length; i += 2) {
      const id = int(parts[i + 1]);
      const type = parts[i]!.trim().toUpperCase();
      if (id !== undefined && !out.has(type)) out.set(type, id);
    }
    return out;
  };
  const fromData2 = pick(pairsOf(data2));
  if (fromData2) return fromData2;
  if (data1) {
    const p = data1.split('|');
    const fromData1 = pick(new Map([[String(p[1] ?? '').toUpperCase(), int(p[2]) ?? 0]]));
    if (fromData1) return fromData1;
  }
  if (entityType?.toUpperCase() === 'CRM' && entityId) return pick(pairsOf(entityId));
  return undefined;
}

/** Strip BB-code mentions and tags from an incoming message ("[USER=567]Bot[/USER], привет" → "привет"). */
export function plainText(message: string): string {
  return message
    .replace(/\[user=[^\]]*\][^[]*\[\/user\]/gi, ' ')
    .replace(/\[br\]/gi, '\n')
    .replace(/\[\/?[a-z]+(?:=[^\]]*)?\]/gi, '')
    .replace(/^[\s,:;]+/, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The reply as BB-code: «quoted titles» in bold, the card's title in bold above its lines. */
export function toBbCode(reply: Reply): string {
  const escape = (s: string) => s.replace(/\[/g, '(').replace(/\]/g, ')'); // user text must not open tags
  let text = escape(reply.text).replace(/«([^»]{1,200})»/g, '[b]«$1»[/b]');
  if (reply.card) text += `\n[b]${escape(reply.card.title)}[/b]\n${reply.card.lines.map(escape).join('\n')}`;
  return clip(text, 20_000);
}

/**
 * Reply buttons → bot keyboard buttons. A URL button opens the link. Otherwise, with `command` set
 * (the hidden command registered for our v1 bots, src/bitrix/bots.ts), the press comes back as
 * ONIMCOMMANDADD carrying `{"t": title, "p": payload}`; without it (Chatbots 2.0 bots, which we do
 * not register commands for) the button SENDs its title into the chat, which reads as the spoken answer.
 */
export function botButtonsOf(buttons: readonly Button[] | undefined, command?: string): BotButton[] | undefined {
  if (!buttons?.length) return undefined;
  return buttons.map((b, i): BotButton => {
    const text = clip(b.title, 64);
    if (b.url) return { text, link: b.url };
    const color: BotButton['color'] = i === 0 ? 'primary' : 'secondary';
    if (command) return { text, command, commandParams: JSON.stringify(b.payload === undefined ? { t: b.title } : { t: b.title, p: b.payload }), color };
    return { text, send: b.title, color };
  });
}

/**
 * Payload of a press of our keyboard command: `{"t": title, "p": payload}`; a bare title (buttons
 * sent by earlier versions carried only the title) reads as that title.
 */
function commandPayload(params: string | undefined): { text: string; payload?: unknown } | undefined {
  if (!params) return undefined;
  try {
    const v = parseJsonSafe(params);
    if (v && typeof v === 'object' && typeof (v as { t?: unknown }).t === 'string') {
      const o = v as { t: string; p?: unknown };
      return o.p === undefined ? { text: o.t } : { text: o.t, payload: o.p };
    }
  } catch {
    /* a bare title */
  }
  return { text: params };
}

/** What a command says: a press of our keyboard command reads as its button; any other command as its words. */
function commandTurn(command: string, params: string | undefined, buttonCommand?: string): { text: string; payload?: unknown } {
  const name = command.replace(/^\//, '');
  const press = name === buttonCommand?.replace(/^\//, '') ? commandPayload(params) : undefined;
  return press ?? { text: plainText(`${name} ${params ?? ''}`) };
}

/** First entry of `data[BOT]` / `data[COMMAND]` (keyed by id), preferring the one whose id matches. */
function entryOf(group: PhpForm | undefined, preferId?: string): PhpForm | undefined {
  if (!group) return undefined;
  if (preferId && typeof group[preferId] === 'object') return group[preferId] as PhpForm;
  for (const k of Object.keys(group)) if (typeof group[k] === 'object') return group[k] as PhpForm;
  return undefined;
}

/** imbot v1: ONIMBOTMESSAGEADD, ONIMCOMMANDADD, ONIMBOTJOINCHAT. */
export function decodeV1(event: string, form: PhpForm, buttonCommand?: string): BotEvent {
  const P = pickObject(form, 'data', 'PARAMS') ?? {};
  const p = (k: string) => pickString(P, k);
  const user = pickObject(form, 'data', 'USER');
  const kind: BotEvent['kind'] = event === 'ONIMBOTJOINCHAT' ? 'join' : event === 'ONIMCOMMANDADD' ? 'command' : 'message';
  const cmd = kind === 'command' ? entryOf(pickObject(form, 'data', 'COMMAND')) : undefined;
  const bot = entryOf(pickObject(form, 'data', 'BOT'), p('TO_USER_ID'));
  const botId = int(pickString(cmd, 'BOT_ID') ?? pickString(bot, 'BOT_ID') ?? p('BOT_ID'));
  if (botId === undefined) throw new WireError('field "data[BOT][<id>][BOT_ID]" (or data[PARAMS][BOT_ID]) is required');
  const dialogId = need(p('DIALOG_ID'), 'data[PARAMS][DIALOG_ID]');
  // ONIMBOTJOINCHAT: FROM_USER_ID is the bot itself (on-imbot-join-chat.md); the person is USER_ID.
  const fromUserId =
    (kind === 'join'
      ? int(p('USER_ID') ?? pickString(user, 'ID'))
      : int(p('FROM_USER_ID') ?? p('AUTHOR_ID') ?? p('USER_ID') ?? pickString(user, 'ID'))) ?? 0;
  const chatType = (p('MESSAGE_TYPE') ?? p('CHAT_TYPE') ?? '').toUpperCase();
  const entityType = p('CHAT_ENTITY_TYPE');
  const out: BotEvent = {
    kind,
    api: 1,
    botId,
    dialogId,
    fromUserId,
    text: '',
    isPrivate: chatType === 'P' || /^\d+$/.test(dialogId),
    isOpenLine: entityType?.toUpperCase() === 'LINES' || chatType === 'L',
    isConnector: yes(pickString(user, 'IS_CONNECTOR')),
    isBot: yes(pickString(user, 'IS_BOT')),
  };
  const chatId = int(p('CHAT_ID')) ?? (dialogId.startsWith('chat') ? int(dialogId.slice(4)) : undefined) ?? int(p('TO_CHAT_ID'));
  if (chatId !== undefined) out.chatId = chatId;
  const lang = p('LANGUAGE');
  if (lang) out.language = lang;
  const crm = crmBinding(entityType, p('CHAT_ENTITY_ID'), p('CHAT_ENTITY_DATA_1'), p('CHAT_ENTITY_DATA_2'));
  if (crm) out.crm = crm;
  if (kind === 'message') {
    out.messageId = need(p('MESSAGE_ID'), 'data[PARAMS][MESSAGE_ID]');
    out.text = plainText(need(p('MESSAGE'), 'data[PARAMS][MESSAGE]'));
  } else if (kind === 'command') {
    const command = need(pickString(cmd, 'COMMAND'), 'data[COMMAND][<id>][COMMAND]');
    const params = pickString(cmd, 'COMMAND_PARAMS');
    out.messageId = `${need(pickString(cmd, 'MESSAGE_ID') ?? p('MESSAGE_ID'), 'data[COMMAND][<id>][MESSAGE_ID]')}:${command}`;
    Object.assign(out, commandTurn(command, params, buttonCommand));
  }
  return out;
}

/** Chatbots 2.0: ONIMBOTV2MESSAGEADD, ONIMBOTV2COMMANDADD, ONIMBOTV2JOINCHAT (camelCase keys). */
export function decodeV2(event: string, form: PhpForm, buttonCommand?: string): BotEvent {
  const d = pickObject(form, 'data') ?? {};
  const kind: BotEvent['kind'] = event === 'ONIMBOTV2JOINCHAT' ? 'join' : event === 'ONIMBOTV2COMMANDADD' ? 'command' : 'message';
  const botId = int(pickString(d, 'bot', 'id'));
  if (botId === undefined) throw new WireError('field "data[bot][id]" is required');
  const chat = pickObject(d, 'chat');
  const user = pickObject(d, 'user');
  const authorId = int(pickString(d, 'message', 'authorId') ?? pickString(user, 'id')) ?? 0;
  const dialogId = pickString(d, 'dialogId') ?? pickString(chat, 'dialogId') ?? (authorId ? String(authorId) : undefined);
  const entityType = pickString(chat, 'entityType');
  const messageType = (pickString(chat, 'messageType') ?? '').toUpperCase();
  const out: BotEvent = {
    kind,
    api: 2,
    botId,
    dialogId: need(dialogId, 'data[chat][dialogId]'),
    fromUserId: authorId,
    text: '',
    isPrivate: messageType === 'P' || /^\d+$/.test(dialogId ?? ''),
    isOpenLine: entityType?.toUpperCase() === 'LINES' || messageType === 'L',
    isConnector: yes(pickString(user, 'connector')),
    isBot: yes(pickString(user, 'bot')),
  };
  const chatId = int(pickString(chat, 'id'));
  if (chatId !== undefined) out.chatId = chatId;
  const lang = pickString(d, 'language');
  if (lang) out.language = lang;
  const crm = crmBinding(entityType, pickString(chat, 'entityId'), pickString(chat, 'entityData1'), pickString(chat, 'entityData2'));
  if (crm) out.crm = crm;
  if (kind === 'message') {
    out.messageId = need(pickString(d, 'message', 'id'), 'data[message][id]');
    out.text = plainText(need(pickString(d, 'message', 'text'), 'data[message][text]'));
  } else if (kind === 'command') {
    const command = need(pickString(d, 'command', 'command'), 'data[command][command]');
    const params = pickString(d, 'command', 'params');
    out.messageId = `${need(pickString(d, 'message', 'id'), 'data[message][id]')}:${command}`;
    Object.assign(out, commandTurn(command, params, buttonCommand));
  }
  return out;
}
