/**
 * The conversation, one for every channel: `Turn → Reply`. Small steps in order —
 * link → cancel/help → answer a question → confirm or correct → start a command — each a function
 * that either answers or passes. Session state lives in the store (optimistic versions), the clock
 * comes in the turn, the portal is reached only through `PortalActions`.
 */
import crypto from 'node:crypto';
import type { Parser } from '../nlu';
import type { Directory, Lang, LeadRef, ParseResult, PersonSlot, Slots } from '../nlu/types';
import { loadNumberWords, type NumberWords } from '../nlu/numbers';
import type { SessionStore } from '../store/types';
import { digitsOf, tryLink, type LinkDeps } from './link';
import { isPast, sayDate } from './say-date';
import { fill, loadTexts, type Texts } from './texts';
import type { Account, Button, Dialog, PortalActions, Reply, Turn } from './types';

type CommandIntent = 'task.create' | 'event.create' | 'message.send' | 'lead.score';
const COMMANDS = new Set<string>(['task.create', 'event.create', 'message.send', 'lead.score']);

/** A command being built, kept in the session between turns. */
export interface Draft {
  id: string;
  intent: CommandIntent;
  slots: Slots;
  /** The slot we asked for ("time" = a time of day for an event said with a bare date). */
  asking?: string;
  /** Candidates offered for a person slot. */
  candidates?: number[];
  confirming?: boolean;
}

export interface SessionState {
  draft?: Draft;
  /** The last action done, so a repeated "да" answers the same without acting again. */
  done?: { id: string; text: string };
}

export interface DialogConfig {
  /** Hour a task deadline said as a bare date gets (the portal layer applies it). Default 12. */
  defaultDeadlineHour: number;
  /** How long an idle conversation is kept, ms. Default 30 minutes. */
  sessionTtlMs?: number;
}

export interface DialogDeps {
  parser: Parser;
  sessions: SessionStore;
  actions: PortalActions;
  /** Linking of voice users; without it unlinked voice users are told to link in the portal. */
  link?: LinkDeps;
  config: DialogConfig;
  texts?: Texts;
  newId?: () => string;
}

interface Ctx {
  turn: Turn;
  lang: Lang;
  account: Account;
  directory: Directory;
  state: SessionState;
}

