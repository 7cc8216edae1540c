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
      const { turn, account } = await turnFor(deps, {
        sessionKey: `dialogflow:${session}`,
        voiceUser,
        voiceApp: `dialogflow:${/^projects\/([^/]+)/.exec(session)?.[1] ?? ''}`, // linking limits count per project too
        text: welcome ? '' : query,
        locale: lang,
        timeZone: zoneOf(dig(payload, 'device', 'timeZone', 'id') ?? dig(payload, 'user', 'timeZone'), deps.defaultTimeZone),
        newSession: welcome,
      });
      const reply = await replyWithin(deps, turn, account, started);
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
      const { turn, account } = await turnFor(deps, {
        sessionKey: `google:${sessionId}`,
        voiceUser: uid,
        voiceApp: 'actions',
        text: intent === 'actions.intent.MAIN' ? '' : (str(dig(body, 'intent', 'query')) ?? ''),
        locale: lang,
        timeZone: zoneOf(dig(body, 'device', 'timeZone', 'id'), deps.defaultTimeZone),
        newSession: intent === 'actions.intent.MAIN',
      });
      const reply = await replyWithin(deps, turn, account, started);
      const sugg = suggestions(reply);
      res.json({
        session: { id: sessionId, params: isObject(dig(body, 'session', 'params')) ? dig(body, 'session', 'params') : {} },
        user: { params: { b24uid: uid } },
        prompt: { override: false, firstSimple: { speech: reply.tts ?? reply.text, text: clip(reply.text, 640) }, ...(sugg.length ? { suggestions: sugg } : {}) },
        ...(reply.endSession ? { scene: { name: str(dig(body, 'scene', 'name')) ?? '', slots: {}, next: { name: 'actions.scene.END_CONVERSATION' } } } : {}),
      });
    } catch (err) {
      answerError(res, err, deps.log);
    }
  });
  return router;
}
