/**
 * The Bitrix24 messenger bot and open-lines bot: imbot v1 (ONIMBOTMESSAGEADD, ONIMCOMMANDADD,
 * ONIMBOTJOINCHAT, protocols.md §3.5–3.9) and Chatbots 2.0 (ONIMBOTV2MESSAGEADD,
 * ONIMBOTV2COMMANDADD, ONIMBOTV2JOINCHAT, §3.11). Events reach this handler from `bitrixAppRouter`
 * (src/channels/bitrix-app.ts) already authenticated by the top-level `auth[application_token]`.
 *
 * `accept` decodes the body at once (a body we cannot use is a `WireError` → 400), drops
 * re-deliveries by message id, and starts the work in the background: the router answers 200 before
 * the dialogue runs (the portal's queue does not wait and does not retry). Replies go out through
 * `send` — `imbot.message.add` for a v1 event, `imbot.v2.Chat.Message.send` for a v2 one — each
 * at most once per key. Buttons are the hidden `answer` command (v1) or SEND buttons (v2).
 *
 * Open lines: the bot greets a client once per chat when it joins (text from intents/common.yaml).
 * When to hand the chat to an operator is the dialogue's policy (src/dialog/steps.ts); the channel
 * only turns a reply's `handOff` into `imopenlines.bot.session.operator`. An open-line client is an
 * outsider: the turn carries no portal account, only the portal's member id.
 */
import type { PhpForm } from '../bitrix/php-form';
import { pickString } from '../bitrix/php-form';
import type { BotButton } from '../bitrix/actions';
import { ANSWER_COMMAND } from '../bitrix/bots';
import type { Install } from '../store/types';
import type { Dialog, Reply, Turn } from '../dialog/types';
import { loadTexts, type Texts } from '../dialog/texts';
import { BoundedSet, langOf, zoneOf, type ChannelLog } from './common';
import {
  BOT_DELETE_EVENTS,
  IGNORED_EVENTS,
  V1_BOT_EVENTS,
  V2_BOT_EVENTS,
  WireError,
  botButtonsOf,
  decodeV1,
  decodeV2,
  toBbCode,
  type BotEvent,
} from './bitrix-wire';

export { ANSWER_COMMAND };
export { crmBinding } from './bitrix-wire';

export interface BotOutgoing {
  /** 1: imbot.message.add; 2: imbot.v2.Chat.Message.send. */
  api: 1 | 2;
  botId: number;
  dialogId: string;
  text: string;
  buttons?: BotButton[];
}

export interface BitrixBotDeps {
  dialog: Dialog;
  /** Post one bot message as the bot; `key` makes it at-most-once (src/bitrix/actions.ts botMessage). */
  send(install: Install, message: BotOutgoing, key: string): Promise<void>;
  /** imopenlines.bot.session.operator {CHAT_ID}: hand an open-line chat to a person. */
  transferToOperator?(install: Install, chatId: number): Promise<void>;
  /** ONIMBOTDELETE / ONIMBOTV2DELETE: forget the bot so the next set-up registers it again. */
  onBotDelete?(install: Install, botId: number): Promise<void>;
  /**
   * Cross-process de-duplication: resolve true for the first claim of `key` only. The in-process
   * bounded set catches re-deliveries to this process either way.
   */
  claimMessage?(key: string, install: Install): Promise<boolean>;
  /** The user's IANA zone (from the directory); default: `install.settings.timeZone`, else Europe/Moscow. */
  timeZoneOf?(install: Install, userId: number): Promise<string | undefined>;
  /** The hidden command behind v1 keyboard buttons. Default `answer` (registered by ensureBots). */
  buttonCommand?: string;
  /** Texts of intents/*.yaml (the open-line greeting). Default: loaded from intents/. */
  texts?: Texts;
  now?: () => Date;
  log?: ChannelLog;
  /** Called when the background handling of an event ends (tests, metrics). */
  onHandled?(event: string, error?: unknown): void;
}

/** What the router answers the portal with (always 200: the work, if any, runs in the background). */
export interface Accepted {
  ok: true;
  ignored?: boolean;
  duplicate?: boolean;
}

export interface BitrixBotHandler {
  /** Decode, de-duplicate and start handling a verified event. Throws WireError for bodies we cannot use. */
  accept(event: string, form: PhpForm, install: Install): Accepted;
  /** Resolves when every event accepted so far has been handled (tests; graceful shutdown). */
  idle(): Promise<void>;
}

