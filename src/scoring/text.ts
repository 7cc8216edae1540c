/**
 * Free text → hashed word and word-pair features: lower-cased, punctuation dropped, each
 * word stemmed by its script (Russian or English Porter stemmer from `natural`), then
 * words and adjacent pairs hashed (FNV-1a) into a fixed number of buckets, so a model
 * never carries a vocabulary and unseen words cost nothing.
 */
// Submodule imports only: the root of `natural` loads every corpus and classifier it has.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const porterEn = require('natural/lib/natural/stemmers/porter_stemmer') as { stem(word: string): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const porterRu = require('natural/lib/natural/stemmers/porter_stemmer_ru') as { stem(word: string): string };

const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /[\u0400-\u04ff]/;

export function stemWord(word: string): string {
  if (/^\p{N}+$/u.test(word)) return word;
  return CYRILLIC.test(word) ? porterRu.stem(word) : porterEn.stem(word);
}

/** Lower-cased stemmed words of a text, in order. */
export function textTokens(text: string): string[] {
  const words = text.toLowerCase().replace(/ё/g, 'е').match(WORD);
  return words ? words.map(stemWord) : [];
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Distinct bucket numbers for the words and word pairs of `text`, sorted. */
export function hashedTerms(text: string, buckets: number): number[] {
  const tokens = textTokens(text);
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    out.add(fnv1a(tokens[i]!) % buckets);
    if (i + 1 < tokens.length) out.add(fnv1a(`${tokens[i]} ${tokens[i + 1]}`) % buckets);
  }
  return [...out].sort((a, b) => a - b);
}

/** Each distinct word and word pair of `text` with its bucket and the form it first had in the text (for saying it). */
export function surfaceTerms(text: string, buckets: number): { bucket: number; surface: string }[] {
  const words = text.toLowerCase().match(WORD) ?? [];
  const stems = words.map((w) => stemWord(w.replace(/ё/g, 'е')));
  const out = new Map<string, { bucket: number; surface: string }>();
  for (let i = 0; i < stems.length; i++) {
    if (!out.has(stems[i]!)) out.set(stems[i]!, { bucket: fnv1a(stems[i]!) % buckets, surface: words[i]! });
    if (i + 1 < stems.length) {
      const pair = `${stems[i]} ${stems[i + 1]}`;
      if (!out.has(pair)) out.set(pair, { bucket: fnv1a(pair) % buckets, surface: `${words[i]} ${words[i + 1]}` });
    }
  }
  return [...out.values()];
}
