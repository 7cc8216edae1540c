/**
 * Google: the Dialogflow ES v2 fulfillment webhook (`POST /webhook/dialogflow`, protocols.md §2.2)
 * and the Actions Builder conversational webhook (`POST /webhook/google`, §2.1) with its
 * `google-assistant-signature` JWT verified when a project id and keys are configured. Both decode
 * into a `Turn` and encode the `Reply`; our own state rides in an output context / session params.
 */
import crypto from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Account, Dialog, Reply, Turn } from '../dialog/types';
import type { VoiceLinkStore } from '../store/types';
import { channelVocabulary, clip, deliverLater, handleWithin, langOf, zoneOf, type ChannelLog, type Notify } from './common';
import { HttpError, answerError, dig, isObject, readJsonObject, str } from './http';
import { parseJsonSafe } from '../util/records';

export interface GoogleDeps {
  dialog: Dialog;
  voiceLinks: Pick<VoiceLinkStore, 'get'>;
  notify?: Notify;
  /** Our budget: Dialogflow waits 5 s, Assistant 10 s. Default 4000 ms. */
  deadlineMs?: number;
  /** Actions project id; with `keys`, every /webhook/google request must carry a valid signature. */
  projectId?: string;
  /** Google's signing keys by key id (PEM or KeyObject), fetched by the deployment, never by tests. */
  keys?: Record<string, string | crypto.KeyObject>;
  now?: () => Date;
  log?: ChannelLog;
  defaultTimeZone?: string;
  /** The linked portal user's IANA zone (the directory's); used when the request names none. */
  timeZoneOf?(account: Account): Promise<string | undefined>;
}

/** actions_intent_CANCEL allows one final response of at most 60 characters. */
export const CANCEL_REPLY_MAX = 60;

/**
 * Platform events that reach Dialogflow as the query text (fulfillment-webhook-json
 * requests/v2/ActionsOnGoogle/EndConversationEvent.json, NoInputEvent.json) or as the Actions
 * Builder intent — never words the user said.
 */
function platformEvent(query: string, payload: unknown): 'cancel' | 'no_input' | undefined {
  const inputs = dig(payload, 'inputs');
  const first = Array.isArray(inputs) ? inputs[0] : undefined;
  const intent = str(dig(first, 'intent')) ?? '';
  if (/^actions_intent_CANCEL$/i.test(query) || intent === 'actions.intent.CANCEL') return 'cancel';
  if (/^actions_intent_NO_INPUT$/i.test(query) || intent === 'actions.intent.NO_INPUT' || /^actions\.intent\.NO_INPUT/.test(intent)) return 'no_input';
  return undefined;
}

/** IS_FINAL_REPROMPT of a NO_INPUT event (an argument of the AoG input, or the context parameter). */
function finalReprompt(body: Record<string, unknown>, payload: unknown): boolean {
  const inputs = dig(payload, 'inputs');
  const args = dig(Array.isArray(inputs) ? inputs[0] : undefined, 'arguments');
  if (Array.isArray(args) && args.some((a) => isObject(a) && a.name === 'IS_FINAL_REPROMPT' && (a.boolValue === true || a.textValue === 'true'))) return true;
  const ctx = dig(body, 'queryResult', 'outputContexts');
  return Array.isArray(ctx) && ctx.some((c) => isObject(c) && dig(c, 'parameters', 'IS_FINAL_REPROMPT') === true);
}

const DEFAULT_DEADLINE_MS = 4000;
const SUGGESTION_TITLE = 25;

// ---------------------------------------------------------------------------------------------
// JWT (RS256) verification of `google-assistant-signature`

const b64url = (s: string) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

