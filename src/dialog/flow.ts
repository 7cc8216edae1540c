/**
 * How any command moves, whatever its intent: people first, then the required slots one question
 * at a time, then what the intent prepares, then the confirmation (or, for a reading intent, the
 * answer at once); an answer is read in the context of its question; a confirmed draft is done at
 * most once. The intent-specific parts come from the module table (./intents).
 */
import type { PersonSlot, Slots } from '../nlu/types';
import type { Ctx } from './context';
import { failureReply } from './failure';
import { INTENTS, isCommand } from './intents';
import type { IntentModule } from './intents/module';
import { nobody, resolvePeople } from './people';
import type { Draft } from './session';
import { fill } from './texts';
import type { Reply } from './types';

const moduleOf = (d: Draft) => INTENTS[d.intent] as unknown as IntentModule<Draft['intent']>; // a draft only exists for an intent with a module

/** Start a command from a parse. */
export function start(c: Ctx): Promise<Reply> {
  const p = c.p;
  if (!isCommand(p.intent)) throw new Error(`${p.intent} is not a command`);
  const draft = { id: c.newId(), intent: p.intent, slots: { ...p.slots } } as Draft;
  return proceed(c, draft);
}

/** Resolve people, ask for what is missing, prepare, then confirm (or act at once). */
export async function proceed(c: Ctx, d: Draft): Promise<Reply> {
  const mod = moduleOf(d);
  d.asking = undefined;
  d.candidates = undefined;
  d.confirming = false;
  c.state.draft = d;
  const people = resolvePeople(c, d, mod.personSlot);
  if (people) return people;
  const slots = d.slots as Record<string, unknown>;
  for (const slot of mod.requires) {
    if (slots[slot] === undefined) {
      d.asking = slot;
      return { text: c.say(d.intent, `ask.${slot}`) };
    }
  }
  const more = await mod.prepare?.(c, d as never);
  if (more) return more;
  d.misses = undefined;
  if (!mod.confirms) return act(c, d);
  d.confirming = true;
  return { text: mod.confirms(c, d as never), buttons: c.yesNo() };
}

/** Do it — at most once per confirmed draft: the key is the session and the draft's id. */
export async function act(c: Ctx, d: Draft): Promise<Reply> {
  const mod = moduleOf(d);
  const key = `${c.turn.sessionKey}:${d.id}`;
  let reply: Reply;
  try {
    reply = await runWhenFree(() => mod.does(c, d as never, key), c.deps.config.actionWaitMs ?? 20_000);
  } catch (e) {
    // Still running elsewhere after the wait: keep the draft, so the next "да" answers with its outcome.
    if ((e as { kind?: string }).kind === 'in_progress') return { text: c.say('common', 'action_running'), buttons: c.yesNo() };
    if (c.state.draft?.id === d.id) c.state.draft = undefined;
    return failureReply(c, e);
  }
  // A reading intent may leave a new question (several records fit); a done draft is forgotten.
  if (c.state.draft?.id === d.id) c.state.draft = undefined;
  if (mod.confirms) c.state.done = { id: d.id, text: reply.text };
  return reply;
}

/**
 * The same "да" may be carried out by another request right now (a duplicate at another process,
 * or one in flight when a process died): wait for it and answer the same. The portal layer's lock
 * lease is short and renewed by a live holder, and a dead holder on this host is recognised at once,
 * so the wait ends within the lease (src/bitrix/actions.ts); the action still happens once.
 */
async function runWhenFree(run: () => Promise<Reply>, waitMs: number): Promise<Reply> {
  let waited = 0;
  for (let pause = 200; ; pause = Math.min(pause * 2, 1000)) {
    try {
      return await run();
    } catch (e) {
      if ((e as { kind?: string }).kind !== 'in_progress' || waited >= waitMs) throw e;
    }
    await new Promise((r) => setTimeout(r, pause));
    waited += pause;
  }
}

/**
 * Read the answer to the pending question. Null: it is no answer (the next steps take the turn).
 * A whole new command, "отмена" and "помощь" never get here (earlier steps took them).
 */
export async function answerPending(c: Ctx, d: Draft): Promise<Reply | null> {
  const mod = moduleOf(d);
  const own = await mod.answer?.(c, d as never);
  const outcome = own ?? readAnswer(c, d, mod);
  if (outcome === null) return null;
  // Filled: go on (an unresolved name read from the answer is counted by resolvePeople).
  if (outcome === 'filled') return proceed(c, d);
  d.misses = (d.misses ?? 0) + 1;
  return outcome;
}

function readAnswer(c: Ctx, d: Draft, mod: IntentModule<Draft['intent']>): 'filled' | Reply | null {
  const text = c.turn.text.trim();
  const payload = (c.turn.payload ?? {}) as { userId?: number };
  const slots = d.slots as Record<string, unknown>;
  const slot = d.asking!;
  if (slot === mod.personSlot) {
    let person: PersonSlot | null = null;
    if (typeof payload.userId === 'number') person = { userId: payload.userId };
    else if (d.candidates) {
      const sub = { ...c.directory, users: c.directory.users.filter((u) => d.candidates!.includes(u.id)) };
      person = c.deps.parser.resolvePerson(text, sub, c.lang);
      if (person && !('userId' in person)) person = null;
    }
    if (!person) {
      const frame = c.texts.raw<Record<string, string>>(d.intent, `answer_frame.${slot}`)?.[c.lang];
      const framed = frame ? c.parse(fill(frame, { answer: text })) : null;
      const got = framed ? (framed.slots as Record<string, unknown>)[slot] : undefined;
      person = (Array.isArray(got) ? (got[0] as PersonSlot) : (got as PersonSlot | undefined)) ?? c.deps.parser.resolvePerson(text, c.directory, c.lang);
    }
    if (!person) return nobody(c, text, (d.misses ?? 0) > 0);
    if (Array.isArray(slots[slot]) || mod.personList) {
      const list = ((slots[slot] as PersonSlot[] | undefined) ?? []).filter((x) => !('candidates' in x));
      slots[slot] = [...list, person];
    } else slots[slot] = person;
    return 'filled';
  }
  const frame = c.texts.raw<Record<string, string>>(d.intent, `answer_frame.${slot}`)?.[c.lang];
  if (frame) {
    // A time or another structured slot: the answer is put into a command frame and parsed.
    const t = c.parse(fill(frame, { answer: text })).slots as Slots;
    const value = (t as Record<string, unknown>)[slot];
    if (value === undefined) return { text: c.say(d.intent, `ask.${slot}`) };
    slots[slot] = value;
    if (slot === 'start') Object.assign(slots, t.end ? { end: t.end } : {}, t.allDay ? { allDay: true } : {});
    return 'filled';
  }
  if ((mod.freeText as readonly string[] | undefined)?.includes(slot)) {
    // Free text: a title or a message is what was said — but never a bare "да"/"нет".
    if (!text || c.p.intent === 'confirm' || c.p.intent === 'reject') return { text: c.say(d.intent, `ask.${slot}`) };
    slots[slot] = slot === 'title' && 'title' in c.p.slots && c.p.slots.title ? c.p.slots.title : text;
    return 'filled';
  }
  return { text: c.say(d.intent, `ask.${slot}`) };
}

export { isCommand };
