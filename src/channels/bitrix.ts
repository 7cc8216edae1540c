/**
 * Bitrix24 events: `POST /webhook/bitrix` (protocols.md §3). One URL takes the install and
 * uninstall POSTs and every bot event of imbot v1 and Chatbots 2.0.
 *
 * Events come form-encoded (PHP brackets, numeric keys kept), are authenticated by the top-level
 * `auth[application_token]` against the token stored at install, acknowledged with 200 at once
 * (the queue server does not retry and drops slow deliveries), then handled in the background,
 * each message at most once. Replies leave through `send` as exact `imbot.message.add` /
 * `imbot.v2.Chat.Message.send` params; open lines can be handed to an operator.
 */
import { Router, type Request, type Response } from 'express';
import { PhpFormError, parsePhpForm, pickString, type PhpForm } from '../bitrix/php-form';
import type { Dialog, Reply, Turn } from '../dialog/types';
import type { Install, InstallStore } from '../store/types';
import { BoundedSet, channelVocabulary, containsPhrase, langOf, zoneOf, type ChannelLog } from './common';
import { HttpError, MAX_BODY_BYTES, answerError, readBody, safeEqual } from './http';
import { WireError, decodeV1, decodeV2, keyboardOf, outgoing, toBbCode, type BitrixOutgoing, type BotEvent } from './bitrix-wire';

export type { BitrixOutgoing, BotEvent } from './bitrix-wire';

export interface BitrixDeps {
  dialog: Dialog;
  installs: Pick<InstallStore, 'get'>;
  /** Post one bot message (the lead calls `out.method` with `out.params` on the install's portal). */
  send(install: Install, out: BitrixOutgoing): Promise<void>;
  /** `imopenlines.bot.session.operator {CHAT_ID}`. */
  transferToOperator?(install: Install, chatId: number): Promise<void>;
  /** ONAPPINSTALL: store tokens and `application_token`, register the bots. Throw HttpError to refuse. */
  onInstall(form: PhpForm): Promise<void>;
  /** ONAPPUNINSTALL (already authenticated against the stored token). */
  onUninstall(install: Install, form: PhpForm): Promise<void>;
  /** ONIMBOTDELETE / ONIMBOTV2DELETE. */
  onBotDelete?(install: Install, botId: number): Promise<void>;
  /**
   * Cross-process de-duplication: resolve true for the first claim of `key` only. The in-process
   * bounded set catches re-deliveries to this process either way.
   */
  claimMessage?(key: string): Promise<boolean>;
  /** The user's IANA zone; default: `install.settings.timeZone`, else Europe/Moscow. */
  timeZone?(install: Install, userId: number): Promise<string | undefined>;
  /** A hidden bot command whose presses carry button payloads (see keyboardOf); unset: SEND buttons. */
  buttonCommand?: string;
  now?: () => Date;
  log?: ChannelLog;
  /** Called when the background handling of an event ends (tests, metrics). */
  onHandled?(event: string, error?: unknown): void;
}

const V1_BOT = new Set(['ONIMBOTMESSAGEADD', 'ONIMCOMMANDADD', 'ONIMBOTJOINCHAT']);
const V2_BOT = new Set(['ONIMBOTV2MESSAGEADD', 'ONIMBOTV2COMMANDADD', 'ONIMBOTV2JOINCHAT']);
/** Known events we acknowledge and ignore (edits, deletions, reactions, context). */
const IGNORED = new Set([
  'ONIMBOTMESSAGEUPDATE',
  'ONIMBOTMESSAGEDELETE',
  'ONIMBOTV2MESSAGEUPDATE',
  'ONIMBOTV2MESSAGEDELETE',
  'ONIMBOTV2REACTIONCHANGE',
  'ONIMBOTV2CONTEXTGET',
]);
const KNOWN = new Set([...V1_BOT, ...V2_BOT, ...IGNORED, 'ONAPPINSTALL', 'ONAPPUNINSTALL', 'ONIMBOTDELETE', 'ONIMBOTV2DELETE']);

export type BitrixRouter = Router & {
  /** Resolves when every event accepted so far has been handled (tests; graceful shutdown). */
  idle(): Promise<void>;
};

