/**
 * Request bodies of the app pages (/app/*): the portal's placement POSTs and our buttons' forms,
 * and the retrain button's JSON. Read by us rather than by express's parsers so that every failure
 * is an `HttpError` the page answers in its own format (400 / 413 / 415, no stack, no path), and
 * so that the result is a null-prototype record without `__proto__` / `constructor` / `prototype`.
 */
import querystring from 'node:querystring';
import type { Request } from 'express';
import { HttpError, mediaType, readBody } from '../channels/http';
import { isForbiddenKey, nullRecord, parseJsonSafe } from '../util/records';

export type BodyKind = 'form' | 'json';

export const PAGE_BODY_LIMITS = {
  /** A placement POST carries auth and PLACEMENT_OPTIONS: a few KiB. */
  formBytes: 64 * 1024,
  jsonBytes: 16 * 1024,
  /** Fields in a form; the portal sends about 15. */
  maxParams: 100,
} as const;

const TYPES: Record<BodyKind, string> = { form: 'application/x-www-form-urlencoded', json: 'application/json' };

/** A form body as a null-prototype record (repeated keys give a list, as `express.urlencoded` did). */
export function parseFormBody(text: string, maxParams: number = PAGE_BODY_LIMITS.maxParams): Record<string, unknown> {
  const out = nullRecord();
  if (!text) return out;
  let pairs = 1;
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    if (++pairs > maxParams) throw new HttpError(413, 'too_many_parameters', `a form may carry at most ${maxParams} fields`);
  }
  const parsed = querystring.parse(text, '&', '=', { maxKeys: 0 });
  for (const k of Object.keys(parsed)) if (!isForbiddenKey(k)) out[k] = parsed[k];
  return out;
}

/**
 * The body of a page request as a record. No body and no Content-Type (a bare POST, a GET) is an
 * empty record; any other type than `kinds` allow is 415, a charset other than UTF-8 is 415, over
 * the limit or too many fields is 413, malformed JSON or a JSON body that is not an object is 400.
 */
export async function readPageBody(req: Request, kinds: readonly BodyKind[]): Promise<Record<string, unknown>> {
  const type = mediaType(req);
  if (type === '') {
    const raw = await readBody(req, [''], PAGE_BODY_LIMITS.formBytes);
    if (raw.length === 0) return nullRecord();
  }
  const accepted = kinds.map((k) => TYPES[k]);
  const kind = kinds.find((k) => TYPES[k] === type);
  const raw = await readBody(req, accepted, kind === 'json' ? PAGE_BODY_LIMITS.jsonBytes : PAGE_BODY_LIMITS.formBytes);
  const text = raw.toString('utf8');
  if (kind === 'form') return parseFormBody(text);
  let parsed: unknown;
  try {
    parsed = parseJsonSafe(text);
  } catch {
    throw new HttpError(400, 'malformed_json', 'the request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'bad_request', 'the request body must be a JSON object');
  return parsed as Record<string, unknown>;
}
