/**
 * What the portal pages need from the rest of the server, as narrow ports. `buildServices`
 * (src/services.ts) wires them to the store, src/bitrix, src/dialog and src/scoring; tests pass fakes
 * or the memory store. Nothing here reaches a network or a clock on its own.
 */
import type { Account, LeadScoreAnswer } from '../dialog/types';
import type { JobStore, ModelStore, VoiceLinkStore } from '../store/types';

export type Lang = 'ru' | 'en';
export type Entity = 'lead' | 'deal';

/** The portal user behind a verified placement request. */
export interface PortalUser {
  userId: number;
  name?: string;
  /** Portal administrators may retrain models. */
  admin?: boolean;
}

/** Parameters a portal POSTs to an app page or placement handler (apidocs: widgets, "What the handler receives"). */
export interface PortalAuth {
  memberId: string;
  domain: string;
  authId: string;
  /** `REFRESH_ID` and `AUTH_EXPIRES` (seconds), when the portal sent them: kept as the viewer's own pair. */
  refreshId?: string;
  authExpires?: number;
}

/** A one-time code for linking a voice assistant (dialogue.md, "Linking"). */
export interface IssuedCode {
  /** Digits only; shown grouped for reading aloud. */
  code: string;
  expiresAt: number;
}

/** Progress of a training run, reported by the trainer as it goes. */
export interface TrainProgress {
  /** 0 … 1. */
  fraction: number;
  /** A short stage name ("export", "features", "fit", "evaluate", "save"). */
  stage: string;
}

/**
 * Trains and stores a new model version for (memberId, entity), calling `onProgress` along the
 * way; resolves with the saved version. Throws `NotEnoughDataError`-like errors with a message
 * fit for the user when the portal lacks data.
 */
export type Trainer = (memberId: string, entity: Entity, onProgress: (p: TrainProgress) => void) => Promise<{ version: number }>;

/** Closed-record counts for the "not enough data yet" state (scoring.md: 2,000 by default). */
export interface DataCounts {
  closed: number;
  success: number;
  failure: number;
  required: number;
}

/** Portal setup done by the install page: placements and the bot (the lead wires it over src/bitrix). */
export interface InstallResult {
  placements: string[];
  bots: string[];
}

export interface DemoUser {
  id: number;
  name: string;
}

export interface WebDeps {
  store: { models: ModelStore; jobs: JobStore; voiceLinks: VoiceLinkStore };
  /** Wall clock (epoch ms). */
  now: () => number;
  /** Key for the page tokens that carry a verified viewer between requests (≥ 16 bytes). */
  sessionSecret: string;
  /**
   * Check a placement's AUTH_ID against the portal (e.g. `user.current` on the installed portal
   * whose member_id and domain match). Null when the portal refuses it or is not installed.
   */
  verifyPortalAuth(auth: PortalAuth): Promise<PortalUser | null>;
  /**
   * Keep a verified viewer's own tokens (AUTH_ID / REFRESH_ID) so the assistant acts with their
   * rights (issue 12). Opening "Голосовой помощник" for a linking code thus also authorises them.
   */
  keepUserTokens?(auth: PortalAuth, userId: number): Promise<unknown>;
  /** Issue a one-time linking code for this user (src/dialog's `issueLinkCode`). */
  issueLinkCode(account: Account, now: number): Promise<IssuedCode>;
  /** Score one lead or deal now (PortalActions.scoreLead); also records it in the score history. */
  scoreRecord(account: Account, entity: Entity, id: number, lang?: Lang): Promise<LeadScoreAnswer>;
  /**
   * The portal's users by id (the scorer's `userNames`), so a history point moved by a new
   * responsible person names them; without it they are said as "сотрудник №14".
   */
  userNames?(memberId: string): Promise<ReadonlyMap<number, string>>;
  /** Closed-record counts of a portal, shown while it has no model. */
  dataCounts(memberId: string, entity: Entity): Promise<DataCounts>;
  trainer: Trainer;
  /** Registers placements (handlers under `baseUrl`) and the bot; called by the install page. */
  install?(auth: PortalAuth, baseUrl: string): Promise<InstallResult>;
  /**
   * Sandbox mode: every page opens without a portal frame for these demo users (`?user=ID`) of
   * this portal. Absent in production, where only verified placement requests get in.
   */
  sandbox?: {
    memberId: string;
    users: DemoUser[];
    records?: { entity: Entity; id: number }[];
    /** The placement auth the sandbox portal issues for a demo user, so `?user=ID` takes the portal's path. */
    placementAuth?(userId: number): PortalAuth;
  };
  /** Public base URL of the server (for install handlers), without a trailing slash. */
  publicUrl?: () => string;
  log?: (msg: string, detail?: unknown) => void;
}
