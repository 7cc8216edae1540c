/**
 * A cheap test that runs before chrono: a text with no digit and no date word cannot hold a date
 * or time, so chrono's dozens of regex scans are skipped for it (most commands carry no date).
 * The words come from the grammars (every list that names a date, a time or a unit, plus each
 * file's filterWords for the words that live in chrono's own patterns); a phrase counts by its
 * longest word, which must be there whenever the phrase is. Russian inflects, so there a word
 * passes when it starts with the stem (ending vowels cut) of a listed word.
 */
import type { EnGrammar, RuGrammar } from './grammar';

export type Prefilter = (text: string) => boolean;

const WORD = /\p{L}+/gu;
const ENDING = /[аеёиоуыэюяйь]+$/u;
const MIN_STEM = 3;

function anchorOf(phrase: string): string | undefined {
  let best: string | undefined;
  for (const w of phrase.toLowerCase().match(WORD) ?? []) if (!best || w.length > best.length) best = w;
  return best;
}

export function createPrefilter(phrases: Iterable<string>, stems: boolean): Prefilter {
  const exact = new Set<string>();
  const stemSet = new Set<string>();
  for (const p of phrases) {
    const a = anchorOf(p);
    if (!a) continue;
    exact.add(a);
    if (stems) {
      const s = a.replace(ENDING, '');
      if (s.length >= MIN_STEM) stemSet.add(s);
    }
  }
  return (text: string) => {
    if (/\d/.test(text)) return true;
    for (const w of text.toLowerCase().match(WORD) ?? []) {
      if (exact.has(w)) return true;
      if (stems) for (let n = MIN_STEM; n <= w.length; n++) if (stemSet.has(w.slice(0, n))) return true;
    }
    return false;
  };
}

const keys = (m: Record<string, unknown>) => Object.keys(m);

export function enPrefilter(g: EnGrammar): Prefilter {
  return createPrefilter(
    [
      ...keys(g.weekdays), ...keys(g.months), ...keys(g.cardinals), ...keys(g.tens), ...keys(g.ordinals),
      ...keys(g.dayParts), ...keys(g.fixedDurations), ...keys(g.durationUnits), ...keys(g.dayUnits),
      ...g.allDay, ...g.endOfWeek, ...g.endOfDay, ...g.endOfMonth, ...keys(g.noonWords), ...keys(g.minuteWords), ...g.filterWords,
    ],
    false,
  );
}

export function ruPrefilter(g: RuGrammar): Prefilter {
  return createPrefilter(
    [
      ...keys(g.weekdays), ...keys(g.months), ...keys(g.cardinals), ...keys(g.ordinalStems), ...keys(g.ordinalTens),
      ...keys(g.dayParts), ...keys(g.minutesBefore), ...keys(g.fixedDurations), ...keys(g.durationUnits),
      ...g.allDay, ...g.nextWeek, ...g.endOfWeek, ...g.endOfDay, ...g.endOfMonth, ...g.filterWords,
    ],
    true,
  );
}
