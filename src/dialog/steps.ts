/**
 * The turn as a short list of named steps (composed in ./compose.ts). Before the speaker is known:
 * a re-delivered message, the open-line policy, linking a voice user, unlinking, the greeting.
 * With the speaker's portal: cancel, help, the pending question, confirm or correct, a new
 * command, not understood.
 */
import { containsPhrase } from './phrases';
import type { Ctx, DialogDeps } from './context';
import { act, answerPending, isCommand, proceed, start } from './flow';
import { readCode, tryLink } from './link';
import type { NumberWords } from '../nlu/numbers';
import type { Lang } from '../nlu/types';
import type { NamedStep } from './compose';
import type { SessionState } from './session';
import type { Texts } from './texts';
import type { Reply, Turn } from './types';

/** What the steps before the speaker's portal see. */
export interface TurnCtx {
  turn: Turn;
  lang: Lang;
  state: SessionState;
  deps: DialogDeps;
  texts: Texts;
  numbers: Record<Lang, NumberWords>;
  newId(): string;
}

const say = (c: TurnCtx, file: string, key: string, vars?: Record<string, string | number>) => c.texts.say(file, key, c.lang, vars);

// ---- before the speaker's portal --------------------------------------------------------------

/** A message the platform delivers again (same id) gets the same answer and changes nothing. */
const repeated: NamedStep<TurnCtx> = {
  name: 'repeated',
  async run(c, next) {
    const id = c.turn.messageId;
    if (id && c.state.last?.messageId === id) return { text: c.state.last.text, ...(c.state.last.buttons ? { buttons: c.state.last.buttons } : {}) };
    return next();
  },
};

/**
 * Open lines (dialogue.md): the bot hands the chat to an operator when the client asks for a
 * person, at once for a client of a hot lead (checked once per chat), when it cannot act for the
 * client at all (an outsider: no portal account), and when stuck (`stuck_after` turns in a row not
 * understood). The counters live in the session, so any process can take the next message.
 */
const openLine: NamedStep<TurnCtx> = {
  name: 'open line',
  async run(c, next) {
    if (c.turn.channel !== 'openlines' || !c.turn.text.trim()) return next();
    // Counters are written only when there is something to count (no session row for nothing).
    const ol = c.state.openLine ?? {};
    const keep = () => {
      c.state.openLine = ol.unknown || ol.hotChecked ? ol : undefined;
    };
    const handOff = (text: string): Reply => {
      ol.unknown = undefined;
      keep();
      return { text, handOff: true };
    };
    const words = c.texts.raw<string[]>('common', 'openline.operator_request') ?? [];
    if (containsPhrase(c.turn.text, words)) return handOff(say(c, 'common', 'openline.handoff'));
    const crm = c.turn.crm;
    if (crm && c.deps.isHotRecord && c.turn.memberId && !ol.hotChecked) {
      ol.hotChecked = true;
      const hot = await c.deps.isHotRecord(c.turn.memberId, crm).catch(() => false);
      if (hot) return handOff(say(c, 'common', 'openline_hot_lead'));
    }
    if (!c.turn.account) return handOff(say(c, 'common', 'openline.handoff'));
    const reply = await next();
    if (reply.handOff) return handOff(reply.text);
    ol.unknown = reply.parse?.intent === 'unknown' ? (ol.unknown ?? 0) + 1 : undefined;
    const stuckAfter = c.texts.raw<number>('common', 'openline.stuck_after') ?? 2;
    if ((ol.unknown ?? 0) >= stuckAfter) return handOff(say(c, 'common', 'openline.handoff'));
    keep();
    return reply;
  },
};

/** A voice user not linked yet: take the spoken code, or ask for it. */
const link: NamedStep<TurnCtx> = {
  name: 'link',
  async run(c, next) {
    if (c.turn.account) return next();
    const { turn, deps } = c;
    if (!deps.link || !turn.voiceUser || (turn.channel !== 'alice' && turn.channel !== 'google')) return { text: say(c, 'common', 'link.ask_code') };
    const numbers = c.numbers[c.lang];
    // Only something shaped like a code is checked (and counted); "созвон в 11" just gets the request for the code.
    const fillers = c.texts.raw<Record<Lang, string[]>>('common', 'link.code_words')?.[c.lang] ?? [];
    const shape = readCode(turn.text, (words, i) => numbers.readAt(words, i), fillers, turn.hints?.numbers);
    if (shape.kind === 'none') return { text: say(c, 'common', 'link.ask_code') };
    if (shape.kind === 'malformed') return { text: say(c, 'common', 'link.bad_length') };
    const outcome = await tryLink(deps.link, turn.channel, turn.voiceUser, turn.voiceApp, shape.digits, turn.now.getTime());
    switch (outcome.kind) {
      case 'linked':
        return { text: say(c, 'common', 'link.linked') };
      case 'locked': {
        const minutes = Math.max(1, Math.ceil(outcome.retryAfterMs / 60_000));
        return { text: say(c, 'common', outcome.scope === 'voiceUser' ? 'link.locked' : 'link.paused', { minutes }) };
      }
      case 'wrong':
        return { text: say(c, 'common', 'link.wrong') };
    }
  },
};

