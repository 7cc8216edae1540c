/**
 * Linking a voice user to a portal user by a spoken one-time code (dialogue.md "Linking").
 *
 * Codes are 8 digits: with, say, 10,000 codes alive at once, one guess hits with probability
 * 10^4 / 10^8 = 10^-4, and a voice user gets 5 misses per 15 minutes before a lock-out, so a
 * guesser needs ~2,000 voice identities per expected hit in a 5-minute code lifetime. Only a keyed
 * hash (HMAC) of a code is stored; looking the hash up compares nothing secret byte by byte, and
 * `consume` deletes it, so a code works once.
 */
import crypto from 'node:crypto';
import type { Account } from './types';
import type { LinkCodeStore, VoiceLinkStore, VoiceLink } from '../store/types';

export const CODE_DIGITS = 8;
export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface LinkDeps {
  linkCodes: LinkCodeStore;
  voiceLinks: VoiceLinkStore;
  /** Keyed hash of a code (`createCodeHasher(encryptionKey)` from src/store). */
  hashCode: (code: string) => string;
}

/** A fresh code for `account`, alive for `ttlMs`. */
export async function issueLinkCode(deps: Pick<LinkDeps, 'linkCodes' | 'hashCode'>, account: Account, now: number, ttlMs: number): Promise<string> {
  const code = String(crypto.randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
  await deps.linkCodes.save({ codeHash: deps.hashCode(code), memberId: account.memberId, userId: account.userId, expiresAt: now + ttlMs, createdAt: now });
  return code;
}

/** The digits of an utterance ("пять пять два …" arrives as words; digits may be split by spaces). */
export function digitsOf(text: string, numberWords: (words: string[]) => string): string {
  const direct = text.replace(/[^\d]/g, '');
  if (direct.length >= CODE_DIGITS) return direct;
  return direct + numberWords(text.toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}]+/u).filter(Boolean));
}

export type LinkOutcome = { kind: 'linked'; account: Account } | { kind: 'wrong' } | { kind: 'locked' } | { kind: 'no-code' };

export async function tryLink(deps: LinkDeps, platform: VoiceLink['platform'], voiceUserId: string, digits: string, now: number): Promise<LinkOutcome> {
  const subject = `${platform}:${voiceUserId}`;
  // Every attempt counts until one succeeds (which clears the count): the sixth within the window is refused.
  const attempts = await deps.linkCodes.recordFailure(subject, now, LOCKOUT_MS);
  if (attempts > MAX_FAILURES) return { kind: 'locked' };
  if (digits.length !== CODE_DIGITS) return digits.length ? { kind: 'wrong' } : { kind: 'no-code' };
  const code = await deps.linkCodes.consume(deps.hashCode(digits), now);
  if (!code) return { kind: 'wrong' };
  await deps.linkCodes.clearFailures(subject);
  await deps.voiceLinks.save({ platform, voiceUserId, memberId: code.memberId, userId: code.userId, createdAt: now });
  return { kind: 'linked', account: { memberId: code.memberId, userId: code.userId } };
}
