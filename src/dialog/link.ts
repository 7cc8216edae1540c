/**
 * Linking a voice user to a portal user by a spoken one-time code (dialogue.md "Linking").
 *
 * Codes are 8 digits and a portal user has at most one alive (a new one replaces the old; the
 * store sees to it). Only a keyed hash (HMAC) of a code is stored; `consume` deletes it, so a code
 * works once.
 *
 * Guessing is bounded by three sliding-window limits on *checked* guesses, taken atomically
 * before a guess is looked at (LINK_LIMITS): per voice user (a person who mistypes a few times
 * gets five tries), per skill/application, and over the whole server. The voice user id and even
 * the skill id are whatever a request says, so only the last one is a bound an attacker cannot
 * reset; it is what the arithmetic rests on (docs/security.md#linking-codes-expiry-and-the-action-lock-issue-11-items-4-5-9): at most 5 checked guesses
 * in any 10 minutes = 720 per 24 h, and with 1,000 codes alive each guess hits with probability
 * 1,000 / 10^8, so P(link within 24 h) ≤ 1 − (1 − 10^-5)^720 ≈ 0.72 %. A refused guess is not
 * checked and leaves no row; a guess that links gives its entries back.
 */
import crypto from 'node:crypto';
import type { Account } from './types';
import type { AttemptBucket, LinkCodeStore, VoiceLinkStore, VoiceLink } from '../store/types';

export const CODE_DIGITS = 8;

export interface LinkLimit {
  limit: number;
  windowMs: number;
}
export interface LinkLimits {
  /** One voice user id (what a mistyping person meets). */
  voiceUser: LinkLimit;
  /** One skill / application (Alice skill_id, Dialogflow project, Actions Builder). */
  app: LinkLimit;
  /** The whole server: the bound the brute-force arithmetic rests on. */
  all: LinkLimit;
}
export const LINK_LIMITS: LinkLimits = {
  voiceUser: { limit: 5, windowMs: 15 * 60_000 },
  app: { limit: 4, windowMs: 10 * 60_000 },
  all: { limit: 5, windowMs: 10 * 60_000 },
};
/** Kept for callers of the old names: the per-voice-user limit. */
export const MAX_FAILURES = LINK_LIMITS.voiceUser.limit;
export const LOCKOUT_MS = LINK_LIMITS.voiceUser.windowMs;

export interface LinkDeps {
  linkCodes: LinkCodeStore;
  voiceLinks: VoiceLinkStore;
  /** Keyed hash of a code (`createCodeHasher(encryptionKey)` from src/store). */
  hashCode: (code: string) => string;
  /** Default LINK_LIMITS. */
  limits?: LinkLimits;
}

/** A fresh code for `account`, alive for `ttlMs`; the user's previous code stops working. */
export async function issueLinkCode(deps: Pick<LinkDeps, 'linkCodes' | 'hashCode'>, account: Account, now: number, ttlMs: number): Promise<string> {
  const code = String(crypto.randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
  await deps.linkCodes.save({ codeHash: deps.hashCode(code), memberId: account.memberId, userId: account.userId, expiresAt: now + ttlMs, createdAt: now });
  return code;
}

/** Reads a number said in words at `words[i]` ("двенадцать", "тридцать четыре"), as src/nlu/numbers does. */
export type ReadNumber = (words: readonly string[], i: number) => { value: number; length: number } | null;

/**
 * What an unlinked user's utterance is: a code (exactly 8 digits, said as digits, groups or number
 * words, around a few filler words such as "код"), something code-like of the wrong length
 * (only digits and fillers, 4+ digits), or anything else — "созвон в 11" is not a code attempt.
 * `hints` are the platform's recognised numbers (Alice YANDEX.NUMBER), used when the words alone
 * do not give 8 digits.
 */
export type CodeShape = { kind: 'code'; digits: string } | { kind: 'malformed' } | { kind: 'none' };

export function readCode(text: string, readNumber: ReadNumber, fillers: readonly string[], hints?: readonly number[]): CodeShape {
  const words = text.toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const filler = new Set(fillers.map((f) => f.toLowerCase().replace(/ё/g, 'е')));
  let digits = '';
  for (let i = 0; i < words.length; ) {
    const w = words[i]!;
    if (/^\d+$/.test(w)) {
      digits += w;
      i++;
      continue;
    }
    let n = readNumber(words, i);
    // A compound number never ends in zero: "тридцать ноль два" is 30, 0, 2 in a code said in pairs,
    // though a reader of amounts takes "тридцать ноль" as one 30 (a digit would be lost).
    if (n && n.length > 1 && readNumber(words, i + n.length - 1)?.value === 0) n = readNumber(words.slice(0, i + n.length - 1), i);
    if (n && Number.isSafeInteger(n.value) && n.value >= 0) {
      digits += String(n.value);
      i += n.length;
    } else if (filler.has(w)) i++;
    else return { kind: 'none' };
  }
  if (digits.length === CODE_DIGITS) return { kind: 'code', digits };
  const hinted = (hints ?? []).every((h) => Number.isSafeInteger(h) && h >= 0) ? (hints ?? []).join('') : '';
  if (digits.length > 0 && hinted.length === CODE_DIGITS) return { kind: 'code', digits: hinted };
  return digits.length >= 4 ? { kind: 'malformed' } : { kind: 'none' };
}

export type LinkOutcome =
  | { kind: 'linked'; account: Account }
  | { kind: 'wrong' }
  /** Not checked: `scope` says which limit is full, `retryAfterMs` when it has room again. */
  | { kind: 'locked'; scope: keyof LinkLimits; retryAfterMs: number };

/** Bucket keys carry a hash of ids the request chose, so their length and content are ours. */
const tag = (s: string) => crypto.createHash('sha256').update(s).digest('base64url').slice(0, 22);

export function attemptBuckets(limits: LinkLimits, platform: VoiceLink['platform'], voiceUserId: string, app: string | undefined): AttemptBucket[] {
  return [
    { key: `link:user:${tag(`${platform}\0${voiceUserId}`)}`, ...limits.voiceUser },
    { key: `link:app:${tag(`${platform}\0${app ?? ''}`)}`, ...limits.app },
    { key: 'link:all', ...limits.all },
  ];
}

/** Check an 8-digit guess, within the limits. `app` is the skill/application the request came through. */
export async function tryLink(
  deps: LinkDeps,
  platform: VoiceLink['platform'],
  voiceUserId: string,
  app: string | undefined,
  digits: string,
  now: number,
): Promise<LinkOutcome> {
  const limits = deps.limits ?? LINK_LIMITS;
  const buckets = attemptBuckets(limits, platform, voiceUserId, app);
  const taken = await deps.linkCodes.takeAttempt(buckets, now);
  if (!taken.ok) {
    const scope = (['voiceUser', 'app', 'all'] as const)[buckets.findIndex((b) => b.key === taken.bucket)] ?? 'all';
    return { kind: 'locked', scope, retryAfterMs: taken.retryAfterMs };
  }
  const code = digits.length === CODE_DIGITS ? await deps.linkCodes.consume(deps.hashCode(digits), now) : null;
  if (!code) return { kind: 'wrong' };
  await deps.linkCodes.refundAttempt(taken.id);
  await deps.voiceLinks.save({ platform, voiceUserId, memberId: code.memberId, userId: code.userId, createdAt: now });
  return { kind: 'linked', account: { memberId: code.memberId, userId: code.userId } };
}
