/**
 * Yandex Alice skill webhook, protocol "1.0" (protocols.md §1): `POST /webhook/alice`.
 *
 * Decodes a request into a `Turn`, races the dialogue against our share of Alice's 4.5 s budget
 * (network included, so we keep 4.0 s by default), and encodes the `Reply`. When the dialogue is
 * slower, Alice hears "делаю" and the real answer goes to the Bitrix24 messenger through `notify`.
 * Health-check pings are answered before anything else is touched.
 */
import { Router, type Request, type Response } from 'express';
import type { Account, Button, Dialog, Reply, Turn } from '../dialog/types';
import type { VoiceLinkStore } from '../store/types';
import { aliceHints } from './alice-hints';
import {
  channelVocabulary,
  clip,
  deliverLater,
  handleWithin,
  langOf,
  zoneOf,
  type ChannelLog,
  type ChannelPhrases,
  type Notify,
} from './common';
import { HttpError, answerError, dig, isObject, readJsonObject, str } from './http';

export interface AliceDeps {
  dialog: Dialog;
  voiceLinks: Pick<VoiceLinkStore, 'get'>;
  /** Where late results go (the lead wires it to the Bitrix24 messenger). */
  notify?: Notify;
  /** `ALICE_SKILL_ID`: requests for another skill are refused with 403. */
  skillId?: string;
  /** Our own budget for the dialogue, ms. Default 4000 (Alice's limit is 4.5 s including network). */
  deadlineMs?: number;
  now?: () => Date;
  log?: ChannelLog;
  /** Zone when the request carries none Intl knows. Default Europe/Moscow. */
  defaultTimeZone?: string;
}

/** Alice's documented limits (response.md). */
export const ALICE_LIMITS = { text: 1024, tts: 1024, buttonTitle: 64, payloadBytes: 4096, sessionStateBytes: 1024 } as const;
export const ALICE_DEFAULT_DEADLINE_MS = 4000;
const SUPPORTED_TYPES = new Set(['SimpleUtterance', 'ButtonPressed']);

export interface AliceResponseBody {
  response: {
    text: string;
    tts?: string;
    buttons?: { title: string; payload?: unknown; url?: string; hide: boolean }[];
    end_session: boolean;
  };
  session_state?: Record<string, unknown>;
  version: string;
}

export function aliceRouter(deps: AliceDeps): Router {
  const router = Router();
  router.post('/webhook/alice', (req, res) => {
    void handleAlice(req, res, deps);
  });
  return router;
}

async function handleAlice(req: Request, res: Response, deps: AliceDeps): Promise<void> {
  const started = Date.now();
  const log = deps.log ?? (() => undefined);
  try {
    const body = await readJsonObject(req);
    const version = str(body.version);
    if (!version) throw new HttpError(400, 'missing_field', 'field "version" (string) is required');
    const session = body.session;
    if (!isObject(session)) throw new HttpError(400, 'missing_field', 'field "session" (object) is required');
    const sessionId = str(session.session_id);
    if (!sessionId) throw new HttpError(400, 'missing_field', 'field "session.session_id" (string) is required');
    const linkingDone = isObject(body.account_linking_complete_event);
    const request = body.request;
    if (!linkingDone && !isObject(request)) throw new HttpError(400, 'missing_field', 'field "request" (object) is required');
    if (deps.skillId && str(session.skill_id) !== deps.skillId) {
      throw new HttpError(403, 'wrong_skill', 'this webhook serves another skill');
    }
    const lang = langOf(dig(body, 'meta', 'locale'));
    const phrases = channelVocabulary().phrases[lang];
    const sessionState = carriedState(dig(body, 'state', 'session'));

    // Health checks: static answer, no store, no dialogue (health-check.md).
    if (isPing(request)) {
      sendJson(res, encode({ text: phrases.ping }, version, sessionState));
      return;
    }
    const type = linkingDone ? 'SimpleUtterance' : str(dig(request, 'type'));
    if (typeof type !== 'string') throw new HttpError(400, 'bad_request', 'field "request.type" (string) is required');
    if (!SUPPORTED_TYPES.has(type)) {
      // Audio-player, purchase and show events are valid Alice traffic we have nothing for.
      sendJson(res, encode({ text: phrases.unsupported }, version, sessionState));
      return;
    }

    const now = (deps.now ?? (() => new Date()))();
    const timeZone = zoneOf(dig(body, 'meta', 'timezone'), deps.defaultTimeZone);
    const voiceUser = str(dig(session, 'user', 'user_id')) ?? str(dig(session, 'application', 'application_id'));
    let account: Account | undefined;
    if (voiceUser) {
      const link = await deps.voiceLinks.get('alice', voiceUser);
      if (link) account = { memberId: link.memberId, userId: link.userId };
    }
    const turn: Turn = {
      channel: 'alice',
      sessionKey: `alice:${sessionId}`,
      text: '',
      locale: lang,
      timeZone,
      now,
      newSession: session.new === true || linkingDone,
    };
    if (voiceUser) turn.voiceUser = voiceUser;
    const skill = str(session.skill_id);
    if (skill) turn.voiceApp = skill; // linking limits count per skill too
    // Always an own field (undefined when unlinked): nothing inherited can stand in for it (docs/security.md).
    turn.account = account;
    if (session.message_id !== undefined) turn.messageId = `${sessionId}:${String(session.message_id)}`;
    if (!linkingDone && isObject(request)) {
      if (type === 'ButtonPressed') {
        const { text, payload } = unwrapPayload(request.payload);
        turn.text = text;
        if (payload !== undefined) turn.payload = payload;
      } else {
        turn.text = str(request.command) ?? '';
      }
      const hints = aliceHints(dig(request, 'nlu', 'entities'), now, timeZone);
      if (hints) turn.hints = hints;
    }

    const budget = (deps.deadlineMs ?? ALICE_DEFAULT_DEADLINE_MS) - (Date.now() - started);
    const outcome = await handleWithin(deps.dialog, turn, budget);
    const state = { ...sessionState, lang };
    if (outcome.kind === 'reply') {
      sendJson(res, encode(outcome.reply, version, state, phrases));
      deliverLater(outcome.reply.followUp, account, deps.notify, phrases, log);
    } else if (outcome.kind === 'late') {
      sendJson(res, encode({ text: phrases.pending }, version, state));
      deliverLater(outcome.later, account, deps.notify, phrases, log);
    } else {
      log('alice: dialogue failed', outcome.error);
      sendJson(res, encode({ text: phrases.error }, version, state));
    }
  } catch (err) {
    answerError(res, err, log);
  }
}

