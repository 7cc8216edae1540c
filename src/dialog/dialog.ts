/**
 * The conversation, one for every channel: `Turn → Reply`. The turn is a short list of named
 * steps (./steps.ts) composed like middleware; each intent is one module (./intents). Session
 * state lives in the store (optimistic versions), the clock comes in the turn, the portal is
 * reached only through `PortalActions`.
 */
import crypto from 'node:crypto';
import type { Lang } from '../nlu/types';
import { loadNumberWords, type NumberWords } from '../nlu/numbers';
import { compose } from './compose';
import { bindContext, type Ctx, type DialogDeps } from './context';
import { isEmptyState, type SessionState } from './session';
import { BEFORE_PORTAL, WITH_PORTAL, notUnderstood, type TurnCtx } from './steps';
import { speech } from './speech';
import { loadTexts } from './texts';
import type { Dialog, Reply, Turn } from './types';

export type { DialogConfig, DialogDeps } from './context';
export type { Draft, SessionState } from './session';

export function createDialog(deps: DialogDeps): Dialog {
  const texts = deps.texts ?? loadTexts();
  const numbers: Record<Lang, NumberWords> = { ru: loadNumberWords('ru'), en: loadNumberWords('en') };
  const newId = deps.newId ?? randomId;
  const ttl = deps.config.sessionTtlMs ?? 30 * 60_000;

  const withPortal = compose<Ctx>(WITH_PORTAL, notUnderstood);
  /** The last step before the portal: the speaker's directory, the parse, then the command steps. */
  async function speaker(t: TurnCtx): Promise<Reply> {
    const account = t.turn.account!;
    const directory = await deps.actions.directory(account);
    const c = bindContext(t, account, directory);
    const payload = (t.turn.payload ?? {}) as { answer?: string };
    const d = t.state.draft;
    const expecting = d?.confirming ? d.intent : undefined;
    c.p =
      payload.answer === 'yes'
        ? { intent: 'confirm', slots: {}, lang: t.lang }
        : payload.answer === 'no'
          ? { intent: 'reject', slots: {}, lang: t.lang }
          : c.parse(t.turn.text, expecting);
    return { ...(await withPortal(c)), parse: c.p };
  }
  const run = compose<TurnCtx>(BEFORE_PORTAL, speaker);

  // Turns of one session reaching this process together are taken one after another, in the
  // order they came: each reads what the one before wrote. Versioned puts still settle a race
  // with another process, but here no turn is redone or lost to its own session's neighbour.
  const inTurn = new Map<string, Promise<Reply>>();

  function handle(turn: Turn): Promise<Reply> {
    const key = turn.sessionKey;
    const before = inTurn.get(key);
    const mine = before ? before.then(() => handleNow(turn), () => handleNow(turn)) : handleNow(turn);
    inTurn.set(key, mine);
    const forget = () => {
      if (inTurn.get(key) === mine) inTurn.delete(key);
    };
    mine.then(forget, forget);
    return mine;
  }

  async function handleNow(turn: Turn): Promise<Reply> {
    const payload = (turn.payload ?? {}) as { say?: string };
    if (typeof payload.say === 'string') turn = { ...turn, text: payload.say, payload: undefined };
    const lang = turn.locale;
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const stored = await deps.sessions.get<SessionState>(turn.sessionKey, turn.now.getTime());
      const state: SessionState = stored ? stored.value : {}; // the store hands out its own copy (SessionStore.get)
      const doneBefore = state.done?.id;
      const reply = voiced(turn, await run({ turn, lang, state, deps, texts, numbers, newId }));
      // Nothing stored and nothing to remember (a greeting, help, a question we could not place):
      // no row is written; the next turn reads "no session" either way.
      if (!stored && isEmptyState(state)) return reply;
      if (turn.messageId) state.last = { messageId: turn.messageId, text: reply.text, ...(reply.buttons ? { buttons: reply.buttons } : {}) };
      const version = await deps.sessions.put(turn.sessionKey, state, stored?.version ?? 0, ttl, turn.now.getTime());
      if (version !== null) return reply;
      // This turn carried out (or found done) a confirmed action: that is its answer whoever's write
      // won — the winner was this same "да" elsewhere, or a later turn. Redoing it would only replay it.
      if (state.done && state.done.id !== doneBefore) return reply;
      // Another turn of this conversation was written meanwhile: read it again and redo this one,
      // after a short random pause so two processes do not collide again in step.
      await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
    }
    return { text: texts.say('common', 'unknown', lang) };
  }

  /** Voice platforms get speech where the text has signs a voice would misread (№, quotes). */
  function voiced(turn: Turn, reply: Reply): Reply {
    if (turn.channel !== 'alice' && turn.channel !== 'google') return reply;
    const tts = speech(reply.text, turn.locale, texts);
    return tts === reply.text ? reply : { ...reply, tts };
  }

  return { handle };
}

/** Versioned session writes a turn tries before giving up (each loss means another turn of the session was written). */
const WRITE_ATTEMPTS = 6;

/** 12 hex digits from a pool of random bytes refilled 4 KiB at a time (one `randomBytes` call per turn was measurable). */
let pool = Buffer.alloc(0);
let poolAt = 0;
function randomId(): string {
  if (poolAt + 6 > pool.length) {
    pool = crypto.randomBytes(4096);
    poolAt = 0;
  }
  poolAt += 6;
  return pool.toString('hex', poolAt - 6, poolAt);
}
