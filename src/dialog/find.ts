/**
 * Which existing item a reference means (nlu.md "reference"): by id; by title words — stems, any
 * order, ё/е alike, a kind of meeting in the query need not be in the title; by a person with it
 * (a task's responsible or creator, an event's attendee or owner); by the date or moment it is on.
 * Pure: the items come from the portal, read with the speaker's rights.
 */
import type { ItemRef, LocalDate } from '../nlu/types';
import { textTokens } from '../scoring/text';
import type { PlanItem } from './types';

export interface FindOptions {
  /** Words that name a kind of meeting (stems are compared): optional in a title. */
  kindWords: readonly string[];
  /** Whose the speaker is, for a reference with `{self: true}`. */
  self: number;
}

/** The items the reference fits, in time order. */
export function matchItems(items: readonly PlanItem[], ref: ItemRef, o: FindOptions): PlanItem[] {
  // The title words as said first; when nothing has them all, without the kind of meeting
  // ("планёрка по продажам" finds "Продажи: итоги недели").
  const all = ref.query ? textTokens(ref.query) : [];
  const exact = matchWith(items, ref, o, all);
  if (exact.length || !all.length) return exact;
  const kinds = new Set(o.kindWords.flatMap((w) => textTokens(w)));
  const rest = all.filter((w) => !kinds.has(w));
  return rest.length === all.length ? exact : matchWith(items, ref, o, rest);
}

function matchWith(items: readonly PlanItem[], ref: ItemRef, o: FindOptions, wanted: string[]): PlanItem[] {
  const person = ref.person && 'userId' in ref.person ? ref.person.userId : ref.person && 'self' in ref.person ? o.self : undefined;
  const candidates = ref.person && 'candidates' in ref.person ? ref.person.candidates : undefined;
  return items
    .filter((item) => {
      if (ref.id !== undefined && item.id !== ref.id) return false;
      if (wanted.length && !titleHas(item.title, wanted)) return false;
      const people = item.kind === 'task' ? [item.responsibleId, item.createdBy, ...item.accompliceIds] : [item.ownerId, item.organizerId, ...item.attendeeIds];
      if (person !== undefined && !people.includes(person)) return false;
      if (candidates && !candidates.some((id) => people.includes(id))) return false;
      if (ref.at && !isAt(item, ref.at)) return false;
      return true;
    })
    .sort((a, b) => timeOf(a).localeCompare(timeOf(b)) || a.id - b.id);
}

/** Every wanted stem begins some word of the title (so "отчёт" finds "Отчёты за ноябрь"), in any order. */
function titleHas(title: string, wanted: string[]): boolean {
  const words = textTokens(title);
  return wanted.every((w) => words.some((t) => t.startsWith(w) || w.startsWith(t)));
}

/** A date: the item is on that day; a moment: it starts (or is due) then. */
function isAt(item: PlanItem, at: string): boolean {
  const t = item.kind === 'task' ? item.deadline : item.start;
  if (!t) return false;
  return at.length === 10 ? t.slice(0, 10) === at : t.slice(0, 16) === at.slice(0, 16);
}

export const timeOf = (item: PlanItem): string => (item.kind === 'task' ? (item.deadline ?? '9999') : item.start);

/** The range to look for events in: the reference's day, else from yesterday for five weeks. */
export function searchRange(ref: ItemRef, today: LocalDate): { from: LocalDate; to: LocalDate } {
  if (ref.at) return { from: ref.at.slice(0, 10), to: ref.at.slice(0, 10) };
  return { from: addDays(today, -1), to: addDays(today, 35) };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Minutes between two local moments (dates count as midnight). */
export function minutesBetween(a: string, b: string): number {
  const ms = (v: string) => Date.parse(`${v.length === 10 ? `${v}T00:00` : v.slice(0, 16)}:00Z`);
  return Math.round((ms(b) - ms(a)) / 60_000);
}
