/**
 * Cardinal numbers said in words ("триста двенадцать", "eighty seven", "две тысячи двадцать"),
 * with the vocabulary in `grammars/numbers-<lang>.yaml`.
 */
import { loadGrammar } from './grammar';
import type { Lang } from './types';

interface NumbersFile {
  units: Record<string, string[]>;
  teens: Record<string, string[]>;
  tens: Record<string, string[]>;
  hundreds: Record<string, string[]>;
  hundred?: string[];
  thousand: string[];
  million: string[];
}

type Kind = 'unit' | 'teen' | 'ten' | 'hundreds' | 'hundred' | 'thousand' | 'million';

export interface NumberWords {
  /** The number spelled by words[i..], the count of words used; null if words[i] is not a number word. */
  readAt(words: readonly string[], i: number): { value: number; length: number } | null;
  /**
   * An id said the way numbers are read out, in groups whose digits follow one another ("five
   * twenty" → 520, "one oh four" → 104, "twelve thirty four" → 1234); one group is that number.
   */
  readIdAt(words: readonly string[], i: number): { value: number; length: number } | null;
}

export function loadNumberWords(lang: Lang): NumberWords {
  const g = loadGrammar<NumbersFile>(`numbers-${lang}.yaml`);
  const table = new Map<string, { kind: Kind; value: number }>();
  const add = (kind: Kind, group: Record<string, string[]> | undefined) => {
    for (const [v, forms] of Object.entries(group ?? {})) for (const f of forms) table.set(f, { kind, value: Number(v) });
  };
  add('unit', g.units);
  add('teen', g.teens);
  add('ten', g.tens);
  add('hundreds', g.hundreds);
  for (const f of g.hundred ?? []) table.set(f, { kind: 'hundred', value: 100 });
  for (const f of g.thousand) table.set(f, { kind: 'thousand', value: 1000 });
  for (const f of g.million) table.set(f, { kind: 'million', value: 1_000_000 });

  return {
    readAt(words, i) {
      let total = 0;
      let group = 0;
      let used = 0;
      let last: Kind | null = null;
      for (let k = i; k < words.length; k++) {
        let w = words[k]!;
        if (w === 'and' && used > 0 && table.has(words[k + 1] ?? '')) {
          used++;
          continue;
        }
        if (w.includes('-')) w = w.replace('-', ' ');
        const parts = w.split(' ');
        let ok = true;
        for (const p of parts) {
          const e = table.get(p);
          // A zero is a digit of its own ("twenty oh five" is 20 | 05), never part of a number.
          if (!e || !fits(last, e.kind) || (e.value === 0 && last !== null)) {
            ok = false;
            break;
          }
          if (e.kind === 'hundred') group = (group || 1) * 100;
          else if (e.kind === 'thousand' || e.kind === 'million') {
            total += (group || 1) * e.value;
            group = 0;
          } else group += e.value;
          last = e.kind;
        }
        if (!ok) break;
        used++;
      }
      // "five and six": an "and" the next word did not join is not the number's.
      if (used && words[i + used - 1] === 'and') used--;
      if (!used) return null;
      return { value: total + group, length: used };
    },
    readIdAt(words, i) {
      let digits = '';
      let length = 0;
      for (let n = this.readAt(words, i); n; n = this.readAt(words, i + length)) {
        digits += String(n.value);
        length += n.length;
      }
      if (!length) return null;
      return { value: Number(digits), length };
    },
  };
}

/** Which word may follow which: "сто двадцать три" yes, "двадцать сто" no. */
function fits(prev: Kind | null, next: Kind): boolean {
  if (prev === null) return true;
  switch (next) {
    case 'unit':
      return prev === 'ten' || prev === 'hundreds' || prev === 'hundred' || prev === 'thousand' || prev === 'million';
    case 'teen':
    case 'ten':
      return prev === 'hundreds' || prev === 'hundred' || prev === 'thousand' || prev === 'million';
    case 'hundreds':
      return prev === 'thousand' || prev === 'million';
    case 'hundred':
      return prev === 'unit' || prev === 'teen';
    case 'thousand':
    case 'million':
      return prev !== 'thousand' && prev !== 'million';
  }
}
