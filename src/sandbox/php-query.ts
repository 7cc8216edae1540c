/**
 * PHP-style bracket keys, both ways. Bitrix24 reads `fields[TITLE]=x&filter[>ID]=5&select[]=ID`
 * (query strings, form bodies, batch commands) and sends events built by PHP `http_build_query`.
 * Parsing never builds arrays from numeric keys (a bot id key like `data[BOT][567]` must survive);
 * `[]` appends, and `asList` turns `{0:a,1:b}` back into a list where a list is expected.
 * Parsed objects have no prototype and never take a `__proto__` / `constructor` / `prototype` key
 * (src/util/records.ts): a query string cannot reach `Object.prototype`.
 */
import { isForbiddenKey, nullRecord } from '../util/records';

export type PhpValue = string | PhpValue[] | { [key: string]: PhpValue };
export type PhpObject = { [key: string]: PhpValue };

const MAX_DEPTH = 10;

/** Splits `a[b][c][]` into `['a','b','c','']`; a malformed key is kept whole. */
export function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  let rest = key.slice(open);
  while (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return [key];
    parts.push(rest.slice(1, close));
    rest = rest.slice(close + 1);
    if (parts.length > MAX_DEPTH) break;
  }
  return parts;
}

function isObject(v: unknown): v is { [key: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Assigns one decoded `key=value` pair into `target`. */
export function assignPath(target: PhpObject, key: string, value: PhpValue): void {
  const parts = splitKey(key);
  if (parts.some(isForbiddenKey)) return;
  let node: PhpObject | PhpValue[] = target;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (Array.isArray(node)) {
      if (last) node.push(value);
      else {
        const next = nullRecord<PhpValue>();
        node.push(next);
        node = next;
      }
      continue;
    }
    if (last) {
      if (part === '' ) continue;
      node[part] = value;
      return;
    }
    const nextIsAppend = parts[i + 1] === '';
    const existing: PhpValue | undefined = part === '' ? undefined : node[part];
    if (nextIsAppend) {
      if (!Array.isArray(existing)) node[part] = isObject(existing) ? (Object.values(existing) as PhpValue[]) : [];
      node = node[part] as PhpValue[];
    } else {
      if (!isObject(existing)) node[part] = Array.isArray(existing) ? Object.assign(nullRecord<PhpValue>(), existing) : nullRecord<PhpValue>();
      node = node[part] as PhpObject;
    }
  }
}

/** Parses a query string or form body (`a=1&b[c]=2`), decoding `+` as space like PHP does. */
export function parsePhpQuery(input: string): PhpObject {
  const out = nullRecord<PhpValue>();
  const s = input.startsWith('?') ? input.slice(1) : input;
  if (!s) return out;
  for (const pair of s.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = safeDecode(rawKey);
    if (!key) continue;
    assignPath(out, key, safeDecode(rawValue));
  }
  return out;
}

export function safeDecode(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    // A stray `%` is kept literally rather than failing the whole request.
    return plus;
  }
}

/** Like PHP `http_build_query`: booleans → 1/0, null → "", empty arrays/objects vanish. */
export function buildPhpQuery(value: Record<string, unknown>): string {
  const pairs: string[] = [];
  const walk = (prefix: string, v: unknown): void => {
    if (v === undefined) return;
    if (v === null) pairs.push(`${encodeURIComponent(prefix)}=`);
    else if (typeof v === 'boolean') pairs.push(`${encodeURIComponent(prefix)}=${v ? '1' : '0'}`);
    else if (Array.isArray(v)) v.forEach((item, i) => walk(`${prefix}[${i}]`, item));
    else if (typeof v === 'object') for (const [k, item] of Object.entries(v as object)) walk(`${prefix}[${k}]`, item);
    else pairs.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(v))}`);
  };
  for (const [k, v] of Object.entries(value)) walk(k, v);
  return pairs.join('&');
}

/** A list parameter given as a JSON array, a PHP `{0:..,1:..}` map, or a single scalar. */
export function asList(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v;
  if (isObject(v)) return Object.values(v);
  return [v];
}

export function asRecord(v: unknown): Record<string, unknown> {
  return isObject(v) ? v : {};
}
