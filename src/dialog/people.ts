/**
 * People in a draft: several candidates → "which one", with a button each; nobody → say so, name
 * the closest people of the directory and how to get out ("отмена").
 */
import type { Directory, PersonSlot } from '../nlu/types';
import type { Ctx } from './context';
import type { Draft } from './session';
import type { Reply } from './types';

/** The slot's persons as a list (a slot holds one person or several). */
export function personsIn(d: Draft, slot: string): PersonSlot[] {
  const v = (d.slots as Record<string, unknown>)[slot];
  return Array.isArray(v) ? (v as PersonSlot[]) : v ? [v as PersonSlot] : [];
}

/** Resolve the first person that needs it; a reply when one had to be asked about. */
export function resolvePeople(c: Ctx, d: Draft, slot: string | undefined): Reply | null {
  if (!slot) return null;
  const slots = d.slots as Record<string, unknown>;
  const value = slots[slot];
  const list = personsIn(d, slot);
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if ('candidates' in p) {
      d.asking = slot;
      d.candidates = p.candidates;
      return whichOne(c, p.candidates);
    }
    if ('unresolved' in p) {
      list.splice(i, 1);
      if (Array.isArray(value)) slots[slot] = list;
      else delete slots[slot];
      d.asking = slot;
      const reply = nobody(c, p.unresolved, (d.misses ?? 0) > 0);
      d.misses = (d.misses ?? 0) + 1;
      return reply;
    }
  }
  return null;
}

export function whichOne(c: Ctx, ids: number[]): Reply {
  const options = ids.map((id) => c.nameOf({ userId: id }));
  return {
    text: c.say('common', 'which_person', { options: options.join(c.say('common', 'or')) }),
    buttons: ids.map((id, k) => ({ title: options[k]!, payload: { userId: id } })),
  };
}

/**
 * "Не нашёл сотрудника «Петров»." — with the closest names when there are any, and the way out
 * ("или скажите «отмена»") once the question has missed before or a hint is offered.
 */
export function nobody(c: Ctx, name: string, missedBefore = false): Reply {
  const close = closestPeople(c.directory, name, c.account.userId);
  const names = close.map((id) => c.nameOf({ userId: id }));
  if (!close.length) return { text: c.say('common', missedBefore ? 'nobody_stuck' : 'nobody', { name }) };
  return {
    text: c.say('common', 'nobody_hint', { name, options: names.join(c.say('common', 'or')) }),
    buttons: close.map((id, k) => ({ title: names[k]!, payload: { userId: id } })),
  };
}

/**
 * Up to three users whose first or last name is nearest to what was said (edit distance over the
 * common prefix-folded forms), the speaker left out: a hint for a misheard or misspelt name.
 */
export function closestPeople(directory: Directory, said: string, self: number, max = 3): number[] {
  const words = fold(said).split(' ').filter((w) => w.length >= 2);
  if (!words.length) return [];
  const scored: { id: number; d: number }[] = [];
  for (const u of directory.users) {
    if (u.id === self || u.active === false) continue;
    const names = [u.name, u.lastName].filter(Boolean).map(fold);
    let best = Infinity;
    for (const w of words) for (const n of names) best = Math.min(best, distance(w, n));
    // Close enough to be worth naming: about a third of the word may differ (endings of cases included).
    if (best <= Math.max(2, Math.ceil(words[0]!.length / 3))) scored.push({ id: u.id, d: best });
  }
  return scored.sort((a, b) => a.d - b.d || a.id - b.id).slice(0, max).map((s) => s.id);
}

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\s-]+/gu, ' ').replace(/\s+/g, ' ').trim();

/**
 * Edit distance where the said word may be an inflected form: the name is compared with the
 * word's prefix of the name's length as well ("петрову" ~ "петров"), whichever is smaller.
 */
function distance(word: string, name: string): number {
  const whole = lev(word, name);
  const cut = word.length > name.length ? lev(word.slice(0, name.length), name) + 1 : whole;
  return Math.min(whole, cut);
}

function lev(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