export function bitrixRouter(deps: BitrixDeps): BitrixRouter {
  const router = Router() as BitrixRouter;
  const seen = new BoundedSet(20_000);
  const unknownStreak = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  const log = deps.log ?? (() => undefined);

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
  router.idle = async () => {
    while (inFlight.size) await Promise.all([...inFlight]);
  };

  router.post('/webhook/bitrix', (req, res) => {
    void handle(req, res).catch((err: unknown) => answerError(res, err, log));
  });

  async function handle(req: Request, res: Response): Promise<void> {
    const raw = await readBody(req, ['application/x-www-form-urlencoded'], MAX_BODY_BYTES);
    let form: PhpForm;
    try {
      form = parsePhpForm(raw, { maxBytes: MAX_BODY_BYTES });
    } catch (err) {
      if (err instanceof PhpFormError) throw new HttpError(400, 'malformed_form', err.message);
      throw err;
    }
    const event = (pickString(form, 'event') ?? '').trim().toUpperCase();
    if (!event) throw new HttpError(400, 'missing_field', 'field "event" is required');
    if (!KNOWN.has(event)) throw new HttpError(400, 'unknown_event', `event "${event.slice(0, 64)}" is not handled here`);

    if (event === 'ONAPPINSTALL') {
      for (const k of ['member_id', 'application_token', 'domain', 'access_token']) {
        if (!pickString(form, 'auth', k)) throw new HttpError(400, 'missing_field', `field "auth[${k}]" is required for ONAPPINSTALL`);
      }
      await deps.onInstall(form);
      res.json({ ok: true });
      return;
    }

    const install = await authenticate(form);
    if (event === 'ONAPPUNINSTALL') {
      await deps.onUninstall(install, form);
      res.json({ ok: true });
      return;
    }
    if (event === 'ONIMBOTDELETE' || event === 'ONIMBOTV2DELETE') {
      const botId = Number(pickString(form, 'data', 'BOT_ID') ?? pickString(form, 'data', 'bot', 'id'));
      if (!Number.isInteger(botId)) throw new HttpError(400, 'missing_field', 'field "data[BOT_ID]" (or data[bot][id]) is required');
      res.json({ ok: true });
      if (deps.onBotDelete) background(event, () => deps.onBotDelete!(install, botId));
      return;
    }
    if (IGNORED.has(event)) {
      res.json({ ok: true, ignored: true });
      return;
    }

    let msg: BotEvent;
    try {
      msg = V2_BOT.has(event) ? decodeV2(event, form, deps.buttonCommand) : decodeV1(event, form, deps.buttonCommand);
    } catch (err) {
      if (err instanceof WireError) throw new HttpError(400, 'missing_field', err.message);
      throw err;
    }
    const dedupeKey = msg.messageId ? `${install.memberId}:${msg.messageId}` : undefined;
    if (dedupeKey && !seen.add(dedupeKey)) {
      res.json({ ok: true, duplicate: true });
      return;
    }
    res.json({ ok: true });
    background(event, async () => {
      if (dedupeKey && deps.claimMessage && !(await deps.claimMessage(dedupeKey))) return;
      await converse(install, msg);
    });
  }

  /** 401 without a token, 403 for an unknown portal or a token that differs from the stored one. */
  async function authenticate(form: PhpForm): Promise<Install> {
    const token = pickString(form, 'auth', 'application_token');
    const memberId = pickString(form, 'auth', 'member_id');
    if (!token || !memberId) throw new HttpError(401, 'unauthenticated', 'auth[application_token] and auth[member_id] are required');
    const install = await deps.installs.get(memberId);
    if (!install) throw new HttpError(403, 'unknown_portal', 'this portal has not installed the application');
    if (!safeEqual(token, install.applicationToken)) throw new HttpError(403, 'bad_token', 'auth[application_token] does not match');
    return install;
  }

  async function converse(install: Install, msg: BotEvent): Promise<void> {
    if (msg.isBot && msg.kind !== 'join') return; // never talk to bots (ours included)
    const vocab = channelVocabulary();
    // The script of the text decides; the portal's LANGUAGE only when the text has no letters.
    const lang = /[а-яё]/i.test(msg.text) ? 'ru' : /[a-z]/i.test(msg.text) ? 'en' : langOf(msg.language);
    const chatKey = `${install.memberId}:${msg.dialogId}`;
    const phrases = vocab.phrases[lang];
    const say = (reply: Reply) =>
      deps.send(install, outgoing(msg.api, msg.botId, msg.dialogId, toBbCode(reply), keyboardOf(reply.buttons, deps.buttonCommand)));
    const handOff = async (text?: string) => {
      await say({ text: text ?? phrases.handoff });
      if (msg.chatId !== undefined && deps.transferToOperator) await deps.transferToOperator(install, msg.chatId);
      unknownStreak.delete(chatKey);
    };

    if (msg.isOpenLine && msg.kind === 'message' && containsPhrase(msg.text, vocab.operatorRequest)) return handOff();

    const settingsZone = typeof install.settings?.timeZone === 'string' ? install.settings.timeZone : undefined;
    const zone = zoneOf((deps.timeZone ? await deps.timeZone(install, msg.fromUserId) : undefined) ?? settingsZone);
    const group = !msg.isPrivate && !msg.isOpenLine;
    const turn: Turn = {
      channel: msg.isOpenLine ? 'openlines' : 'bitrix',
      sessionKey: `${msg.isOpenLine ? 'openlines' : 'bitrix'}:${install.memberId}:${msg.dialogId}${group ? `:${msg.fromUserId}` : ''}`,
      text: msg.kind === 'join' ? '' : msg.text,
      locale: lang,
      timeZone: zone,
      now: (deps.now ?? (() => new Date()))(),
    };
    // Open-line clients are outsiders, not portal users: they act as nobody.
    if (!msg.isConnector && msg.fromUserId > 0) turn.account = { memberId: install.memberId, userId: msg.fromUserId };
    if (msg.kind === 'join') turn.newSession = true;
    if (msg.payload !== undefined) turn.payload = msg.payload;
    if (msg.crm) turn.crm = msg.crm;
    if (msg.messageId) turn.messageId = msg.messageId;

    const reply = await deps.dialog.handle(turn);
    if (msg.isOpenLine) {
      if (reply.handOff) return handOff(reply.text || undefined);
      const streak = reply.parse?.intent === 'unknown' ? (unknownStreak.get(chatKey) ?? 0) + 1 : 0;
      if (streak >= vocab.stuckAfter) return handOff();
      if (streak) unknownStreak.set(chatKey, streak);
      else unknownStreak.delete(chatKey);
      if (unknownStreak.size > 10_000) unknownStreak.delete(unknownStreak.keys().next().value as string);
    }
    await say(reply);
    if (reply.followUp) await say(await reply.followUp);
  }

  return router;
}
