/**
 * The one place configuration is read and validated. Every setting is an environment variable;
 * `loadConfig(env)` returns typed values with defaults or throws a `ConfigError` that names each
 * bad variable. The README's "Configuration" table lists the same variables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const intIn = (min: number, max: number, dflt: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return dflt;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

/** One B24_ALLOWED_DOMAINS entry: `host`, `host:port` or `*.suffix` (no scheme, no path). */
const ALLOWED_DOMAIN = /^(\*\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/;

const domainList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const items = (v ?? '').split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
    const bad = items.filter((x) => !ALLOWED_DOMAIN.test(x) || (x.startsWith('*.') && x.includes(':')));
    if (bad.length) {
      ctx.addIssue({ code: 'custom', message: `each entry must be a host, host:port or *.suffix (no scheme or path), got "${bad.join('", "')}"` });
      return z.NEVER;
    }
    return items;
  });

/**
 * B24_HTTP_PORTALS: comma-separated origins (`http://127.0.0.1:8090`) of sandbox portals started
 * apart (`cli sandbox`) whose install is trusted over plain http. Local test portals only: an origin
 * is scheme://host[:port] and nothing else, so no path, credentials or query slips in.
 */
export function parsePortalOrigins(v: string | undefined): { origins: string[]; bad: string[] } {
  const origins: string[] = [];
  const bad: string[] = [];
  for (const item of (v ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    let u: URL | undefined;
    try {
      u = new URL(item);
    } catch {
      /* reported below */
    }
    const origin = u && (u.protocol === 'http:' || u.protocol === 'https:') ? u.origin : undefined;
    // Only the bare origin is taken (a trailing slash aside): "http://h:1/x" or "http://u@h" are refused, not trimmed.
    if (!origin || origin === 'null' || item.replace(/\/$/, '').toLowerCase() !== origin.toLowerCase()) bad.push(item);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, bad };
}

const originList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const { origins, bad } = parsePortalOrigins(v);
    if (bad.length) {
      ctx.addIssue({ code: 'custom', message: `each entry must be an http(s) origin such as http://127.0.0.1:8090 (no path, user or query), got "${bad.join('", "')}"` });
      return z.NEVER;
    }
    return origins;
  });

