/** Keyword matching of short phrases in what was said (pure; shared with the channels). */

/** Lower-case, fold ё, collapse spaces and strip punctuation — for keyword matching only. */
export function foldText(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `text` contains one of the phrases (words in order; a trailing "*" matches any ending). */
export function containsPhrase(text: string, phrases: readonly string[]): boolean {
  const words = foldText(text).split(' ');
  for (const p of phrases) {
    const pw = p
      .toLowerCase()
      .replace(/ё/g, 'е')
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => (w.endsWith('*') ? `${foldText(w)}*` : foldText(w)));
    if (pw.length === 0) continue;
    for (let i = 0; i + pw.length <= words.length; i++) {
      let all = true;
      for (let j = 0; j < pw.length; j++) {
        const want = pw[j]!;
        const got = words[i + j]!;
        if (want.endsWith('*') ? !got.startsWith(want.slice(0, -1)) : got !== want) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
  }
  return false;
}
