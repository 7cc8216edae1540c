/**
 * Versioned schema migrations, one ordered array for both SQL dialects so a change is written
 * once per dialect side by side. Rules: never edit a migration that has shipped; add the next
 * version. Each adapter records applied versions in `schema_migrations` and applies the missing
 * ones inside a transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: under an advisory lock), so
 * several processes starting at once migrate exactly once.
 *
 * Times are epoch milliseconds (INTEGER / BIGINT). JSON is kept as TEXT in both dialects, so
 * values round-trip byte for byte; model payloads are gzip-compressed JSON (BLOB / BYTEA).
 */
/**
 * Version 4, the same in both dialects but for the column types. Keeps each user's newest code;
 * link_failures (one row per failure, never swept across subjects) gives way to bounded, expiring
 * attempt entries; old action records get 7 days from their last update.
 */
function oneCodePerUserAndExpiry(bigint: string, serialKey: string): string {
  return `
      DELETE FROM link_codes WHERE EXISTS (SELECT 1 FROM link_codes n WHERE n.member_id = link_codes.member_id
        AND n.user_id = link_codes.user_id
        AND (n.created_at > link_codes.created_at OR (n.created_at = link_codes.created_at AND n.code_hash > link_codes.code_hash)));
      CREATE UNIQUE INDEX link_codes_user ON link_codes (member_id, user_id);
      DROP TABLE link_failures;
      CREATE TABLE link_attempts (
        id ${serialKey},
        bucket TEXT NOT NULL,
        attempt TEXT NOT NULL,
        at ${bigint} NOT NULL,
        expires_at ${bigint} NOT NULL
      );
      CREATE INDEX link_attempts_bucket ON link_attempts (bucket, at);
      CREATE INDEX link_attempts_expiry ON link_attempts (expires_at);
      CREATE INDEX link_attempts_attempt ON link_attempts (attempt);
      ALTER TABLE actions ADD COLUMN expires_at ${bigint};
      UPDATE actions SET expires_at = updated_at + 604800000;
      CREATE INDEX actions_expiry ON actions (expires_at);`;
}

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'installs, locks, action log',
    sqlite: `
      CREATE TABLE store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE installs (
        member_id TEXT PRIMARY KEY,
        domain TEXT NOT NULL,
        domain_key TEXT NOT NULL,
        client_endpoint TEXT NOT NULL,
        server_endpoint TEXT NOT NULL,
        scope TEXT NOT NULL,
        access_token TEXT NOT NULL,
        refresh_token TEXT NOT NULL,
        refresh_token_mac TEXT NOT NULL,
        application_token TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        installed_by INTEGER,
        settings TEXT,
        installed_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX installs_domain ON installs (domain_key, updated_at);
      CREATE TABLE locks (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE TABLE actions (
        key TEXT PRIMARY KEY,
        member_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
        result TEXT,
        error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );`,
    postgres: `
      CREATE TABLE store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE installs (
        member_id TEXT PRIMARY KEY,
        domain TEXT NOT NULL,
        domain_key TEXT NOT NULL,
        client_endpoint TEXT NOT NULL,
        server_endpoint TEXT NOT NULL,
        scope TEXT NOT NULL,
        access_token TEXT NOT NULL,
        refresh_token TEXT NOT NULL,
        refresh_token_mac TEXT NOT NULL,
        application_token TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        installed_by INTEGER,
        settings TEXT,
        installed_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX installs_domain ON installs (domain_key, updated_at);
      CREATE TABLE locks (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at BIGINT NOT NULL);
      CREATE TABLE actions (
        key TEXT PRIMARY KEY,
        member_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
        result TEXT,
        error TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'voice links, linking codes, sessions',
    sqlite: `
      CREATE TABLE voice_links (
        platform TEXT NOT NULL CHECK (platform IN ('alice', 'google')),
        voice_user_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (platform, voice_user_id)
      );
      CREATE INDEX voice_links_user ON voice_links (member_id, user_id);
      CREATE TABLE link_codes (
        code_hash TEXT PRIMARY KEY,
        member_id TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX link_codes_expiry ON link_codes (expires_at);
      CREATE TABLE link_failures (id INTEGER PRIMARY KEY AUTOINCREMENT, subject TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX link_failures_subject ON link_failures (subject, at);
      CREATE TABLE sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL, expires_at INTEGER NOT NULL);
      CREATE INDEX sessions_expiry ON sessions (expires_at);`,
    postgres: `
      CREATE TABLE voice_links (
        platform TEXT NOT NULL CHECK (platform IN ('alice', 'google')),
        voice_user_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (platform, voice_user_id)
      );
      CREATE INDEX voice_links_user ON voice_links (member_id, user_id);
      CREATE TABLE link_codes (
        code_hash TEXT PRIMARY KEY,
        member_id TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        expires_at BIGINT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX link_codes_expiry ON link_codes (expires_at);
      CREATE TABLE link_failures (id BIGSERIAL PRIMARY KEY, subject TEXT NOT NULL, at BIGINT NOT NULL);
      CREATE INDEX link_failures_subject ON link_failures (subject, at);
      CREATE TABLE sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL, expires_at BIGINT NOT NULL);
      CREATE INDEX sessions_expiry ON sessions (expires_at);`,
  },
  {
    version: 3,
    name: 'scoring models, score history, jobs',
    sqlite: `
      CREATE TABLE models (
        member_id TEXT NOT NULL,
        entity TEXT NOT NULL CHECK (entity IN ('lead', 'deal')),
        version INTEGER NOT NULL,
        trained_at INTEGER NOT NULL,
        next_training_at INTEGER NOT NULL,
        meta TEXT NOT NULL,
        payload BLOB NOT NULL,
        PRIMARY KEY (member_id, entity, version)
      );
      CREATE TABLE model_scores (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        member_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        at INTEGER NOT NULL,
        probability REAL NOT NULL,
        model_version INTEGER NOT NULL
      );
      CREATE INDEX model_scores_record ON model_scores (member_id, entity, record_id, at);
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        member_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        progress REAL NOT NULL,
        message TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX jobs_member ON jobs (member_id, created_at);`,
    postgres: `
      CREATE TABLE models (
        member_id TEXT NOT NULL,
        entity TEXT NOT NULL CHECK (entity IN ('lead', 'deal')),
        version INTEGER NOT NULL,
        trained_at BIGINT NOT NULL,
        next_training_at BIGINT NOT NULL,
        meta TEXT NOT NULL,
        payload BYTEA NOT NULL,
        PRIMARY KEY (member_id, entity, version)
      );
      CREATE TABLE model_scores (
        id BIGSERIAL PRIMARY KEY,
        member_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        record_id BIGINT NOT NULL,
        at BIGINT NOT NULL,
        probability DOUBLE PRECISION NOT NULL,
        model_version INTEGER NOT NULL
      );
      CREATE INDEX model_scores_record ON model_scores (member_id, entity, record_id, at);
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        member_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        progress DOUBLE PRECISION NOT NULL,
        message TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX jobs_member ON jobs (member_id, created_at);`,
  },
  {
    version: 4,
    name: 'one linking code per user, linking attempt buckets, action records expire',
    sqlite: oneCodePerUserAndExpiry('INTEGER', 'INTEGER PRIMARY KEY AUTOINCREMENT'),
    postgres: oneCodePerUserAndExpiry('BIGINT', 'BIGSERIAL PRIMARY KEY'),
  },
  {
    version: 5,
    name: 'per-user OAuth tokens',
    sqlite: userTokensTable('INTEGER'),
    postgres: userTokensTable('BIGINT'),
  },
  {
    version: 6,
    name: 'score history keeps what made each score',
    // JSON of the score's per-column parts (issue 17: each point names what moved it); NULL for older points.
    sqlite: 'ALTER TABLE model_scores ADD COLUMN factors TEXT;',
    postgres: 'ALTER TABLE model_scores ADD COLUMN factors TEXT;',
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The database was migrated by a newer build than this one. */
export class SchemaVersionError extends Error {
  constructor(found: number) {
    super(`database schema version ${found} is newer than this build supports (${LATEST_VERSION}); upgrade b24-assistant`);
    this.name = 'SchemaVersionError';
  }
}

/** Migration 5: each user's own OAuth pair (issue 12), the same table in both dialects but for the time type. */
function userTokensTable(time: 'INTEGER' | 'BIGINT'): string {
  return `
      CREATE TABLE user_tokens (
        member_id TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        domain TEXT NOT NULL,
        client_endpoint TEXT NOT NULL,
        server_endpoint TEXT NOT NULL,
        scope TEXT NOT NULL,
        access_token TEXT NOT NULL,
        refresh_token TEXT NOT NULL,
        refresh_token_mac TEXT NOT NULL,
        expires_at ${time} NOT NULL,
        updated_at ${time} NOT NULL,
        PRIMARY KEY (member_id, user_id)
      );`;
}