export const configSchema = z.object({
  /** HTTP port of the server. Default 3000. */
  PORT: intIn(0, 65535, 3000),
  /** Host to bind. Default 0.0.0.0 with a Bitrix24 app, 127.0.0.1 in sandbox mode (see `listenHost`). */
  HOST: optionalString,
  /** Where the embedded store (SQLite) and the sandbox portal keep their files. Default ./data. */
  DATA_DIR: z.string().optional().default('./data'),
  /** Public base URL of this server, used in handler URLs registered in portals. Default http://127.0.0.1:PORT. */
  PUBLIC_URL: optionalString,
  /** Log level for pino: fatal, error, warn, info, debug, trace, silent. Default info. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().default('info'),
  /** PostgreSQL connection string; when set, the store uses PostgreSQL instead of SQLite. */
  DATABASE_URL: optionalString,
  /** Redis URL; when set, dialogue sessions and the training queue live in Redis. */
  REDIS_URL: optionalString,
  /** Bitrix24 application client id (local or marketplace app). Unset: sandbox mode. */
  B24_CLIENT_ID: optionalString,
  /** Bitrix24 application client secret. Required with B24_CLIENT_ID. */
  B24_CLIENT_SECRET: optionalString,
  /**
   * Portal hosts an install may name besides Bitrix24's cloud zones (`<name>.bitrix24.ru` & co.):
   * comma-separated `host`, `host:port` or `*.suffix`; https only. For self-hosted portals and
   * zones missing from the built-in list. Default: none.
   */
  B24_ALLOWED_DOMAINS: domainList,
  /**
   * Local test portals only: origins of sandbox portals started apart (`cli sandbox`) that may
   * install the app over plain http (e.g. http://127.0.0.1:8090), for a multi-process test against
   * one portal. Default: none. Never a real portal's address (those are https).
   */
  B24_HTTP_PORTALS: originList,
  /** Key that encrypts OAuth tokens at rest (32+ characters). Generated into DATA_DIR when unset. */
  ENCRYPTION_KEY: optionalString,
  /** Code of the sandbox portal's incoming webhook; random (printed at start) when unset. */
  SANDBOX_WEBHOOK_CODE: optionalString,
  /** Yandex Dialogs skill id; when set, Alice requests for other skills are refused. */
  ALICE_SKILL_ID: optionalString,
  /** Google Actions project id; when set, the google-assistant-signature JWT is verified against it. */
  GOOGLE_PROJECT_ID: optionalString,
  /** JSON file {"<kid>": "<PEM public key>"} of Google's signing keys; required with GOOGLE_PROJECT_ID. */
  GOOGLE_SIGNING_KEYS_FILE: optionalString,
  /** Hour of day (0-23) a task deadline given as a bare date gets. Default 12. */
  DEFAULT_DEADLINE_HOUR: intIn(0, 23, 12),
  /** Lifetime of a voice linking code, seconds. Default 300. */
  LINK_CODE_TTL_SECONDS: intIn(30, 3600, 300),
  /** Closed records a portal needs before a scoring model is trained. Default 2000. */
  SCORING_MIN_CLOSED: intIn(10, 10_000_000, 2000),
  /**
   * Portals whose models pool into a prior for small portals: "all", or comma-separated member ids
   * or domains. Unset: no pooling. Only bins and weights are pooled, never records; a portal in the
   * list with fewer than SCORING_MIN_CLOSED closed records gets a preliminary model pulled toward it.
   */
  SCORING_POOLED: optionalString,
  /** Days between scheduled retrainings. Default 30. */
  SCORING_RETRAIN_DAYS: intIn(1, 3650, 30),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  // Every bad setting at once: the schema's complaints, then the ones between variables and files.
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const v = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  if (v('B24_CLIENT_ID') && !v('B24_CLIENT_SECRET')) problems.push('B24_CLIENT_SECRET: required when B24_CLIENT_ID is set');
  if (v('B24_CLIENT_SECRET') && !v('B24_CLIENT_ID')) problems.push('B24_CLIENT_ID: required when B24_CLIENT_SECRET is set');
  const key = v('ENCRYPTION_KEY');
  if (key && key.length < 32) problems.push('ENCRYPTION_KEY: must be at least 32 characters');
  if (v('GOOGLE_PROJECT_ID') && !v('GOOGLE_SIGNING_KEYS_FILE')) problems.push('GOOGLE_SIGNING_KEYS_FILE: required with GOOGLE_PROJECT_ID (Google\'s public keys to verify google-assistant-signature)');
  problems.push(...fileProblems(env.DATA_DIR?.trim() || './data', v('GOOGLE_SIGNING_KEYS_FILE')));
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

/** Settings that name files: said at start with the path, not as a stack trace on first use. */
function fileProblems(dataDir: string, keysFile: string | undefined): string[] {
  const problems: string[] = [];
  const stat = (p: string) => {
    try {
      return fs.statSync(p);
    } catch {
      return null;
    }
  };
  const dir = stat(dataDir);
  if (dir && !dir.isDirectory()) problems.push(`DATA_DIR: ${path.resolve(dataDir)} is a file, not a directory`);
  if (keysFile) {
    const f = stat(keysFile);
    if (!f) problems.push(`GOOGLE_SIGNING_KEYS_FILE: ${path.resolve(keysFile)} does not exist`);
    else if (!f.isFile()) problems.push(`GOOGLE_SIGNING_KEYS_FILE: ${path.resolve(keysFile)} is not a file`);
    else {
      try {
        const keys = JSON.parse(fs.readFileSync(keysFile, 'utf8')) as unknown;
        const ok = keys !== null && typeof keys === 'object' && !Array.isArray(keys) && Object.values(keys).length > 0 && Object.values(keys).every((k) => typeof k === 'string');
        if (!ok) problems.push(`GOOGLE_SIGNING_KEYS_FILE: ${path.resolve(keysFile)} must be a JSON object {"<kid>": "<PEM>"}`);
      } catch (e) {
        problems.push(`GOOGLE_SIGNING_KEYS_FILE: ${path.resolve(keysFile)} cannot be read as JSON (${(e as Error).message.split('\n')[0]})`);
      }
    }
  }
  return problems;
}

/** True when no real Bitrix24 app is configured: the server mounts and uses its sandbox portal. */
export const isSandboxMode = (c: Config): boolean => !c.B24_CLIENT_ID;

/**
 * The address to bind: HOST when set; otherwise loopback in sandbox mode — its console and demo
 * pages act as any portal user, so they must not face a network — and every address with a real app.
 */
export const listenHost = (c: Config): string => c.HOST ?? (isSandboxMode(c) ? '127.0.0.1' : '0.0.0.0');
