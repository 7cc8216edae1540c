/**
 * Transport plumbing every webhook shares: a bounded body reader that checks the content type
 * before reading, JSON errors with a stable shape, and constant-time secret comparison. Each
 * adapter reads its own body (not a global `express.json()`), so a platform's quirks — Bitrix24's
 * PHP forms, Google's 64 KiB — stay with that platform.
 */
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { parseJsonSafe } from '../util/records';

/** Every webhook refuses bodies over this many bytes (the platforms' own ceiling is 64 KiB). */
export const MAX_BODY_BYTES = 64 * 1024;

/** An error that becomes a JSON answer `{error, message}` with this HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendError(res: Response, err: HttpError): void {
  if (res.headersSent) return;
  res.status(err.status).json({ error: err.code, message: err.message });
}

/** Turn anything thrown inside a handler into a JSON answer; unknown errors are a 500 without details. */
export function answerError(res: Response, err: unknown, log?: (msg: string, err: unknown) => void): void {
  if (err instanceof HttpError) {
    // One line per refused request: status and code, never the body (docs/security.md).
    log?.('webhook request refused', { status: err.status, error: err.code });
    return sendError(res, err);
  }
  log?.('webhook handler failed', err);
  sendError(res, new HttpError(500, 'internal', 'the request could not be handled'));
}

/** The media type without parameters, lower-cased ("application/json; charset=utf-8" → "application/json"). */
export function mediaType(req: Request): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
}

/** The `charset` parameter of the Content-Type, lower-cased and unquoted; undefined when absent. */
export function charsetOf(req: Request): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(String(req.headers['content-type'] ?? ''));
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * Read the raw body, refusing a wrong content type or a charset other than UTF-8 (415) before
 * reading and anything over `limit` bytes (413) — by the declared length when there is one, else
 * while streaming.
 */
export async function readBody(req: Request, accept: readonly string[], limit = MAX_BODY_BYTES): Promise<Buffer> {
  const type = mediaType(req);
  if (!accept.includes(type)) {
    // Quoted through JSON.stringify and clipped: the header is the client's text.
    throw new HttpError(415, 'unsupported_media_type', `expected Content-Type ${accept.join(' or ')}, got ${JSON.stringify(type.slice(0, 80) || 'none')}`);
  }
  const charset = charsetOf(req);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError(415, 'unsupported_charset', 'only UTF-8 bodies are accepted');
  }
  // A body parser mounted earlier already consumed the stream: take what it left, as a string.
  const pre: unknown = (req as { body?: unknown }).body;
  if (pre !== undefined && req.readableEnded) {
    const buf = Buffer.isBuffer(pre) ? pre : Buffer.from(typeof pre === 'string' ? pre : JSON.stringify(pre));
    if (buf.length > limit) throw tooLarge(limit);
    return buf;
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: HttpError | null) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (err) {
        req.resume(); // drain the rest so the connection can answer
        reject(err);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) return finish(tooLarge(limit));
      chunks.push(c);
    };
    const onEnd = () => finish(null);
    const onError = () => finish(new HttpError(400, 'bad_body', 'the request body could not be read'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

const tooLarge = (limit: number) => new HttpError(413, 'body_too_large', `the request body is over ${limit} bytes`);

/**
 * Read and parse a JSON object body (415 / 413 / 400 on the usual failures) into null-prototype
 * records without `__proto__` / `constructor` / `prototype` keys (src/util/records.ts).
 */
export async function readJsonObject(req: Request, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const raw = await readBody(req, ['application/json'], limit);
  let parsed: unknown;
  try {
    parsed = parseJsonSafe(raw.toString('utf8'));
  } catch {
    // Never the parser's message: it quotes the body.
    throw new HttpError(400, 'malformed_json', 'the request body is not valid JSON');
  }
  if (!isObject(parsed)) throw new HttpError(400, 'bad_request', 'the request body must be a JSON object');
  return parsed;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `obj.a.b.c` when every step is an object; undefined otherwise. */
export function dig(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const p of path) {
    if (!isObject(cur) || !Object.hasOwn(cur, p)) return undefined;
    cur = cur[p];
  }
  return cur;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Compare two secrets in time independent of where they differ (and of their lengths: both are
 * hashed to 32 bytes first, so a length mismatch does not return early either).
 */
export function safeEqual(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a, 'utf8').digest();
  const hb = crypto.createHash('sha256').update(b, 'utf8').digest();
  return crypto.timingSafeEqual(ha, hb) && a.length === b.length;
}
