/**
 * Loads the parser's vocabulary from `grammars/*.yaml` (data, not code). Files are read once per
 * process by whoever builds a parser; nothing here keeps global state.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/** The repository's `grammars/` folder, found relative to this file so any working directory works. */
export const GRAMMARS_DIR = path.resolve(__dirname, '..', '..', 'grammars');

export function loadGrammar<T>(name: string, dir: string = GRAMMARS_DIR): T {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`grammar file ${file} cannot be read: ${(e as Error).message}`);
  }
  try {
    return YAML.parse(text) as T;
  } catch (e) {
    throw new Error(`grammar file ${file} is not valid YAML: ${(e as Error).message}`);
  }
}

/** Lower case with ё folded to е: the form every vocabulary comparison uses. */
export const fold = (s: string): string => s.toLowerCase().replace(/ё/g, 'е');

/**
 * A compiled word list: exact words, stems ("задач*") and multi-word phrases, matched against
 * folded tokens. Longest phrase wins at a position.
 */
export class WordSet {
  private readonly exact = new Set<string>();
  /** Stems (their "*" cut), looked up by prefix: a word matches when its first `n` letters (n a stem
   *  length) are a stem — a few set lookups instead of a scan of every stem (this runs per word, per
   *  command, per parse). */
  private readonly stemSet = new Set<string>();
  private stemLengths: number[] = [];
  /** Phrases by their first word when it is exact; phrases starting with a stem by that stem. */
  private readonly phrasesByFirst = new Map<string, Phrase[]>();
  private readonly phrasesByStem = new Map<string, Phrase[]>();
  private stemPhraseLengths: number[] = [];
  private stemPhraseCount = 0;
  /** The first two letters of every entry's first word, as one number (headOf): a word whose
   *  opening is not among them matches nothing, which is most words. `anyHead`: a stem of one
   *  letter or none is listed, so no word can be turned away by its opening. */
  private readonly heads = new Set<number>();
  private anyHead = false;

  constructor(entries: readonly string[] = []) {
    for (const raw of entries) {
      const e = fold(String(raw)).trim();
      if (!e) continue;
      if (e.includes(' ')) {
        const p = e.split(/\s+/);
        const phrase: Phrase = { words: p.map((w) => (w.endsWith('*') ? w.slice(0, -1) : w)), stem: p.map((w) => w.endsWith('*')) };
        const byStem = phrase.stem[0]!;
        const map = byStem ? this.phrasesByStem : this.phrasesByFirst;
        const list = map.get(phrase.words[0]!) ?? [];
        list.push(phrase);
        map.set(phrase.words[0]!, list);
        if (byStem) this.stemPhraseCount++;
      } else if (e.endsWith('*')) this.stemSet.add(e.slice(0, -1));
      else this.exact.add(e);
    }
    for (const w of [...this.exact, ...this.phrasesByFirst.keys()]) this.heads.add(headOf(w));
    for (const w of [...this.stemSet, ...this.phrasesByStem.keys()]) {
      if (w.length < 2) this.anyHead = true;
      else this.heads.add(headOf(w));
    }
    const longestFirst = (a: Phrase, b: Phrase) => b.words.length - a.words.length;
    for (const list of this.phrasesByFirst.values()) list.sort(longestFirst);
    for (const list of this.phrasesByStem.values()) list.sort(longestFirst);
    this.stemLengths = lengthsOf(this.stemSet.keys());
    this.stemPhraseLengths = lengthsOf(this.phrasesByStem.keys());
  }

  /** How many entries it holds. */
  get size(): number {
    return this.exact.size + this.stemSet.size + this.stemPhraseCount + this.phrasesByFirst.size;
  }

  /** The single-word entries: exact words and stems (with their "*"). */
  singleWords(): string[] {
    return [...this.exact, ...[...this.stemSet].map((s) => `${s}*`)];
  }

  /** Does a single folded word match an entry? */
  hasWord(word: string): boolean {
    return (this.anyHead || this.heads.has(headOf(word))) && this.listed(word);
  }

  /** hasWord past the opening check (matchAt has made it already). */
  private listed(word: string): boolean {
    if (this.exact.has(word)) return true;
    for (const n of this.stemLengths) {
      if (n > word.length) break;
      if (this.stemSet.has(n === word.length ? word : word.slice(0, n))) return true;
    }
    return false;
  }

  /** Length in tokens of the longest entry matching at `i` of the folded word list, or 0. */
  matchAt(words: readonly string[], i: number): number {
    if (i >= words.length) return 0;
    const word = words[i]!;
    if (!this.anyHead && !this.heads.has(headOf(word))) return 0;
    let best = 0;
    const candidates = this.phrasesByFirst.get(word);
    if (candidates) best = longestMatch(candidates, words, i);
    for (const n of this.stemPhraseLengths) {
      if (n > word.length) break;
      const list = this.phrasesByStem.get(n === word.length ? word : word.slice(0, n));
      if (list) best = Math.max(best, longestMatch(list, words, i));
    }
    if (best) return best;
    return this.listed(word) ? 1 : 0;
  }
}

/** A word's first two letters as one number (a word of one letter: that letter and 0), so a
 *  lookup allocates nothing. */
function headOf(word: string): number {
  return (word.charCodeAt(0) << 16) | (word.length > 1 ? word.charCodeAt(1) : 0);
}

/** A phrase's folded words, each either whole or a stem (its "*" cut). */
interface Phrase {
  words: string[];
  stem: boolean[];
}

/** The distinct lengths of some strings, shortest first. */
function lengthsOf(keys: Iterable<string>): number[] {
  return [...new Set([...keys].map((k) => k.length))].sort((a, b) => a - b);
}

/** Phrases are sorted longest first: the first that matches is the longest. */
function longestMatch(phrases: readonly Phrase[], words: readonly string[], i: number): number {
  for (const p of phrases) {
    const n = p.words.length;
    if (i + n > words.length) continue;
    let ok = true;
    for (let k = 0; k < n; k++) {
      const t = words[i + k]!;
      if (p.stem[k] ? !t.startsWith(p.words[k]!) : t !== p.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return n;
  }
  return 0;
}
