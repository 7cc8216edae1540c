/**
 * Parse an `application/x-www-form-urlencoded` body written by PHP's `http_build_query`
 * (every Bitrix24 event and install POST) into nested objects.
 *
 * Unlike `qs` with defaults, numeric keys stay object keys: `data[BOT][7][BOT_ID]=7` gives
 * `{ data: { BOT: { '7': { BOT_ID: '7' } } } }` — an array would lose the bot id. `a[]=x&a[]=y`
 * (append) gets the next free numeric key, as PHP would: `{ a: { '0': 'x', '1': 'y' } }`.
 * All values are strings. A later key wins over an earlier one of another shape, as in PHP.
 * Keys that could pollute prototypes (`__proto__`, `constructor`, `prototype`) are dropped, and
 * every object is a null-prototype record (src/util/records.ts): a missing field never inherits.
 * Limits on size, pair count and nesting depth turn hostile bodies into a `PhpFormError`.
 */

import { isForbiddenKey, nullRecord } from '../util/records';

export interface PhpForm {
  [key: string]: string | PhpForm;
}

export interface PhpFormLimits {
  /** Body size in bytes (UTF-8). Default 1 MiB. */
  maxBytes?: number;
  /** Number of `key=value` pairs. Default 2000. */
  maxKeys?: number;
  /** Bracket levels below the top key. Default 12. */
  maxDepth?: number;
}

export type PhpFormProblem = 'too_large' | 'too_many_keys' | 'too_deep' | 'malformed';

export class PhpFormError extends Error {
  constructor(readonly problem: PhpFormProblem, message: string) {
    super(message);
    this.name = 'PhpFormError';
  }
}

const DEFAULTS: Required<PhpFormLimits> = { maxBytes: 1 << 20, maxKeys: 2000, maxDepth: 12 };

export function parsePhpForm(body: string | Buffer, limits: PhpFormLimits = {}): PhpForm {
  const lim = { ...DEFAULTS, ...limits };
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
    throw new PhpFormError('malformed', 'form body must be a string or a Buffer');
  }
  const bytes = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  if (bytes > lim.maxBytes) throw new PhpFormError('too_large', `form body is ${bytes} bytes, over the limit of ${lim.maxBytes}`);
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const out = nullRecord() as PhpForm;
  if (text.trim() === '') return out;
  const pairs = text.split('&');
  if (pairs.length > lim.maxKeys) throw new PhpFormError('too_many_keys', `form body has ${pairs.length} pairs, over the limit of ${lim.maxKeys}`);
  for (const pair of pairs) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = decode(rawKey);
    const value = decode(rawValue);
    const path = splitKey(key);
    if (!path) continue;
    if (path.length - 1 > lim.maxDepth) {
      throw new PhpFormError('too_deep', `key "${truncate(key)}" nests ${path.length - 1} levels, over the limit of ${lim.maxDepth}`);
    }
    if (path.some((p) => p !== null && isForbiddenKey(p))) continue;
    assign(out, path, value);
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new PhpFormError('malformed', `bad percent-encoding in "${truncate(s)}"`);
  }
}

const truncate = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/**
 * `a[b][][c]` → ['a', 'b', null, 'c'] (null = append). A key whose brackets don't close is taken
 * literally; text after the last `]` that doesn't open another bracket is ignored (PHP does both).
 */
function splitKey(key: string): (string | null)[] | null {
  const open = key.indexOf('[');
  if (open <= 0 || key.indexOf(']', open) < 0) return key === '' ? null : [key];
  const path: (string | null)[] = [key.slice(0, open)];
  let i = open;
  while (i < key.length && key[i] === '[') {
    const close = key.indexOf(']', i);
    if (close < 0) break;
    const part = key.slice(i + 1, close);
    path.push(part === '' ? null : part);
    i = close + 1;
  }
  return path;
}

function assign(root: PhpForm, path: (string | null)[], value: string): void {
  let node: PhpForm = root;
  for (let d = 0; d < path.length; d++) {
    const last = d === path.length - 1;
    const seg = path[d] ?? nextIndex(node);
    if (last) {
      node[seg] = value;
      return;
    }
    const child = node[seg];
    if (typeof child !== 'object') {
      const fresh = nullRecord() as PhpForm;
      node[seg] = fresh;
      node = fresh;
    } else {
      node = child;
    }
  }
}

/** PHP's append: one past the largest integer key (0 when there is none). */
function nextIndex(node: PhpForm): string {
  let max = -1;
  for (const k of Object.keys(node)) if (/^(0|[1-9]\d*)$/.test(k)) max = Math.max(max, Number(k));
  return String(max + 1);
}

/** Read a nested string: `pick(form, 'auth', 'member_id')`; undefined when absent or not a string. */
export function pickString(form: PhpForm | undefined, ...path: string[]): string | undefined {
  let cur: string | PhpForm | undefined = form;
  for (const p of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = Object.hasOwn(cur, p) ? cur[p] : undefined;
  }
  return typeof cur === 'string' ? cur : undefined;
}

/** Read a nested object; undefined when absent or a plain string. */
export function pickObject(form: PhpForm | undefined, ...path: string[]): PhpForm | undefined {
  let cur: string | PhpForm | undefined = form;
  for (const p of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = Object.hasOwn(cur, p) ? cur[p] : undefined;
  }
  return cur && typeof cur === 'object' ? cur : undefined;
}