/** "Отвяжи": a voice user unlinks by voice. */
const unlink: NamedStep<TurnCtx> = {
  name: 'unlink',
  async run(c, next) {
    const { turn, deps } = c;
    const words = c.texts.raw<Record<Lang, string[]>>('common', 'link.unlink_words')?.[c.lang] ?? [];
    if (!deps.link || !turn.voiceUser || (turn.channel !== 'alice' && turn.channel !== 'google') || !words.some((w) => turn.text.toLowerCase().includes(w))) return next();
    await deps.link.voiceLinks.remove(turn.channel, turn.voiceUser);
    await deps.sessions.delete(turn.sessionKey);
    for (const k of Object.keys(c.state)) delete (c.state as Record<string, unknown>)[k];
    return { text: say(c, 'common', 'link.unlinked'), endSession: true };
  },
};

/** Nothing said (a voice session's first request, a bot joining): greet. A new session forgets a stale draft. */
const greet: NamedStep<TurnCtx> = {
  name: 'greet',
  run(c, next) {
    if (c.turn.newSession) c.state.draft = undefined;
    if (!c.turn.text.trim() && !c.turn.payload) return { text: say(c, 'common', 'greeting') };
    return next();
  },
};

export const BEFORE_PORTAL: readonly NamedStep<TurnCtx>[] = [repeated, openLine, link, unlink, greet];

// ---- with the speaker's portal -------------------------------------------------------------------

const cancel: NamedStep<Ctx> = {
  name: 'cancel',
  run(c, next) {
    if (c.p.intent !== 'cancel') return next();
    c.state.draft = undefined;
    return { text: c.say('common', 'cancelled') };
  },
};

const help: NamedStep<Ctx> = {
  name: 'help',
  run: (c, next) => (c.p.intent === 'help' ? { text: c.say('common', 'help') } : next()),
};

/**
 * The answer to the question asked. A new command is not an answer — unless it is the same
 * command (its slots answer the question) or the question wants free text (a title, a message).
 */
const answer: NamedStep<Ctx> = {
  name: 'answer pending',
  async run(c, next) {
    const d = c.state.draft;
    if (!d?.asking) return next();
    // A pressed button always answers; its title read as a command would not.
    if (isCommand(c.p.intent) && c.p.intent !== d.intent && !isFreeText(d.asking) && c.turn.payload === undefined) return next();
    return (await answerPending(c, d)) ?? next();
  },
};

const isFreeText = (slot: string) => slot === 'title' || slot === 'text';

/** "Да" acts; "нет" asks what to change; a correction changes that slot and confirms again. */
const confirmOrCorrect: NamedStep<Ctx> = {
  name: 'confirm or correct',
  async run(c, next) {
    const d = c.state.draft;
    const p = c.p;
    if (!d?.confirming) {
      // "да" again after the action was done (re-delivered, or said twice): the same answer, no new action.
      if (p.intent === 'confirm' && c.state.done) return { text: c.state.done.text };
      return next();
    }
    if (isCommand(p.intent)) return next();
    if (p.intent === 'confirm') return act(c, d);
    if (p.intent === 'reject' && Object.keys(p.slots).length) {
      Object.assign(d.slots, p.slots);
      return proceed(c, d);
    }
    if (p.intent === 'reject') return { text: c.say('common', 'what_to_change') };
    // A bare correction without "нет" ("на среду", "Антону").
    const fix = c.parse(`${c.say('common', 'no_word')}, ${c.turn.text}`, d.intent);
    if (fix.intent === 'reject' && Object.keys(fix.slots).length) {
      Object.assign(d.slots, fix.slots);
      return proceed(c, d);
    }
    return next();
  },
};

/** A new command always starts over, whatever was being built. */
const startCommand: NamedStep<Ctx> = {
  name: 'start command',
  run: (c, next) => (isCommand(c.p.intent) ? start(c) : next()),
};

/** Nothing fits: repeat the open question (or the confirmation), else say what can be said. */
async function notUnderstood(c: Ctx): Promise<Reply> {
  const d = c.state.draft;
  if (d?.confirming) return proceed(c, d);
  return { text: c.say('common', 'unknown') };
}

export const WITH_PORTAL: readonly NamedStep<Ctx>[] = [cancel, help, answer, confirmOrCorrect, startCommand];
export { notUnderstood };
