/**
 * Row shapes shared by the SQL adapters, and the checks every adapter applies to its input,
 * so SQLite, PostgreSQL and memory refuse the same bad values with the same messages.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Cipher } from './crypto';
import type { AttemptBucket, Install, JobRecord, LinkCode, ModelRecord, ScoreFactor, UserToken, VoiceLink } from './types';

/** Bad input to a store method: a programming error in the caller, reported clearly. */
export class StoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreInputError';
  }
}

export function requireText(name: string, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0) throw new StoreInputError(`${name} must be a non-empty string`);
  return v;
}
export function requireTime(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new StoreInputError(`${name} must be a finite number (epoch ms)`);
  return v;
}
export function requirePositive(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new StoreInputError(`${name} must be a positive number`);
  return v;
}
export function requireInt(name: string, v: unknown, min = 0): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new StoreInputError(`${name} must be a whole number >= ${min}`);
  return v;
}
export function requireOneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) throw new StoreInputError(`${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

export const ENTITIES = ['lead', 'deal'] as const;
export const PLATFORMS = ['alice', 'google'] as const;
export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;

/** Domains compare case-insensitively; scheme and trailing slash are not part of a domain. */
export function domainKey(domain: string): string {
  return domain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

/** JSON text of a value, refusing what JSON cannot carry (undefined at top level, cycles, BigInt). */
export function toJson(name: string, v: unknown): string {
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch (e) {
    throw new StoreInputError(`${name} is not serialisable as JSON: ${(e as Error).message}`);
  }
  if (s === undefined) throw new StoreInputError(`${name} is not serialisable as JSON`);
  return s;
}
export const fromJson = (s: string | null | undefined): unknown => (s === null || s === undefined ? undefined : JSON.parse(s));

/** Models can be large (curves, coefficients): payloads are stored as gzip-compressed JSON. */
export const packPayload = (v: unknown): Buffer => gzipSync(Buffer.from(toJson('payload', v), 'utf8'));
export const unpackPayload = (b: Buffer | Uint8Array): unknown => JSON.parse(gunzipSync(b).toString('utf8'));

export function validateInstall(i: Install): void {
  requireText('memberId', i?.memberId);
  requireText('domain', i.domain);
  requireText('accessToken', i.accessToken);
  requireText('refreshToken', i.refreshToken);
  if (typeof i.applicationToken !== 'string') throw new StoreInputError('applicationToken must be a string');
  for (const k of ['clientEndpoint', 'serverEndpoint', 'scope'] as const) {
    if (typeof i[k] !== 'string') throw new StoreInputError(`${k} must be a string`);
  }
  requireTime('expiresAt', i.expiresAt);
  requireTime('installedAt', i.installedAt);
  requireTime('updatedAt', i.updatedAt);
  if (i.installedBy !== undefined) requireInt('installedBy', i.installedBy, 0);
  if (i.settings !== undefined && (typeof i.settings !== 'object' || i.settings === null || Array.isArray(i.settings))) {
    throw new StoreInputError('settings must be an object');
  }
}

/** The installs table as both SQL adapters store it. Timestamps may come back as strings (pg bigint). */
export interface InstallRow {
  member_id: string;
  domain: string;
  domain_key: string;
  client_endpoint: string;
  server_endpoint: string;
  scope: string;
  access_token: string;
  refresh_token: string;
  refresh_token_mac: string;
  application_token: string;
  expires_at: number | string;
  installed_by: number | string | null;
  settings: string | null;
  installed_at: number | string;
  updated_at: number | string;
}

const ctx = (memberId: string, field: string) => `installs:${memberId}:${field}`;

export function refreshMac(cipher: Cipher, memberId: string, refreshToken: string): string {
  return cipher.mac(refreshToken, ctx(memberId, 'refresh_token'));
}

export function encodeInstall(i: Install, cipher: Cipher): InstallRow {
  return {
    member_id: i.memberId,
    domain: i.domain,
    domain_key: domainKey(i.domain),
    client_endpoint: i.clientEndpoint,
    server_endpoint: i.serverEndpoint,
    scope: i.scope,
    access_token: cipher.encrypt(i.accessToken, ctx(i.memberId, 'access_token')),
    refresh_token: cipher.encrypt(i.refreshToken, ctx(i.memberId, 'refresh_token')),
    refresh_token_mac: refreshMac(cipher, i.memberId, i.refreshToken),
    application_token: cipher.encrypt(i.applicationToken, ctx(i.memberId, 'application_token')),
    expires_at: i.expiresAt,
    installed_by: i.installedBy ?? null,
    settings: i.settings === undefined ? null : toJson('settings', i.settings),
    installed_at: i.installedAt,
    updated_at: i.updatedAt,
  };
}

export function encodeTokens(memberId: string, t: { accessToken: string; refreshToken: string }, cipher: Cipher) {
  return {
    access_token: cipher.encrypt(t.accessToken, ctx(memberId, 'access_token')),
    refresh_token: cipher.encrypt(t.refreshToken, ctx(memberId, 'refresh_token')),
    refresh_token_mac: refreshMac(cipher, memberId, t.refreshToken),
  };
}

export function decodeInstall(r: InstallRow, cipher: Cipher): Install {
  const out: Install = {
    memberId: r.member_id,
    domain: r.domain,
    clientEndpoint: r.client_endpoint,
    serverEndpoint: r.server_endpoint,
    scope: r.scope,
    accessToken: cipher.decrypt(r.access_token, ctx(r.member_id, 'access_token')),
    refreshToken: cipher.decrypt(r.refresh_token, ctx(r.member_id, 'refresh_token')),
    expiresAt: Number(r.expires_at),
    applicationToken: cipher.decrypt(r.application_token, ctx(r.member_id, 'application_token')),
    installedAt: Number(r.installed_at),
    updatedAt: Number(r.updated_at),
  };
  if (r.installed_by !== null && r.installed_by !== undefined) out.installedBy = Number(r.installed_by);
  if (r.settings !== null && r.settings !== undefined) out.settings = JSON.parse(r.settings) as Record<string, unknown>;
  return out;
}

export function validateVoiceLink(l: VoiceLink): void {
  requireOneOf('platform', l?.platform, PLATFORMS);
  requireText('voiceUserId', l.voiceUserId);
  requireText('memberId', l.memberId);
  requireInt('userId', l.userId, 1);
  requireTime('createdAt', l.createdAt);
}

export function validateLinkCode(c: LinkCode): void {
  requireText('codeHash', c?.codeHash);
  requireText('memberId', c.memberId);
  requireInt('userId', c.userId, 1);
  requireTime('expiresAt', c.expiresAt);
  requireTime('createdAt', c.createdAt);
}

/** Attempt buckets: at least one, each with a key, a whole positive limit and a positive window. */
export function validateBuckets(buckets: readonly AttemptBucket[]): void {
  if (!Array.isArray(buckets) || buckets.length === 0) throw new StoreInputError('buckets must be a non-empty list');
  for (const b of buckets) {
    requireText('bucket key', b?.key);
    requireInt('bucket limit', b.limit, 1);
    requirePositive('bucket windowMs', b.windowMs);
  }
}

export function validateModel(m: Omit<ModelRecord, 'version'>): void {
  requireText('memberId', m?.memberId);
  requireOneOf('entity', m.entity, ENTITIES);
  requireTime('trainedAt', m.trainedAt);
  requireTime('nextTrainingAt', m.nextTrainingAt);
  if (typeof m.meta !== 'object' || m.meta === null || Array.isArray(m.meta)) throw new StoreInputError('meta must be an object');
}

/** Bounds for a score's factors: a model has tens of columns; anything far past that is not ours. */
const MAX_FACTORS = 1000;
const MAX_FACTOR_TEXT = 2000;

/**
 * Check a score point's factors and return them as JSON (null for none): every entry a column name,
 * a value, a finite effect and at most a few words, so a stored point always reads back as written.
 */
export function encodeFactors(factors: unknown): string | null {
  if (factors === undefined || factors === null) return null;
  if (!Array.isArray(factors) || factors.length > MAX_FACTORS) throw new StoreInputError(`factors must be an array of at most ${MAX_FACTORS} entries`);
  const out = factors.map((f: unknown, i) => {
    const r = (f ?? {}) as Record<string, unknown>;
    const text = (k: string, v: unknown) => {
      if (typeof v !== 'string' || v.length > MAX_FACTOR_TEXT) throw new StoreInputError(`factors[${i}].${k} must be a string of at most ${MAX_FACTOR_TEXT} characters`);
      return v;
    };
    if (typeof r.effect !== 'number' || !Number.isFinite(r.effect)) throw new StoreInputError(`factors[${i}].effect must be a finite number`);
    const entry: { column: string; value: string; effect: number; words?: string[] } = { column: text('column', r.column), value: text('value', r.value), effect: r.effect };
    if (r.words !== undefined) {
      if (!Array.isArray(r.words) || r.words.length > 20) throw new StoreInputError(`factors[${i}].words must be an array of at most 20 strings`);
      entry.words = r.words.map((w) => text('words', w));
    }
    return entry;
  });
  return JSON.stringify(out);
}

/** The factors of a stored score point (undefined for a point saved without them). */
export const decodeFactors = (s: string | null | undefined): ScoreFactor[] | undefined => (s === null || s === undefined ? undefined : (JSON.parse(s) as ScoreFactor[]));

export function validateJob(j: JobRecord): void {
  requireText('id', j?.id);
  requireText('kind', j.kind);
  requireText('memberId', j.memberId);
  requireOneOf('state', j.state, JOB_STATES);
  if (typeof j.progress !== 'number' || !Number.isFinite(j.progress) || j.progress < 0) {
    throw new StoreInputError('progress must be a non-negative number');
  }
  requireTime('createdAt', j.createdAt);
  requireTime('updatedAt', j.updatedAt);
}

export function validateUserToken(t: UserToken): void {
  requireText('memberId', t?.memberId);
  requireInt('userId', t.userId, 1);
  requireText('domain', t.domain);
  requireText('accessToken', t.accessToken);
  requireText('refreshToken', t.refreshToken);
  for (const k of ['clientEndpoint', 'serverEndpoint', 'scope'] as const) {
    if (typeof t[k] !== 'string') throw new StoreInputError(`${k} must be a string`);
  }
  requireTime('expiresAt', t.expiresAt);
  requireTime('updatedAt', t.updatedAt);
}

/** The user_tokens table as both SQL adapters store it: an install row's OAuth columns, per user. */
export type UserTokenRow = Pick<InstallRow, 'member_id' | 'domain' | 'client_endpoint' | 'server_endpoint' | 'scope' | 'access_token' | 'refresh_token' | 'refresh_token_mac' | 'expires_at' | 'updated_at'> & {
  user_id: number | string;
};

/** Associated data binds a ciphertext to its portal, user and column: a copied value does not decrypt elsewhere. */
const userCtx = (memberId: string, userId: number, field: string) => `user_tokens:${memberId}:${userId}:${field}`;

export function userRefreshMac(cipher: Cipher, memberId: string, userId: number, refreshToken: string): string {
  return cipher.mac(refreshToken, userCtx(memberId, userId, 'refresh_token'));
}

export function encodeUserTokens(memberId: string, userId: number, t: { accessToken: string; refreshToken: string }, cipher: Cipher) {
  return {
    access_token: cipher.encrypt(t.accessToken, userCtx(memberId, userId, 'access_token')),
    refresh_token: cipher.encrypt(t.refreshToken, userCtx(memberId, userId, 'refresh_token')),
    refresh_token_mac: userRefreshMac(cipher, memberId, userId, t.refreshToken),
  };
}

export function encodeUserToken(t: UserToken, cipher: Cipher): UserTokenRow {
  return {
    member_id: t.memberId,
    user_id: t.userId,
    domain: t.domain,
    client_endpoint: t.clientEndpoint,
    server_endpoint: t.serverEndpoint,
    scope: t.scope,
    ...encodeUserTokens(t.memberId, t.userId, t, cipher),
    expires_at: t.expiresAt,
    updated_at: t.updatedAt,
  };
}

export function decodeUserToken(r: UserTokenRow, cipher: Cipher): UserToken {
  const userId = Number(r.user_id);
  return {
    memberId: r.member_id,
    userId,
    domain: r.domain,
    clientEndpoint: r.client_endpoint,
    serverEndpoint: r.server_endpoint,
    scope: r.scope,
    accessToken: cipher.decrypt(r.access_token, userCtx(r.member_id, userId, 'access_token')),
    refreshToken: cipher.decrypt(r.refresh_token, userCtx(r.member_id, userId, 'refresh_token')),
    expiresAt: Number(r.expires_at),
    updatedAt: Number(r.updated_at),
  };
}
