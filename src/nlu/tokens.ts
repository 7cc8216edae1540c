/** Tokens with their character offsets, so every slot can be cut out of the original text. */
export interface Token {
  /** As written. */
  text: string;
  /** Lower case, ё → е. */
  norm: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'punct';
}

const TOKEN_RE = /([\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*)|(\d+(?:[.,:]\d+)*)|([^\s\p{L}\p{M}\d])/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    const t = m[0];
    out.push({
      text: t,
      norm: t.toLowerCase().replace(/ё/g, 'е').replace(/’/g, "'"),
      start: m.index,
      end: m.index + t.length,
      kind: m[1] ? 'word' : m[2] ? 'number' : 'punct',
    });
  }
  return out;
}