/** The claims of a valid token, or an HttpError(403) saying what is wrong. */
export function verifyGoogleJwt(token: string | undefined, projectId: string, keys: Record<string, string | crypto.KeyObject>, nowMs: number): Record<string, unknown> {
  const fail = (why: string) => new HttpError(403, 'bad_signature', `google-assistant-signature: ${why}`);
  if (!token) throw fail('missing');
  const parts = token.split('.');
  if (parts.length !== 3) throw fail('not a JWT');
  let header: { alg?: string; kid?: string };
  let claims: Record<string, unknown>;
  try {
    header = parseJsonSafe(b64url(parts[0]!).toString('utf8')) as typeof header;
    claims = parseJsonSafe(b64url(parts[1]!).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw fail('unreadable');
  }
  if (header.alg !== 'RS256') throw fail(`algorithm ${String(header.alg)} is not RS256`);
  // An own key only: a kid such as "constructor" must not find something inherited.
  const key = typeof header.kid === 'string' && Object.hasOwn(keys, header.kid) ? keys[header.kid] : undefined;
  if (!key) throw fail('unknown key id');
  const ok = crypto.verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key, b64url(parts[2]!));
  if (!ok) throw fail('signature does not verify');
  const now = Math.floor(nowMs / 1000);
  if (claims.iss !== 'https://accounts.google.com' && claims.iss !== 'accounts.google.com') throw fail('wrong issuer');
  if (claims.aud !== projectId) throw fail('wrong audience');
  if (typeof claims.exp !== 'number' || claims.exp < now - 30) throw fail('expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now + 30) throw fail('not valid yet');
  return claims;
}

// ---------------------------------------------------------------------------------------------

async function turnFor(deps: GoogleDeps, base: Omit<Turn, 'account' | 'now' | 'channel'>): Promise<{ turn: Turn; account?: Account }> {
  let account: Account | undefined;
  if (base.voiceUser) {
    const link = await deps.voiceLinks.get('google', base.voiceUser);
    if (link) account = { memberId: link.memberId, userId: link.userId };
  }
  // `account` is always an own field (undefined when unlinked): nothing inherited can stand in for it.
  const turn: Turn = { ...base, channel: 'google', now: (deps.now ?? (() => new Date()))(), account };
  return { turn, account };
}

async function replyWithin(deps: GoogleDeps, turn: Turn, account: Account | undefined, started: number): Promise<Reply> {
  const phrases = channelVocabulary().phrases[turn.locale];
  const outcome = await handleWithin(deps.dialog, turn, (deps.deadlineMs ?? DEFAULT_DEADLINE_MS) - (Date.now() - started));
  const log = deps.log ?? (() => undefined);
  if (outcome.kind === 'reply') {
    deliverLater(outcome.reply.followUp, account, deps.notify, phrases, log);
    return outcome.reply;
  }
  if (outcome.kind === 'late') {
    deliverLater(outcome.later, account, deps.notify, phrases, log);
    return { text: phrases.pending };
  }
  log('google: dialogue failed', outcome.error);
  return { text: phrases.error };
}

const suggestions = (r: Reply) => (r.buttons ?? []).filter((b) => !b.url).slice(0, 8).map((b) => ({ title: clip(b.title, SUGGESTION_TITLE) }));

export function dialogflowRouter(deps: GoogleDeps): Router {
  const router = Router();
  router.post('/webhook/dialogflow', async (req: Request, res: Response) => {
    const started = Date.now();
    try {
      const body = await readJsonObject(req);
      const session = str(body.session);
      const qr = body.queryResult;
      if (!session) throw new HttpError(400, 'missing_field', 'field "session" (string) is required');
      if (!isObject(qr)) throw new HttpError(400, 'missing_field', 'field "queryResult" (object) is required');
      const lang = langOf(qr.languageCode);
      const payload = dig(body, 'originalDetectIntentRequest', 'payload');
      const voiceUser = str(dig(payload, 'user', 'userId')) ?? str(dig(payload, 'user', 'params', 'b24uid')) ?? session;
      const query = str(qr.queryText) ?? '';
      const welcome = /^(GOOGLE_ASSISTANT_WELCOME|WELCOME|actions_intent_MAIN)$/i.test(query);
      const event = platformEvent(query, payload);
      // The v2 WebhookRequest names no time zone; the Google integration's payload may (device.timeZone,
      // AppRequest), else the linked portal user's own zone, else the default.
      const { turn, account } = await turnFor(deps, {
        sessionKey: `dialogflow:${session}`,
        voiceUser,
        voiceApp: `dialogflow:${/^projects\/([^/]+)/.exec(session)?.[1] ?? ''}`, // linking limits count per project too
        text: welcome || event ? '' : query,
        locale: lang,
        timeZone: zoneOf(dig(payload, 'device', 'timeZone', 'id'), deps.defaultTimeZone),
        newSession: welcome,
      });
      if (!dig(payload, 'device', 'timeZone', 'id') && account && deps.timeZoneOf) {
        const own = await deps.timeZoneOf(account).catch(() => undefined);
        if (own) turn.timeZone = zoneOf(own, deps.defaultTimeZone);
      }
      const phrases = channelVocabulary().phrases[lang];
      const reply: Reply = event === 'cancel'
        ? { text: clip(phrases.goodbye, CANCEL_REPLY_MAX), endSession: true }
        : event === 'no_input'
          ? finalReprompt(body, payload) ? { text: phrases.no_input_final, endSession: true } : { text: phrases.no_input }
          : await replyWithin(deps, turn, account, started);
      const text = clip(reply.text, 4000);
      const sugg = suggestions(reply);
      res.json({
        fulfillmentText: text,
        fulfillmentMessages: [{ text: { text: [text] } }, ...(sugg.length ? [{ quickReplies: { quickReplies: sugg.map((s) => s.title) } }] : [])],
        source: 'b24-assistant',
        outputContexts: [{ name: `${session}/contexts/b24-assistant`, lifespanCount: 5, parameters: { lang } }],
        payload: {
          google: {
            expectUserResponse: reply.endSession !== true,
            richResponse: { items: [{ simpleResponse: { textToSpeech: reply.tts ?? text, displayText: clip(text, 640) } }], ...(sugg.length ? { suggestions: sugg } : {}) },
          },
        },
      });
    } catch (err) {
      answerError(res, err, deps.log);
    }
  });
  return router;
}

export function googleRouter(deps: GoogleDeps): Router {
  const router = Router();
  router.post('/webhook/google', async (req: Request, res: Response) => {
    const started = Date.now();
    try {
      if (deps.projectId && deps.keys) {
        verifyGoogleJwt(str(req.headers['google-assistant-signature']), deps.projectId, deps.keys, (deps.now ?? (() => new Date()))().getTime());
      }
      const body = await readJsonObject(req);
      const sessionId = str(dig(body, 'session', 'id'));
      if (!sessionId) throw new HttpError(400, 'missing_field', 'field "session.id" (string) is required');
      const lang = langOf(dig(body, 'user', 'locale') ?? dig(body, 'session', 'languageCode'));
      // Actions Builder gives no stable user id: we keep our own in user storage.
      const uid = str(dig(body, 'user', 'params', 'b24uid')) ?? crypto.randomUUID();
      const intent = str(dig(body, 'intent', 'name')) ?? '';
      const event = intent === 'actions.intent.CANCEL' ? 'cancel' : /^actions\.intent\.NO_INPUT/.test(intent) ? 'no_input' : undefined;
      const { turn, account } = await turnFor(deps, {
        sessionKey: `google:${sessionId}`,
        voiceUser: uid,
        voiceApp: 'actions',
        text: intent === 'actions.intent.MAIN' || event ? '' : (str(dig(body, 'intent', 'query')) ?? ''),
        locale: lang,
        timeZone: zoneOf(dig(body, 'device', 'timeZone', 'id'), deps.defaultTimeZone),
        newSession: intent === 'actions.intent.MAIN',
      });
      const phrases = channelVocabulary().phrases[lang];
      const reply: Reply = event === 'cancel'
        ? { text: clip(phrases.goodbye, CANCEL_REPLY_MAX), endSession: true }
        : event === 'no_input'
          ? intent === 'actions.intent.NO_INPUT_FINAL' ? { text: phrases.no_input_final, endSession: true } : { text: phrases.no_input }
          : await replyWithin(deps, turn, account, started);
      const sugg = suggestions(reply);
      res.json({
        session: { id: sessionId, params: isObject(dig(body, 'session', 'params')) ? dig(body, 'session', 'params') : {} },
        user: { params: { b24uid: uid } },
        prompt: { override: false, firstSimple: { speech: reply.tts ?? reply.text, text: clip(reply.text, 640) }, ...(sugg.length ? { suggestions: sugg } : {}) },
        // A reply that ends the conversation names the current scene (non-empty) and the end scene next.
        ...(reply.endSession ? { scene: { name: str(dig(body, 'scene', 'name')) || 'actions.scene.END_CONVERSATION', slots: {}, next: { name: 'actions.scene.END_CONVERSATION' } } } : {}),
      });
    } catch (err) {
      answerError(res, err, deps.log);
    }
  });
  return router;
}
