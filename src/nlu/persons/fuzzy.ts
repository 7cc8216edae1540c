/**
 * Misheard names: forms within one edit (two for 8 letters or more) of a directory form.
 * Candidates come from a symmetric-deletion index (a form and its one-letter deletions; a word
 * and its one- or two-letter deletions), then `natural`'s Levenshtein distance confirms them.
 * This finds every form one edit away and most two edits away (not two substitutions).
 * Before distance comes sound: a recogniser writes what it heard, so a form that sounds the same
 * (a voiced consonant for its voiceless pair, an unstressed о for а, a double letter once:
 * "матфею" for "матвею", "миниханавой" for "миннихановой") is the nearest of all.
 */
// Submodule import: the package root pulls in all of natural.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LevenshteinDistance } = require('natural/lib/natural/distance/levenshtein_distance') as {
  LevenshteinDistance: (a: string, b: string) => number;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SoundEx = require('natural/lib/natural/phonetics/soundex') as new () => { process: (word: string) => string };
const soundex = new SoundEx();

export const FUZZY_MIN_LENGTH = 5;

// Latin letters that open the same name in another spelling (Zilberman/Silberman, Kohen/Cohen).
const LATIN_OPENING: Record<string, string> = { z: 's', c: 'k' };

/** Do two Latin words open with the same sound (the same letter, or one of LATIN_OPENING)? */
export function sameLatinOpening(a: string, b: string): boolean {
  const x = a[0] ?? '';
  const y = b[0] ?? '';
  return x === y || (LATIN_OPENING[x] ?? x) === (LATIN_OPENING[y] ?? y);
}

/** A short Latin word that sounds like a name (the same Soundex code after an opening of the same
 *  sound, two edits at most: "haze" for Hayes, "cot" for Kot); for a word beside its user's other
 *  name only. */
export function soundsLikeLatin(word: string, name: string): boolean {
  return word.length >= 3 && sameLatinOpening(word, name) && LevenshteinDistance(word, name) <= 2 && soundex.process(word).slice(1) === soundex.process(name).slice(1);
}

export const levenshtein = LevenshteinDistance;

export function allowedEdits(word: string): number {
  if (word.length < FUZZY_MIN_LENGTH) return 0;
  return word.length >= 8 ? 2 : 1;
}

// Voiced consonants as their voiceless pairs, о as а, ё as е: what Russian speech does not tell apart.
const SOUND: Record<string, string> = { б: 'п', в: 'ф', г: 'к', д: 'т', ж: 'ш', з: 'с', о: 'а', ё: 'е' };

/**
 * A Cyrillic word as it sounds (see SOUND; a doubled letter once). The first letter stays as
 * written: there the pairs are different names (Дима and Тима, Дина and Тина), not one misheard.
 */
export function soundKey(word: string): string {
  let out = '';
  // (A soft sign before у or а is the ю or я that Russian spelling writes: "Нюргун" for the Yakut
  // Ньургун.)
  for (const ch of word.replace(/ьу/g, 'ю').replace(/ьа/g, 'я')) {
    const c = out === '' ? (ch === 'ё' ? 'е' : ch) : (SOUND[ch] ?? ch);
    if (out.endsWith(c)) continue;
    out += c;
  }
  return out;
}

/**
 * A Latin name with the spellings of one sound made one (Lucas/Lukas, Brian/Bryan, Philip/Phillip,
 * Kathryn/Katrin, Matthew/Mathew, Sarah/Sara): two known names with one key are one name spelt two ways.
 */
export function latinSpellingKey(word: string): string {
  const w = word
    .replace(/ph/g, 'f')
    // (Siddiqui/Siddiki, Qureshi/Kureshi: a "qu" before a vowel is the k.)
    .replace(/ck|qu(?=[aeiouy])|q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/y/g, 'i')
    .replace(/([bcdfgjklmnpqrstvwxz])h/g, '$1')
    .replace(/([aeiou])h$/, '$1');
  let out = '';
  for (const ch of w) if (!out.endsWith(ch)) out += ch;
  return out;
}

function deletions(word: string, out: Set<string>): void {
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
}

export class FuzzyIndex {
  private readonly keys = new Map<string, string[]>();
  private readonly sounds = new Map<string, string[]>();

  constructor(forms: Iterable<string>) {
    for (const form of forms) {
      if (form.length < FUZZY_MIN_LENGTH - 1) continue;
      const sk = soundKey(form);
      const same = this.sounds.get(sk);
      if (same) same.push(form);
      else this.sounds.set(sk, [form]);
      const ks = new Set<string>([form]);
      deletions(form, ks);
      for (const k of ks) {
        const list = this.keys.get(k);
        if (list) list.push(form);
        else this.keys.set(k, [form]);
      }
    }
  }

  /** Forms that sound like the word (not the word itself), or null. */
  soundsLike(word: string): string[] | null {
    if (word.length < FUZZY_MIN_LENGTH) return null;
    const forms = this.sounds.get(soundKey(word))?.filter((f) => f !== word);
    return forms && forms.length > 0 ? forms : null;
  }

  /** The closest forms: those that sound like the word, else those within the allowed distance (all at the smallest distance). */
  nearest(word: string): { forms: string[]; distance: number; sound: boolean } | null {
    const max = allowedEdits(word);
    if (max === 0) return null;
    const alike = this.soundsLike(word);
    if (alike) return { forms: alike, distance: 0, sound: true };
    const probes = new Set<string>([word]);
    deletions(word, probes);
    if (max >= 2) for (const p of [...probes]) if (p.length === word.length - 1) deletions(p, probes);
    let best = max + 1;
    let forms: string[] = [];
    const seen = new Set<string>();
    for (const p of probes) {
      const list = this.keys.get(p);
      if (!list) continue;
      for (const f of list) {
        if (seen.has(f) || f === word) continue;
        seen.add(f);
        if (Math.abs(f.length - word.length) > max) continue;
        // (Two neighbouring letters swapped, "brain" for Brian, is one slip, as nlu.md counts it.)
        const d = adjacentSwap(word, f) ? 1 : LevenshteinDistance(word, f);
        if (d < best) {
          best = d;
          forms = [f];
        } else if (d === best && d <= max) forms.push(f);
      }
    }
    // (best starts one past the allowed distance: a form that far was never near.)
    return forms.length > 0 && best <= max ? { forms, distance: best, sound: false } : null;
  }
}

/** Are a and b the same but for two neighbouring letters swapped? */
function adjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