export function createBitrixBotHandler(deps: BitrixBotDeps): BitrixBotHandler {
  const seen = new BoundedSet(20_000);
  const greeted = new BoundedSet(20_000);
  const inFlight = new Set<Promise<void>>();
  const log = deps.log ?? (() => undefined);
  const now = deps.now ?? (() => new Date());
  const buttonCommand = deps.buttonCommand ?? ANSWER_COMMAND;
  let texts = deps.texts;
  const say = (file: string, key: string, lang: 'ru' | 'en') => (texts ??= loadTexts()).say(file, key, lang);

  const background = (event: string, work: () => Promise<void>) => {
    const p = work().then(
      () => deps.onHandled?.(event),
      (err: unknown) => {
        log(`bitrix: ${event} handling failed`, err);
        deps.onHandled?.(event, err);
      },
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  function accept(event: string, form: PhpForm, install: Install): Accepted {
    if (IGNORED_EVENTS.has(event)) return { ok: true, ignored: true };
    if (BOT_DELETE_EVENTS.has(event)) {
      const botId = Number(pickString(form, 'data', 'BOT_ID') ?? pickString(form, 'data', 'bot', 'id'));
      if (!Number.isSafeInteger(botId) || botId <= 0) throw new WireError('field "data[BOT_ID]" (or data[bot][id]) is required');
      if (deps.onBotDelete) background(event, () => deps.onBotDelete!(install, botId));
      return { ok: true };
    }
    const v2 = V2_BOT_EVENTS.has(event);
    if (!v2 && !V1_BOT_EVENTS.has(event)) throw new WireError(`event "${event.slice(0, 64)}" is not handled here`, 'unknown_event');
    const msg = v2 ? decodeV2(event, form, buttonCommand) : decodeV1(event, form, buttonCommand);
    const dedupeKey = msg.messageId ? `${install.memberId}:${msg.api}:${msg.messageId}` : undefined;
    if (dedupeKey && !seen.add(dedupeKey)) return { ok: true, duplicate: true };
    background(event, async () => {
      if (dedupeKey && deps.claimMessage && !(await deps.claimMessage(dedupeKey, install))) return;
      await converse(install, msg);
    });
    return { ok: true };
  }

  async function converse(install: Install, msg: BotEvent): Promise<void> {
    if (msg.isBot && msg.kind !== 'join') return; // never talk to bots (ours included)
    // The script of the text decides; the portal's LANGUAGE only when the text has no letters.
    const lang = /[а-яё]/i.test(msg.text) ? 'ru' : /[a-z]/i.test(msg.text) ? 'en' : langOf(msg.language);
    const chatKey = `${install.memberId}:${msg.dialogId}`;
    const replyKey = msg.messageId ?? `${msg.kind}:${now().getTime()}`;
    let part = 0;
    const post = (text: string, buttons?: BotButton[], key = `bot-reply:${install.memberId}:${msg.dialogId}:${replyKey}:${part++}`) =>
      deps.send(install, { api: msg.api, botId: msg.botId, dialogId: msg.dialogId, text, ...(buttons?.length ? { buttons } : {}) }, key);
    const sayReply = (reply: Reply) => post(toBbCode(reply), botButtonsOf(reply.buttons, msg.api === 1 ? buttonCommand : undefined));

    if (msg.isOpenLine && msg.kind === 'join') {
      // Greet the client once per chat; the key keeps it once across processes and restarts too.
      if (!greeted.add(chatKey)) return;
      await post(say('common', 'openline_greeting', langOf(msg.language)), undefined, `ol-greeting:${install.memberId}:${msg.dialogId}`);
      return;
    }

    const account = !msg.isOpenLine && !msg.isConnector && msg.fromUserId > 0 ? { memberId: install.memberId, userId: msg.fromUserId } : undefined;
    const settingsZone = typeof install.settings?.timeZone === 'string' ? install.settings.timeZone : undefined;
    const userZone = account && deps.timeZoneOf ? await deps.timeZoneOf(install, account.userId).catch(() => undefined) : undefined;
    const group = !msg.isPrivate && !msg.isOpenLine;
    const turn: Turn = {
      channel: msg.isOpenLine ? 'openlines' : 'bitrix',
      // One conversation per private chat or open line; in a group chat one per speaker.
      sessionKey: `${msg.isOpenLine ? 'openlines' : 'bitrix'}:${install.memberId}:${msg.dialogId}${group ? `:${msg.fromUserId}` : ''}`,
      text: msg.kind === 'join' ? '' : msg.text,
      locale: lang,
      timeZone: zoneOf(userZone ?? settingsZone),
      now: now(),
      memberId: install.memberId,
    };
    // Always an own field (undefined for an outsider): nothing inherited can stand in for it (docs/security.md).
    turn.account = account;
    if (msg.kind === 'join') turn.newSession = true;
    if (msg.payload !== undefined) turn.payload = msg.payload;
    if (msg.crm) turn.crm = msg.crm;
    if (msg.messageId) turn.messageId = msg.messageId;

    const reply = await deps.dialog.handle(turn);
    await sayReply(reply);
    // The dialogue decided the chat goes to a person (asked for, stuck, hot lead, an outsider it cannot help).
    if (reply.handOff && msg.isOpenLine && msg.chatId !== undefined && deps.transferToOperator) await deps.transferToOperator(install, msg.chatId);
    if (reply.followUp) await sayReply(await reply.followUp);
  }

  return {
    accept,
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
