/** Tokens and the normal form names are compared in (lower case, ё → е, no stress marks). */

export interface Token {
  /** The word as it stands in the input. */
  text: string;
  /** Lower case, ё → е, stress marks and Latin look-alikes in Cyrillic words folded. */
  norm: string;
  index: number;
  end: number;
  /** A word (letters) rather than a punctuation mark. */
  word: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Every letter is a capital (ООО, IT): never a name by capitalisation alone. */
  allCaps: boolean;
  script: 'cyr' | 'lat' | 'other';
  /** First word of a sentence or of a quoted title: its capital says nothing. */
  initial: boolean;
}

// Words are letter runs joined by hyphens/apostrophes (Петрова-Водкина, O'Brien); the only
// punctuation kept as tokens is what matters for lists and sentence starts.
const TOKEN_RE = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|[,&:;.!?«»"“”„()]/gu;
const CYR_RE = /[а-яё]/;
const LAT_RE = /[a-z]/;
// Latin letters that look like Cyrillic ones, for words typed with a mixed keyboard layout.
const LOOKALIKE: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в',
};
const LATIN_CASE_ENDING = /(?<=[a-z]{2})['’][а-яё]{1,3}$/i;
const SENTENCE_START = new Set(['.', '!', '?', '«', '"', '“', '„', ':', ';', '(']);

// Latin letters with marks, and those with no decomposition, as their plain letters: "Fernández",
// "Yılmaz", "Łukasz" are said and recognised as "fernandez", "yilmaz", "lukasz".
const LATIN_MARKED = /[\u00C0-\u024F\u1E00-\u1EFF]/g;
const LATIN_PLAIN: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ð: 'd', þ: 'th' };
function plainLatin(ch: string): string {
  return LATIN_PLAIN[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The form used for every lookup: lower case, ё → е, combining marks and Latin letters' marks dropped. */
export function normalizeWord(s: string): string {
  let out = s.toLowerCase();
  if (/[\u0300-\u036f]/.test(out)) out = out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (/[\u00C0-\u024F\u1E00-\u1EFF]/.test(out)) out = out.replace(LATIN_MARKED, plainLatin);
  out = out.replace(/ё/g, 'е').replace(/’/g, "'");
  if (CYR_RE.test(out) && LAT_RE.test(out)) {
    out = out.replace(/[a-z]/g, (ch) => LOOKALIKE[ch] ?? ch);
  }
  return out;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevPunct: string | null = '.';
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    const index = m.index ?? 0;
    const isWord = /\p{L}/u.test(t);
    if (!isWord) {
      out.push({ text: t, norm: t, index, end: index + t.length, word: false, cap: false, allCaps: false, script: 'other', initial: false });
      prevPunct = t;
      continue;
    }
    // "Bobur'у", "Mark'ом": a Latin name with a Russian case ending after an apostrophe is that name.
    const ending = LATIN_CASE_ENDING.exec(t);
    const norm = normalizeWord(ending ? t.slice(0, ending.index) : t);
    const first = t[0]!;
    const cap = first !== first.toLowerCase();
    const allCaps = t.length > 1 && t === t.toUpperCase() && t !== t.toLowerCase();
    const script = CYR_RE.test(norm) ? 'cyr' : LAT_RE.test(norm) ? 'lat' : 'other';
    const initial = prevPunct !== null && SENTENCE_START.has(prevPunct);
    out.push({ text: t, norm, index, end: index + t.length, word: true, cap, allCaps, script, initial });
    prevPunct = null;
  }
  return out;
}

/** True when only spaces separate two tokens (a name is never split by punctuation). */
export function adjacent(text: string, a: Token, b: Token): boolean {
  for (let i = a.end; i < b.index; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 160) return false;
  }
  return true;
}

export function capitalize(s: string): string {
  return s
    .split(/([\s-])/)
    .map((p) => (p.length > 0 ? p[0]!.toUpperCase() + p.slice(1) : p))
    .join('');
}
