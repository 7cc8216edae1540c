/**
 * What the changing intents share: finding the item a reference means (one → used, several → a
 * button each, none → say what was searched for), reading the answer to "which one", and saying
 * an item with its time.
 */
import type { ItemRef } from '../../nlu/types';
import type { Ctx } from '../context';
import { matchItems, searchRange } from '../find';
import type { DraftOf } from '../session';
import type { EventItem, PlanItem, Reply, TaskItem } from '../types';
import type { Answered } from './module';

type Changing = 'task.complete' | 'task.update' | 'event.update' | 'event.cancel';
type RefSlot = 'task' | 'event';

const today = (c: Ctx) => {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: c.turn.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(c.turn.now);
  return p.slice(0, 10);
};

/** The one item the draft's reference means, or the question to ask about it. */
export async function findReferenced<I extends Changing>(c: Ctx, d: DraftOf<I>, slot: RefSlot): Promise<TaskItem | EventItem | Reply> {
  const slots = d.slots as Record<string, unknown>;
  const ref = (slots[slot] as ItemRef | undefined) ?? {};
  const found = d.found as PlanItem | undefined;
  if (found && ref.id === found.id && found.kind === slot) return found as TaskItem | EventItem;
  const kind = slot;
  const range = kind === 'event' && ref.id === undefined ? searchRange(ref, today(c)) : {};
  const items = await c.deps.actions.findItems(c.account, { kind, ...(ref.id !== undefined ? { id: ref.id } : {}), ...range, timeZone: c.turn.timeZone });
  const kindWords = c.texts.raw<string[]>('common', 'meeting_kinds') ?? [];
  const matches = matchItems(items.filter((i) => i.kind === kind), ref, { kindWords, self: c.account.userId });
  d.asking = slot;
  if (matches.length === 0) {
    d.candidates = undefined;
    d.misses = (d.misses ?? 0) + 1;
    return { text: c.say('common', `reference.none_${kind}`, { what: describe(c, ref) }) };
  }
  if (matches.length > 1) {
    const shown = matches.slice(0, 8);
    d.candidates = shown.map((m) => m.id);
    const labels = shown.map((m) => itemLabel(c, m));
    return {
      text: c.say('common', `reference.which_${kind}`, { options: labels.join(c.say('common', 'or')) }),
      buttons: shown.map((m, k) => ({ title: labels[k]!, payload: { itemId: m.id } })),
    };
  }
  d.asking = undefined;
  d.candidates = undefined;
  const item = matches[0]!;
  slots[slot] = { id: item.id };
  d.found = item as unknown as Record<string, unknown>;
  return item as TaskItem | EventItem;
}

export const isReply = (x: unknown): x is Reply => typeof (x as Reply).text === 'string' && !('kind' in (x as object));

/** "Which one?" answered: a button, a number of the list, words of one title; else a new reference. */
export function answerReference<I extends Changing>(c: Ctx, d: DraftOf<I>, slot: RefSlot): Answered | null {
  if (d.asking !== slot) return null;
  const slots = d.slots as Record<string, unknown>;
  const payload = (c.turn.payload ?? {}) as { itemId?: unknown };
  const text = c.turn.text.trim();
  if (typeof payload.itemId === 'number') {
    slots[slot] = { id: payload.itemId };
    return 'filled';
  }
  if (!text || c.p.intent === 'confirm' || c.p.intent === 'reject') return { text: c.say('common', `reference.ask_${slot}`) };
  const n = /^\D*(\d+)\D*$/.exec(text)?.[1];
  if (d.candidates && n !== undefined) {
    const k = Number(n);
    const id = d.candidates.includes(k) ? k : d.candidates[k - 1];
    if (id !== undefined) {
      slots[slot] = { id };
      return 'filled';
    }
  }
  // Anything else names the item anew (its title words); the search runs again.
  const own = c.p.intent === d.intent ? ((c.p.slots as Record<string, unknown>)[slot] as ItemRef | undefined) : undefined;
  slots[slot] = own && Object.keys(own).length ? own : { query: text };
  d.found = undefined;
  return 'filled';
}

/** What was searched for, said back: «отчёт», Антон Смирнов, завтра. */
function describe(c: Ctx, ref: ItemRef): string {
  const parts: string[] = [];
  if (ref.id !== undefined) parts.push(c.say('common', 'reference.number', { id: ref.id }));
  if (ref.query) parts.push(c.say('common', 'reference.titled', { query: ref.query }));
  if (ref.person) parts.push(c.say('common', 'reference.with', { name: c.nameOf(ref.person) }));
  if (ref.at) parts.push(c.when(ref.at));
  return parts.join(' ');
}

/** An item with its time, for a button or a question: "«Планёрка» завтра в 11:00". */
export function itemLabel(c: Ctx, item: PlanItem): string {
  const title = c.say('common', 'quoted', { text: item.title });
  if (item.kind === 'task') return item.deadline ? `${title} ${c.say('common', 'reference.due', { date: c.when(item.deadline) })}` : title;
  return `${title} ${c.when(item.allDay ? item.start.slice(0, 10) : item.start)}`;
}

/** Refuse in words, before any confirmation: the draft is dropped. */
export function refuse(c: Ctx, key: string, vars: Record<string, string | number>): Reply {
  c.state.draft = undefined;
  return { text: c.say('common', `reference.refused.${key}`, vars) };
}

/** The event the reference means, when the speaker organises it; else the question or the refusal. */
export async function organisedEvent<I extends 'event.update' | 'event.cancel'>(c: Ctx, d: DraftOf<I>): Promise<Reply | null> {
  const event = await findReferenced(c, d, 'event');
  if (isReply(event)) return event;
  const e = event as EventItem;
  return e.organizerId === c.account.userId ? null : refuse(c, 'event', { name: c.nameOf({ userId: e.organizerId }) });
}
