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
  private readonly stems: string[] = [];
  /** Phrases by their first word when it is exact; phrases starting with a stem are few and kept apart. */
  private readonly phrasesByFirst = new Map<string, string[][]>();
  private readonly stemPhrases: string[][] = [];

  constructor(entries: readonly string[] = []) {
    for (const raw of entries) {
      const e = fold(String(raw)).trim();
      if (!e) continue;
      if (e.includes(' ')) {
        const p = e.split(/\s+/);
        if (p[0]!.endsWith('*')) this.stemPhrases.push(p);
        else {
          const list = this.phrasesByFirst.get(p[0]!) ?? [];
          list.push(p);
          this.phrasesByFirst.set(p[0]!, list);
        }
      } else if (e.endsWith('*')) this.stems.push(e.slice(0, -1));
      else this.exact.add(e);
    }
    const longestFirst = (a: string[], b: string[]) => b.length - a.length;
    for (const list of this.phrasesByFirst.values()) list.sort(longestFirst);
    this.stemPhrases.sort(longestFirst);
  }

  /** How many entries it holds. */
  get size(): number {
    return this.exact.size + this.stems.length + this.stemPhrases.length + this.phrasesByFirst.size;
  }

  /** The single-word entries: exact words and stems (with their "*"). */
  singleWords(): string[] {
    return [...this.exact, ...this.stems.map((s) => `${s}*`)];
  }

  /** Does a single folded word match an entry? */
  hasWord(word: string): boolean {
    if (this.exact.has(word)) return true;
    for (const s of this.stems) if (word.startsWith(s)) return true;
    return false;
  }

  /** Length in tokens of the longest entry matching at `i` of the folded word list, or 0. */
  matchAt(words: readonly string[], i: number): number {
    if (i >= words.length) return 0;
    let best = 0;
    const candidates = this.phrasesByFirst.get(words[i]!);
    if (candidates) best = longestMatch(candidates, words, i);
    if (this.stemPhrases.length) best = Math.max(best, longestMatch(this.stemPhrases, words, i));
    if (best) return best;
    return this.hasWord(words[i]!) ? 1 : 0;
  }
}

function longestMatch(phrases: readonly string[][], words: readonly string[], i: number): number {
  for (const p of phrases) {
    if (i + p.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < p.length; k++) {
      const w = p[k]!;
      const t = words[i + k]!;
      if (w.endsWith('*') ? !t.startsWith(w.slice(0, -1)) : t !== w) {
        ok = false;
        break;
      }
    }
    if (ok) return p.length;
  }
  return 0;
}