export function createDialog(deps: DialogDeps): Dialog {
  const texts = deps.texts ?? loadTexts();
  const numbers: Record<Lang, NumberWords> = { ru: loadNumberWords('ru'), en: loadNumberWords('en') };
  const newId = deps.newId ?? randomId;
  const ttl = deps.config.sessionTtlMs ?? 30 * 60_000;
  const say = (file: string, key: string, lang: Lang, vars?: Record<string, string | number>) => texts.say(file, key, lang, vars);

  const yesNo = (lang: Lang): Button[] => [
    { title: say('common', 'buttons.yes', lang), payload: { answer: 'yes' } },
    { title: say('common', 'buttons.no', lang), payload: { answer: 'no' } },
  ];

  function parseIn(c: Ctx, text: string, expecting?: CommandIntent): ParseResult {
    return deps.parser.parse(text, { now: c.turn.now, timeZone: c.turn.timeZone, directory: c.directory, lang: c.lang, ...(expecting ? { expecting } : {}) });
  }

  const nameOf = (c: Ctx, p: PersonSlot): string => {
    if ('self' in p) return c.lang === 'ru' ? 'вы' : 'you';
    if ('userId' in p) {
      const u = c.directory.users.find((x) => x.id === p.userId);
      return u ? `${u.name} ${u.lastName}`.trim() : `#${p.userId}`;
    }
    if ('unresolved' in p) return p.unresolved;
    return '';
  };

  // ---- steps ------------------------------------------------------------------------------

  /** Resolve people, ask for what is missing, or confirm. */
  function proceed(c: Ctx, draft: Draft): Reply {
    const file = draft.intent;
    const lang = c.lang;
    draft.asking = undefined;
    draft.candidates = undefined;
    draft.confirming = false;
    c.state.draft = draft;
    // People first: several candidates → which one; nobody → say so and ask again.
    const personSlot = texts.raw<string>(file, 'person_slot');
    if (personSlot) {
      const value = (draft.slots as Record<string, unknown>)[personSlot];
      const list: PersonSlot[] = Array.isArray(value) ? (value as PersonSlot[]) : value ? [value as PersonSlot] : [];
      for (let i = 0; i < list.length; i++) {
        const p = list[i]!;
        if ('candidates' in p) {
          draft.asking = personSlot;
          draft.candidates = p.candidates;
          const options = p.candidates.map((id) => nameOf(c, { userId: id }));
          return {
            text: say('common', 'which_person', lang, { options: options.join(say('common', 'or', lang)) }),
            buttons: p.candidates.map((id, k) => ({ title: options[k]!, payload: { userId: id } })),
          };
        }
        if ('unresolved' in p) {
          list.splice(i, 1);
          if (Array.isArray(value)) (draft.slots as Record<string, unknown>)[personSlot] = list;
          else delete (draft.slots as Record<string, unknown>)[personSlot];
          draft.asking = personSlot;
          return { text: say('common', 'nobody', lang, { name: p.unresolved }) };
        }
      }
    }
    for (const slot of texts.raw<string[]>(file, 'required') ?? []) {
      if ((draft.slots as Record<string, unknown>)[slot] === undefined) {
        draft.asking = slot;
        return { text: say(file, `ask.${slot}`, lang) };
      }
    }
    if (draft.intent === 'event.create' && draft.slots.start && draft.slots.start.length === 10 && !draft.slots.allDay && !draft.slots.end) {
      draft.asking = 'time';
      return { text: say(file, 'ask.time', lang), buttons: [{ title: say(file, 'all_day_button', lang), payload: { allDay: true } }] };
    }
    draft.confirming = true;
    return { text: confirmation(c, draft), buttons: yesNo(lang) };
  }

  function confirmation(c: Ctx, d: Draft): string {
    const lang = c.lang;
    const when = (v: string) => sayDate(v, c.turn.now, c.turn.timeZone, lang, texts);
    switch (d.intent) {
      case 'task.create': {
        const s = d.slots;
        const past = s.deadline && isPast(s.deadline, c.turn.now, c.turn.timeZone) ? say('common', 'past_deadline', lang) : '';
        const whenText = s.deadline ? say('task.create', 'when', lang, { date: when(s.deadline) }) : '';
        const responsible = s.responsible ?? { self: true };
        const self = 'self' in responsible || ('userId' in responsible && responsible.userId === c.account.userId);
        return past + say('task.create', self ? 'confirm_self' : 'confirm_other', lang, { title: s.title ?? '', name: nameOf(c, responsible), when: whenText });
      }
      case 'event.create': {
        const s = d.slots;
        const title = s.title ?? say('event.create', 'default_title', lang);
        let whenText = when(s.start!);
        if (s.allDay) whenText = `${when(s.start!.slice(0, 10))} ${say('common', 'dates.all_day', lang)}`;
        else if (s.end) {
          const sameDay = s.end.slice(0, 10) === s.start!.slice(0, 10);
          whenText = sameDay
            ? `${when(s.start!.slice(0, 10))} ${say('common', 'dates.from_to', lang, { from: s.start!.slice(11), to: s.end.slice(11) })}`
            : say('common', 'dates.from_to', lang, { from: when(s.start!), to: when(s.end) });
        }
        const names = (s.attendees ?? []).map((p) => nameOf(c, p)).filter(Boolean);
        const withText = names.length ? say('event.create', 'with', lang, { names: names.join(', ') }) : '';
        const past = isPast(s.start!, c.turn.now, c.turn.timeZone) ? say('common', 'past_deadline', lang) : '';
        return past + say('event.create', 'confirm', lang, { title, when: whenText, with: withText });
      }
      case 'message.send':
        return say('message.send', 'confirm', lang, { name: nameOf(c, d.slots.recipient!), text: d.slots.text ?? '' });
      case 'lead.score':
        return '';
    }
  }

  /** Do it — at most once per confirmed draft: the key is the session and the draft's id. */
  async function act(c: Ctx, d: Draft): Promise<Reply> {
    const key = `${c.turn.sessionKey}:${d.id}`;
    const s = d.slots;
    const lang = c.lang;
    const run = async () => {
      switch (d.intent) {
        case 'task.create': {
          const r = s.responsible ?? { self: true };
          const responsibleId = 'userId' in r ? r.userId : c.account.userId;
          await deps.actions.createTask(c.account, { title: s.title!, responsibleId, ...(s.deadline ? { deadline: s.deadline } : {}), timeZone: c.turn.timeZone }, key);
          return say('task.create', 'done', lang);
        }
        case 'event.create': {
          const start = s.start!;
          const end = s.allDay ? (s.end ?? start.slice(0, 10)) : (s.end ?? plusHour(start));
          const attendeeIds = (s.attendees ?? []).flatMap((p) => ('userId' in p ? [p.userId] : []));
          await deps.actions.createEvent(c.account, { title: s.title ?? say('event.create', 'default_title', lang), start, end, allDay: !!s.allDay, attendeeIds, timeZone: c.turn.timeZone }, key);
          return say('event.create', 'done', lang);
        }
        case 'message.send': {
          const r = s.recipient!;
          const toUserId = 'userId' in r ? r.userId : c.account.userId;
          const sender = nameOf(c, { userId: c.account.userId });
          const relayText = say('message.send', 'relay', lang, { sender, text: s.text! });
          const sent = await deps.actions.sendMessage(c.account, { toUserId, text: s.text!, relayText }, key);
          return say('message.send', sent.via === 'bot' ? 'done_via_bot' : 'done', lang);
        }
        default:
          return '';
      }
    };
    let text: string;
    try {
      text = await run();
    } catch (e) {
      const kind = (e as { kind?: string }).kind;
      if (kind === 'in_progress') {
        // The same "да" is being carried out by another request: wait for it, then answer the same.
        await new Promise((r) => setTimeout(r, 300));
        text = await run();
      } else {
        c.state.draft = undefined;
        return failure(e, lang);
      }
    }
    c.state.draft = undefined;
    c.state.done = { id: d.id, text };
    return {
      text,
      buttons: [
        { title: say('common', 'buttons.new_task', lang), payload: { say: lang === 'ru' ? 'Создай задачу' : 'Create a task' } },
        { title: say('common', 'buttons.new_message', lang), payload: { say: lang === 'ru' ? 'Напиши сообщение' : 'Send a message' } },
      ],
    };
  }

  /** What a failed portal call turns into: a typed error's own sentence, else the portal's reason. */
  function failure(e: unknown, lang: Lang): Reply {
    const err = e as { kind?: string; url?: string; message?: string };
    if (err.kind === 'needs_authorization') {
      // No token of the speaker's own yet: say so, with the one-tap page that authorises them.
      return { text: say('common', 'needs_auth', lang), ...(err.url ? { buttons: [{ title: say('common', 'needs_auth_button', lang), url: err.url }] } : {}) };
    }
    return { text: say('common', 'failed', lang, { reason: err.message ?? String(e) }) };
  }

  async function leadScore(c: Ctx, ref: LeadRef | undefined): Promise<Reply> {
    const lang = c.lang;
    let lead = ref;
    if (lead?.context) {
      if (!c.turn.crm) return { text: say('lead.score', 'no_context', lang) };
      lead = { id: c.turn.crm.id, ...(c.turn.crm.entity === 'deal' ? { entity: 'deal' as const } : {}) };
    }
    if (!lead) {
      c.state.draft = { id: newId(), intent: 'lead.score', slots: {}, asking: 'lead' };
      return { text: say('lead.score', 'ask.lead', lang) };
    }
    c.state.draft = undefined;
    let a;
    try {
      a = await deps.actions.scoreLead(c.account, lead, lang);
    } catch (e) {
      // The portal refused the speaker this record: say only that (issue 12), nothing of the record.
      if ((e as { kind?: string }).kind === 'access_denied') return { text: say('lead.score', `no_access.${lead.entity === 'deal' ? 'deal' : 'lead'}`, lang) };
      return failure(e, lang);
    }
    const entity = (e: 'lead' | 'deal') => say('lead.score', `entity.${e}`, lang);
    switch (a.kind) {
      case 'score': {
        const reasons = a.reasons.length ? say('lead.score', 'reasons', lang, { list: a.reasons.join(lang === 'ru' ? ' и ' : ' and ') }) : '';
        const text = say('lead.score', 'score', lang, {
          entity: entity(a.entity),
          title: a.title,
          probability: Math.round(a.probability * 100),
          level: say('lead.score', `level.${a.level}`, lang),
          reasons,
          quality: Math.round(a.modelQuality.auc * 100),
        });
        return { text, card: { title: `${entity(a.entity)} «${a.title}»`, lines: [`${Math.round(a.probability * 100)}%`, ...a.reasons] } };
      }
      case 'no-model':
        return { text: say('lead.score', 'no_model', lang, { closed: a.closed.toLocaleString('ru-RU'), required: a.required.toLocaleString('ru-RU'), plural: say('lead.score', `entity_plural.${a.entity}`, lang) }) };
      case 'not-found':
        return { text: say('lead.score', 'not_found', lang) };
      case 'ambiguous': {
        // Several records match the title: offer them and take the number (spoken, typed or a button) next.
        c.state.draft = { id: newId(), intent: 'lead.score', slots: { lead: a.entity === 'deal' ? { entity: 'deal' } : {} }, asking: 'lead', candidates: a.options.map((o) => o.id) };
        const list = a.options.map((o) => say('lead.score', 'option', lang, { id: o.id, title: o.title }));
        return {
          text: say('lead.score', `ambiguous.${a.entity}`, lang, { list: list.join(', ') }),
          buttons: a.options.map((o, k) => ({ title: list[k]!, payload: { leadId: o.id } })),
        };
      }
    }
  }

  /** An answer to the question we asked. */
  function answer(c: Ctx, d: Draft, p: ParseResult): Reply | null {
    const text = c.turn.text.trim();
    const payload = (c.turn.payload ?? {}) as { userId?: number; allDay?: boolean };
    const slots = d.slots as Record<string, unknown>;
    const slot = d.asking!;
    const personSlot = texts.raw<string>(d.intent, 'person_slot');
    if (slot === personSlot) {
      let person: PersonSlot | null = null;
      if (typeof payload.userId === 'number') person = { userId: payload.userId };
      else if (d.candidates) {
        const sub: Directory = { ...c.directory, users: c.directory.users.filter((u) => d.candidates!.includes(u.id)) };
        person = deps.parser.resolvePerson(text, sub, c.lang);
        if (person && !('userId' in person)) person = null;
      }
      if (!person) {
        const frame = texts.raw<Record<Lang, string>>(d.intent, `answer_frame.${slot}`)?.[c.lang];
        const framed = frame ? parseIn(c, fill(frame, { answer: text })) : null;
        const got = framed ? (framed.slots as Record<string, unknown>)[slot] : undefined;
        person = (Array.isArray(got) ? (got[0] as PersonSlot) : (got as PersonSlot | undefined)) ?? deps.parser.resolvePerson(text, c.directory, c.lang);
      }
      if (!person) return { text: say('common', 'nobody', c.lang, { name: text }) };
      if (Array.isArray(slots[slot]) || slot === 'attendees') {
        const list = ((slots[slot] as PersonSlot[] | undefined) ?? []).filter((x) => !('candidates' in x));
        slots[slot] = [...list, person];
      } else slots[slot] = person;
      return proceed(c, d);
    }
    if (slot === 'time') {
      if (payload.allDay || /весь день|all day/i.test(text)) d.slots.allDay = true;
      else {
        const frame = say(d.intent, 'answer_frame.time', c.lang, { date: d.slots.start!, answer: text });
        const t = parseIn(c, frame).slots;
        if (t.start && t.start.length > 10) {
          d.slots.start = `${d.slots.start!.slice(0, 10)}${t.start.slice(10)}`;
          if (t.end) d.slots.end = `${d.slots.start.slice(0, 10)}${t.end.slice(10)}`;
        } else return { text: say(d.intent, 'ask.time', c.lang) };
      }
      return proceed(c, d);
    }
    if (slot === 'deadline' || slot === 'start') {
      const frame = say(d.intent, `answer_frame.${slot}`, c.lang, { answer: text });
      const t = parseIn(c, frame).slots;
      const value = slot === 'deadline' ? t.deadline : t.start;
      if (!value) return { text: say(d.intent, `ask.${slot}`, c.lang) };
      if (slot === 'deadline') d.slots.deadline = value;
      else Object.assign(d.slots, { start: t.start, ...(t.end ? { end: t.end } : {}), ...(t.allDay ? { allDay: true } : {}) });
      return proceed(c, d);
    }
    if (slot === 'lead') return { text: say('lead.score', 'ask.lead', c.lang) }; // a number is handled by the caller
    // Free text: a title or a message text is what was said.
    if (!text) return { text: say(d.intent, `ask.${slot}`, c.lang) };
    slots[slot] = slot === 'title' && p.slots.title ? p.slots.title : text;
    return proceed(c, d);
  }

  /** The first number said in words ("номер двенадцать" → "12"); '' when there is none. */
  function spokenNumber(text: string, lang: Lang): string {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const v = numbers[lang].readAt(words, i)?.value;
      if (v !== undefined) return String(v);
    }
    return '';
  }

  // ---- the turn ---------------------------------------------------------------------------

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
    const lang = turn.locale;
    const payload = (turn.payload ?? {}) as { answer?: string; say?: string };
    if (typeof payload.say === 'string') turn = { ...turn, text: payload.say, payload: undefined };

    if (!turn.account) return linking(turn);
    const account = turn.account;

    const unlink = texts.raw<Record<Lang, string[]>>('common', 'link.unlink_words')?.[lang] ?? [];
    if (deps.link && turn.voiceUser && (turn.channel === 'alice' || turn.channel === 'google') && unlink.some((w) => turn.text.toLowerCase().includes(w))) {
      await deps.link.voiceLinks.remove(turn.channel, turn.voiceUser);
      await deps.sessions.delete(turn.sessionKey);
      return { text: say('common', 'link.unlinked', lang), endSession: true };
    }

    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = await deps.sessions.get<SessionState>(turn.sessionKey, turn.now.getTime());
      const state: SessionState = stored ? stored.value : {}; // the store hands out its own copy (SessionStore.get)
      const directory = await deps.actions.directory(account);
      const c: Ctx = { turn, lang, account, directory, state };
      const reply = await step(c);
      // Nothing stored and nothing to remember (a greeting, help, a question we could not place):
      // no row is written; the next turn reads "no session" either way.
      if (!stored && isEmptyState(c.state)) return reply;
      const version = await deps.sessions.put(turn.sessionKey, c.state, stored?.version ?? 0, ttl, turn.now.getTime());
      if (version !== null) return reply;
      // Another turn of this conversation was written meanwhile: read it again and redo this one.
      // (An action already done is not repeated: its key is in the action log.)
    }
    return { text: say('common', 'unknown', lang) };
  }

  async function step(c: Ctx): Promise<Reply> {
    const { turn, lang, state } = c;
    const draft = state.draft;
    const payload = (turn.payload ?? {}) as { answer?: string };
    if (!turn.text.trim() && !turn.payload) return { text: say('common', 'greeting', lang) };

    const expecting = draft?.confirming && draft.intent !== 'lead.score' ? draft.intent : undefined;
    const p: ParseResult =
      payload.answer === 'yes'
        ? { intent: 'confirm', slots: {}, lang }
        : payload.answer === 'no'
          ? { intent: 'reject', slots: {}, lang }
          : parseIn(c, turn.text, expecting);
    const reply: Reply = await (async () => {
      if (p.intent === 'cancel') {
        state.draft = undefined;
        return { text: say('common', 'cancelled', lang) };
      }
      if (p.intent === 'help') return { text: say('common', 'help', lang) };
      // A new command always starts over, whatever was being built.
      if (COMMANDS.has(p.intent) && !(draft?.asking && (p.intent === draft.intent || draft.asking === 'title' || draft.asking === 'text'))) {
        return start(c, p);
      }
      if (draft?.asking) {
        if (draft.asking === 'lead') {
          // A button carries the id; a title button read back as text ("№12 «…»") or a spoken number starts with it.
          const picked = (turn.payload as { leadId?: unknown } | undefined)?.leadId;
          const n = typeof picked === 'number' ? String(picked) : (/\d+/.exec(turn.text)?.[0] ?? spokenNumber(turn.text, lang));
          if (n) return leadScore(c, { id: Number(n), ...(draft.slots.lead?.entity === 'deal' ? { entity: 'deal' as const } : {}) });
        }
        const r = answer(c, draft, p);
        if (r) return r;
      }
      if (draft?.confirming) {
        if (p.intent === 'confirm') return act(c, draft);
        if (p.intent === 'reject' && Object.keys(p.slots).length) {
          Object.assign(draft.slots, p.slots);
          return proceed(c, draft);
        }
        if (p.intent === 'reject') {
          draft.confirming = true;
          return { text: say('common', 'what_to_change', lang) };
        }
        // A bare correction without "нет" ("на среду", "Антону").
        const fix = parseIn(c, `${lang === 'ru' ? 'нет' : 'no'}, ${turn.text}`, draft.intent);
        if (fix.intent === 'reject' && Object.keys(fix.slots).length) {
          Object.assign(draft.slots, fix.slots);
          return proceed(c, draft);
        }
        return { text: confirmation(c, draft), buttons: yesNo(lang) };
      }
      // "да" again after the action was done (re-delivered, or said twice): the same answer, no new action.
      if (p.intent === 'confirm' && state.done) return { text: state.done.text };
      return { text: say('common', 'unknown', lang) };
    })();
    return { ...reply, parse: p };
  }

  function start(c: Ctx, p: ParseResult): Promise<Reply> | Reply {
    if (p.intent === 'lead.score') return leadScore(c, p.slots.lead);
    const draft: Draft = { id: newId(), intent: p.intent as CommandIntent, slots: { ...p.slots } };
    return proceed(c, draft);
  }

  async function linking(turn: Turn): Promise<Reply> {
    const lang = turn.locale;
    if (!deps.link || !turn.voiceUser || (turn.channel !== 'alice' && turn.channel !== 'google')) return { text: say('common', 'link.ask_code', lang) };
    const digits = digitsOf(turn.text, (words) => {
      let out = '';
      for (let i = 0; i < words.length; ) {
        const r = numbers[lang].readAt(words, i);
        if (r) {
          out += String(r.value);
          i += r.length;
        } else i++;
      }
      return out;
    });
    if (!digits) return { text: say('common', 'link.ask_code', lang) };
    const outcome = await tryLink(deps.link, turn.channel, turn.voiceUser, digits, turn.now.getTime());
    switch (outcome.kind) {
      case 'linked':
        return { text: say('common', 'link.linked', lang) };
      case 'locked':
        return { text: say('common', 'link.locked', lang) };
      case 'no-code':
        return { text: say('common', 'link.ask_code', lang) };
      case 'wrong':
        return { text: say('common', 'link.wrong', lang) };
    }
  }

  return { handle };
}

function isEmptyState(state: SessionState): boolean {
  for (const k in state) if ((state as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

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

function plusHour(start: string): string {
  const d = new Date(`${start}:00Z`);
  d.setUTCHours(d.getUTCHours() + 1);
  return d.toISOString().slice(0, 16);
}
