/**
 * The store's ports: small interfaces the rest of the server depends on. Adapters
 * (memory, SQLite, PostgreSQL, Redis for sessions) implement them; one contract suite
 * (test/store) runs against each. Times are epoch milliseconds; the caller passes the
 * clock where a method needs "now", so adapters stay deterministic under test.
 */

/** One installed portal (keyed by Bitrix24 `member_id`). Tokens are plain here; adapters encrypt at rest. */
export interface Install {
  memberId: string;
  domain: string;
  /** e.g. https://portal.bitrix24.ru/rest/ */
  clientEndpoint: string;
  /** e.g. https://oauth.bitrix.info/rest/ */
  serverEndpoint: string;
  scope: string;
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, epoch ms. */
  expiresAt: number;
  /** `application_token` from ONAPPINSTALL: authenticates the portal's later events. */
  applicationToken: string;
  /** Bitrix24 user id who installed the app, when known. */
  installedBy?: number;
  /** Registered bot ids etc.: free-form settings kept with the install. */
  settings?: Record<string, unknown>;
  installedAt: number;
  updatedAt: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

export interface InstallStore {
  get(memberId: string): Promise<Install | null>;
  /** Case-insensitive; scheme and trailing slash ignored; the most recently updated record wins. */
  getByDomain(domain: string): Promise<Install | null>;
  /** Ordered by memberId. */
  list(): Promise<Install[]>;
  /** Insert or replace the whole record. */
  save(install: Install): Promise<void>;
  /**
   * Atomically replace the token pair, only if the stored refresh token is still
   * `expectedRefreshToken` (compare-and-swap). Returns false when another writer won.
   */
  updateTokens(memberId: string, tokens: TokenPair, expectedRefreshToken: string): Promise<boolean>;
  remove(memberId: string): Promise<void>;
}

/**
 * A held lease: call it to release (only its own lease; safe twice). `extend` renews it for
 * `ttlMs` from now while it is still ours (false once it lapsed or another holder took it), so a
 * holder can keep a short lease alive for as long as its work runs — and a crashed holder's lease
 * lapses soon after its last renewal.
 */
export type Lease = (() => Promise<void>) & { extend(ttlMs: number): Promise<boolean> };

/**
 * One portal user's own OAuth pair (issue 12: act as the speaker). Kept from the tokens a user's
 * browser hands us on an app page (AUTH_ID / REFRESH_ID) or from an event carrying that user's
 * token; encrypted at rest like an install's. Keyed by (memberId, userId).
 */
export type UserToken = Pick<Install, 'memberId' | 'domain' | 'clientEndpoint' | 'serverEndpoint' | 'scope' | 'accessToken' | 'refreshToken' | 'expiresAt' | 'updatedAt'> & {
  userId: number;
};

export interface UserTokenStore {
  get(memberId: string, userId: number): Promise<UserToken | null>;
  /** Insert or replace the user's whole record. */
  save(token: UserToken): Promise<void>;
  /** Compare-and-swap on the stored refresh token, as `InstallStore.updateTokens`. */
  updateTokens(memberId: string, userId: number, tokens: TokenPair, expectedRefreshToken: string): Promise<boolean>;
  /** Drop one user's pair (revoked, expired beyond refresh). */
  remove(memberId: string, userId: number): Promise<void>;
  /** Drop every user's pair of a portal (uninstall). */
  removeAll(memberId: string): Promise<void>;
}

/** A lease-based lock shared by every process using the same store. */
export interface LockStore {
  /**
   * Take `key` for `ttlMs`; returns the lease, or null when someone else holds it. The SQL adapters
   * also take over at once a lease whose holder was a process on this host that is gone (a crash).
   */
  tryAcquire(key: string, ttlMs: number): Promise<Lease | null>;
}

/** Idempotency log: one confirmed action creates one entity, even when retried. */
export type ActionState = 'pending' | 'done' | 'failed';
export interface ActionRecord {
  key: string;
  memberId: string;
  kind: string;
  state: ActionState;
  /** What the portal returned (e.g. the created task id), once done. */
  result?: unknown;
  error?: string;
  createdAt: number;
  updatedAt: number;
}
/** How long an action record (and a per-event de-duplication record) is kept by default: 7 days. */
export const ACTION_TTL_MS = 7 * 86_400_000;
export interface ActionLog {
  /**
   * Claim `key`. Returns `{ claimed: true }` to the one caller that must perform the action;
   * every other caller gets `{ claimed: false, record }` with the existing record — also after
   * `fail`: a failed action is not re-claimable (retrying safely is the caller's decision).
   * The record is kept `ttlMs` (default ACTION_TTL_MS) after the claim; after that it is
   * forgotten (swept, and a claim of the key wins again), so the log does not grow forever.
   */
  claim(key: string, memberId: string, kind: string, now: number, ttlMs?: number): Promise<{ claimed: true } | { claimed: false; record: ActionRecord }>;
  /** Rejects (StoreInputError) when `key` was never claimed; so does `fail`. */
  complete(key: string, result: unknown, now: number): Promise<void>;
  fail(key: string, error: string, now: number): Promise<void>;
  get(key: string): Promise<ActionRecord | null>;
  /** Delete the records expired at `now`; returns how many. The adapters also sweep on their own now and then. */
  sweep(now: number): Promise<number>;
  /** Records held, expired-but-unswept included (for tests and monitoring). */
  size(): Promise<number>;
}

/** A voice assistant user (Alice/Google) bound to a portal user. */
export interface VoiceLink {
  platform: 'alice' | 'google';
  voiceUserId: string;
  memberId: string;
  userId: number;
  createdAt: number;
}
export interface VoiceLinkStore {
  get(platform: VoiceLink['platform'], voiceUserId: string): Promise<VoiceLink | null>;
  save(link: VoiceLink): Promise<void>;
  remove(platform: VoiceLink['platform'], voiceUserId: string): Promise<void>;
  listForUser(memberId: string, userId: number): Promise<VoiceLink[]>;
}

/** One-time linking codes; only a hash of the code is stored. At most one per portal user. */
export interface LinkCode {
  codeHash: string;
  memberId: string;
  userId: number;
  expiresAt: number;
  createdAt: number;
}
/** One limit on linking attempts: at most `limit` attempts counted in `key` within any `windowMs`. */
export interface AttemptBucket {
  key: string;
  limit: number;
  windowMs: number;
}
export type AttemptTaken = { ok: true; id: string } | { ok: false; bucket: string; retryAfterMs: number };
export interface LinkCodeStore {
  /**
   * Store a code, replacing any other code of the same portal user (one live code per user), and
   * sweep the codes expired at `code.createdAt`.
   */
  save(code: LinkCode): Promise<void>;
  /** Delete and return the code with this hash if it is still alive at `now` (one use only). */
  consume(codeHash: string, now: number): Promise<LinkCode | null>;
  /** Codes alive at `now`. */
  listAlive(now: number): Promise<LinkCode[]>;
  /**
   * Reserve one attempt in every bucket, atomically: when each has room at `now` (fewer than
   * `limit` entries in its window) one entry is added to each, expiring after its window, and the
   * attempt's id is returned; otherwise nothing is written and the first full bucket is named with
   * the time until it has room. A refused attempt leaves no row, so refusals cannot grow storage.
   * Expired entries are swept on every call.
   */
  takeAttempt(buckets: readonly AttemptBucket[], now: number): Promise<AttemptTaken>;
  /** Give an attempt's entries back (a guess that linked costs nothing). Unknown ids are ignored. */
  refundAttempt(id: string): Promise<void>;
  /** Delete expired codes and attempt entries; returns how many rows went. */
  sweep(now: number): Promise<number>;
  /** Rows held, expired-but-unswept included (for tests and monitoring). */
  size(): Promise<{ codes: number; attempts: number }>;
}

/** Dialogue session state, versioned so two concurrent turns cannot both win. */
export interface SessionRecord<T = unknown> {
  value: T;
  version: number;
}
export interface SessionStore {
  /** The live session, as a copy of its own: the caller may change it freely before `put`. */
  get<T = unknown>(key: string, now: number): Promise<SessionRecord<T> | null>;
  /**
   * Write when the stored version is `expectedVersion` (0 = must not exist). Returns the new
   * version (always `expectedVersion + 1`), or null when another writer changed it first.
   * An expired session counts as absent.
   */
  put<T = unknown>(key: string, value: T, expectedVersion: number, ttlMs: number, now: number): Promise<number | null>;
  delete(key: string): Promise<void>;
}

/** A trained scoring model with its metadata; `payload` is the serialised model. */
export interface ModelRecord {
  memberId: string;
  entity: 'lead' | 'deal';
  version: number;
  trainedAt: number;
  nextTrainingAt: number;
  /** Counts, metrics and curves, as src/scoring produces them. */
  meta: Record<string, unknown>;
  payload: unknown;
}
/**
 * One input column's part in a stored score (src/scoring's explanation, kept small): the record's
 * value, its effect on the log-odds against the training average, and a text's strongest words.
 */
export interface ScoreFactor {
  column: string;
  value: string;
  effect: number;
  words?: string[];
}
/** A point of a record's score history. */
export interface ScorePoint {
  at: number;
  probability: number;
  modelVersion: number;
  /** Absent for points saved before the store kept them (migration 6). */
  factors?: ScoreFactor[];
}
export interface ModelStore {
  /** Save as the next version for (memberId, entity); returns that version. */
  save(model: Omit<ModelRecord, 'version'>): Promise<number>;
  latest(memberId: string, entity: ModelRecord['entity']): Promise<ModelRecord | null>;
  /** Newest version first, without payloads. */
  list(memberId: string, entity: ModelRecord['entity']): Promise<Omit<ModelRecord, 'payload'>[]>;
  /**
   * Score history per record, for the lead card's chart. `factors` are the score's per-column parts
   * (what moved the next point is told from them); points saved before version 6 have none.
   */
  addScore(memberId: string, entity: ModelRecord['entity'], recordId: number, at: number, probability: number, modelVersion: number, factors?: readonly ScoreFactor[]): Promise<void>;
  scores(memberId: string, entity: ModelRecord['entity'], recordId: number): Promise<ScorePoint[]>;
}

/** Background jobs (training) as the in-process runner records them. */
export type JobState = 'queued' | 'running' | 'done' | 'failed';
export interface JobRecord {
  id: string;
  kind: string;
  memberId: string;
  state: JobState;
  progress: number;
  message?: string;
  createdAt: number;
  updatedAt: number;
}
export interface JobStore {
  save(job: JobRecord): Promise<void>;
  get(id: string): Promise<JobRecord | null>;
  /** Newest (by createdAt) first. */
  listFor(memberId: string): Promise<JobRecord[]>;
}

export interface Store {
  installs: InstallStore;
  userTokens: UserTokenStore;
  locks: LockStore;
  actions: ActionLog;
  voiceLinks: VoiceLinkStore;
  linkCodes: LinkCodeStore;
  sessions: SessionStore;
  models: ModelStore;
  jobs: JobStore;
  close(): Promise<void>;
}
