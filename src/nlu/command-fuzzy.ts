/**
 * Misrecognised command words ("пставь", "напши", "сообщенеи", "перенси"): the letter-distance
 * idea used for names, applied to the command vocabulary. A word is corrected only when the
 * dictionary does not know it, it has at least 5 letters, and exactly one vocabulary entry is one
 * edit away (a letter swapped, dropped, doubled or changed) — so a real word is never "fixed" and
 * a mishearing that fits two commands is left alone.
 */

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

export const MIN_LETTERS = 5;
/** The last letter of a Russian imperative, dropped in fast typing ("напиш", "постав"). */
const IMPERATIVE_ENDINGS = 'иьй';

/** Longest ending a stem ("постав*") may take after the corrected part. */
const MAX_ENDING = 4;

export interface CommandWordFixer {
  /** The corrected word, or null when none or more than one entry is one edit away. */
  fix(word: string): string | null;
}

/** `entries`: single command words, stems ending in "*" (folded: lower case, ё → е). */
/**
 * `letters`: the alphabet of words worth fixing. `dropsAndSwapsOnly`: with no dictionary to tell a
 * real word (English), only a letter dropped, added or two swapped counts ("creat", "sendd", "remined", "mesage"), never a
 * changed letter ("massage" stays). `vowelless`: the vowels of the alphabet; a word of three or
 * four letters with none of them ("snd") is fixed too (to a command word of four letters or more). `meaning`: entries that ask the same thing ("перенеси" and
 * "переноси") do not collide.
 */
export function createCommandWordFixer(
  entries: Iterable<string>,
  isWord: (w: string) => boolean,
  opts: { letters?: RegExp; dropsAndSwapsOnly?: boolean; substitutes?: (w: string) => boolean; meaning?: Map<string, string>; vowelless?: RegExp; minDropEntry?: number; sounds?: (w: string) => string } = {},
): CommandWordFixer {
  const letters = opts.letters ?? /^[а-я]+$/;
  // A letter added ("sendd", "remined") is a slip of the finger too; only a changed letter may be
  // another word ("massage") — unless `substitutes` says the word is none ("remine").
  // (`minDropEntry`: a letter said too many fixes only into an entry that long: "linen" is no "line".)
  const near = (w: string, e: string) =>
    editDistance(w, e) === 1 &&
    !(opts.minDropEntry && w.length > e.length && e.length < opts.minDropEntry) &&
    (!opts.dropsAndSwapsOnly || w.length !== e.length || [...w].sort().join('') === [...e].sort().join('') || !!opts.substitutes?.(w));
  const exact = new Set<string>();
  const stems = new Set<string>();
  for (const e of entries) {
    if (e.includes(' ')) continue;
    if (e.endsWith('*')) {
      if (e.length > MIN_LETTERS - 1) stems.add(e.slice(0, -1));
    } else if (e.length >= MIN_LETTERS || (opts.vowelless && e.length >= MIN_LETTERS - 1)) exact.add(e);
  }
  // "пастафь": spelt as heard (an unstressed о as а, a voiced consonant unvoiced) — the one entry
  // that sounds the same, when no entry is a letter off.
  const bySound = new Map<string, string[]>();
  const stemSounds: [stem: string, sound: string][] = [];
  if (opts.sounds) {
    for (const e of exact) {
      const k = opts.sounds(e);
      const list = bySound.get(k);
      if (list) list.push(e);
      else bySound.set(k, [e]);
    }
    for (const st of stems) if (st.length >= MIN_LETTERS) stemSounds.push([st, opts.sounds(st)]);
  }
  const memo = new Map<string, string | null>();
  return {
    fix(word) {
      // A short word with no vowel is no word at all ("snd"): worth fixing when short, too.
      const short = !!opts.vowelless && word.length >= MIN_LETTERS - 2 && !opts.vowelless.test(word);
      // A four-letter word with two letters after the first swapped ("taks"): only into an entry
      // of the same letters and length, where no dictionary tells words (English).
      const swapped = !short && !!opts.dropsAndSwapsOnly && word.length === MIN_LETTERS - 1;
      if ((word.length < MIN_LETTERS && !short && !swapped) || !letters.test(word)) return null;
      const hit = memo.get(word);
      if (hit !== undefined) return hit;
      let out: string | null = null;
      const stem = exact.has(word) ? undefined : [...stems].find((s) => word.startsWith(s));
      if (stem !== undefined) {
        // "напишы": a stem's word with a misheard ending that is no word is the one exact entry of
        // that stem a letter off ("напиши"), which may say more than the stem ("напиши Степану").
        if (word.length > stem.length && !isWord(word)) {
          const same = [...exact].filter((e) => e.startsWith(stem) && e.length === word.length && editDistance(word, e) === 1);
          if (same.length === 1) out = same[0]!;
        } else if (word === stem && !isWord(word)) {
          // "напиш Олегу": the stem alone is an imperative with its ending dropped (и, ь, й), the one
          // exact entry so (a stem that is a word of its own, "созвон", is no imperative).
          const same = [...exact].filter((e) => e.length === word.length + 1 && e.startsWith(stem) && IMPERATIVE_ENDINGS.includes(e[e.length - 1]!));
          if (same.length === 1) out = same[0]!;
        }
      } else if (!exact.has(word) && !isWord(word)) {
        const found = new Set<string>();
        const fixes = new Set<string>();
        for (const e of exact) {
          if (e[0] !== word[0] && e[1] !== word[1]) continue;
          if (swapped && (e.length !== word.length || e[0] !== word[0])) continue;
          if (near(word, e)) {
            found.add(e);
            fixes.add(e);
          }
        }
        for (const s of swapped ? [] : stems) {
          // (A stem of four letters a letter off fits too much: "балтик" is no "балл*".)
          if (s.length < MIN_LETTERS || (s[0] !== word[0] && s[1] !== word[1])) continue;
          for (let len = s.length - 1; len <= s.length + 1 && len <= word.length; len++) {
            if (word.length - len > MAX_ENDING) continue;
            if (near(word.slice(0, len), s)) {
              found.add(`${s}*`);
              fixes.add(s + word.slice(len));
              break;
            }
          }
        }
        // One entry only ("it cannot collide"); a stem and the exact words it covers count once.
        const roots = new Set([...found].map((f) => (f.endsWith('*') ? f.slice(0, -1) : f)));
        for (const r of [...roots]) if ([...roots].some((o) => o !== r && r.startsWith(o))) roots.delete(r);
        const meanings = new Set([...found].map((f) => opts.meaning?.get(f) ?? f));
        if ((roots.size === 1 || meanings.size === 1) && fixes.size >= 1) out = [...fixes].sort((a, b) => a.length - b.length)[0]!;
        if (!out && found.size === 0 && opts.sounds) {
          const heard = opts.sounds(word);
          const same = [...(bySound.get(heard) ?? [])];
          // (…or a stem's word: "пастафь" sounds as "постав*" with its ending.)
          for (const [st, sound] of stemSounds) if (heard.startsWith(sound) && word.length - st.length <= MAX_ENDING) same.push(st + word.slice(st.length));
          if (same.length && new Set(same.map((e) => opts.meaning?.get(e) ?? e)).size === 1) out = same[0]!;
        }
      }
      if (memo.size > 10_000) memo.clear();
      memo.set(word, out);
      return out;
    },
  };
}