/**
 * `res.json` without what it adds per call: express hashes every body for an ETag, which a POST
 * answer to Alice never uses. Same status, content type and body.
 */
function sendJson(res: Response, body: AliceResponseBody): void {
  const json = JSON.stringify(body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}

/** `original_utterance == "ping"` (the doc's form), or `command == "ping"` with no utterance (older SDKs). */
function isPing(request: unknown): boolean {
  const original = str(dig(request, 'original_utterance'));
  if (original !== undefined && original.trim().toLowerCase() === 'ping') return true;
  return !original && str(dig(request, 'command'))?.trim().toLowerCase() === 'ping';
}

/** The session state to hand back: what Alice stored, if it is an object within 1 KB. */
function carriedState(v: unknown): Record<string, unknown> {
  if (!isObject(v)) return {};
  return Buffer.byteLength(JSON.stringify(v)) <= ALICE_LIMITS.sessionStateBytes - 32 ? { ...v } : {};
}

/** Our button payloads wrap the dialogue's payload with the title, so a press reads as the title too. */
interface WrappedPayload {
  b24: 1;
  t: string;
  p?: unknown;
}

function unwrapPayload(v: unknown): { text: string; payload?: unknown } {
  if (isObject(v) && v.b24 === 1 && typeof v.t === 'string') return v.p === undefined ? { text: v.t } : { text: v.t, payload: v.p };
  return v === undefined ? { text: '' } : { text: '', payload: v };
}

function encodeButton(b: Button): NonNullable<AliceResponseBody['response']['buttons']>[number] {
  const title = clip(b.title, ALICE_LIMITS.buttonTitle);
  if (b.url) return { title, url: b.url, hide: false };
  const wrapped: WrappedPayload = { b24: 1, t: b.title };
  if (b.payload !== undefined) wrapped.p = b.payload;
  // Over the payload limit: send the title only (a suggest without payload comes back as text).
  const fits = Buffer.byteLength(JSON.stringify(wrapped)) <= ALICE_LIMITS.payloadBytes;
  return fits ? { title, payload: wrapped, hide: true } : { title, hide: true };
}

/** A `Reply` as Alice's response body. */
export function encode(reply: Reply, version: string, sessionState: Record<string, unknown>, phrases?: ChannelPhrases): AliceResponseBody {
  let text = reply.text;
  if (reply.card) text = [text, reply.card.title, ...reply.card.lines].filter(Boolean).join('\n');
  const out: AliceResponseBody = {
    response: { text: clip(text, ALICE_LIMITS.text), end_session: reply.endSession === true },
    session_state: sessionState,
    version,
  };
  if (reply.tts) out.response.tts = clip(reply.tts, ALICE_LIMITS.tts);
  // `text` may be empty only when `tts` is set.
  if (!out.response.text && !out.response.tts) out.response.text = phrases?.error ?? '…';
  if (reply.buttons?.length) out.response.buttons = reply.buttons.map(encodeButton);
  return out;
}
