/**
 * The one place configuration is read and validated. Every setting is an environment variable;
 * `loadConfig(env)` returns typed values with defaults or throws a `ConfigError` that names each
 * bad variable. The README's "Configuration" table lists the same variables.
 */
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

export const configSchema = z.object({
  /** HTTP port of the server. Default 3000. */
  PORT: intIn(0, 65535, 3000),
  /** Host to bind. Default 0.0.0.0. */
  HOST: z.string().optional().default('0.0.0.0'),
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
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  const problems: string[] = [];
  if (c.B24_CLIENT_ID && !c.B24_CLIENT_SECRET) problems.push('B24_CLIENT_SECRET: required when B24_CLIENT_ID is set');
  if (c.B24_CLIENT_SECRET && !c.B24_CLIENT_ID) problems.push('B24_CLIENT_ID: required when B24_CLIENT_SECRET is set');
  if (c.ENCRYPTION_KEY && c.ENCRYPTION_KEY.length < 32) problems.push('ENCRYPTION_KEY: must be at least 32 characters');
  if (c.GOOGLE_PROJECT_ID && !c.GOOGLE_SIGNING_KEYS_FILE) problems.push('GOOGLE_SIGNING_KEYS_FILE: required with GOOGLE_PROJECT_ID (Google\'s public keys to verify google-assistant-signature)');
  if (problems.length) throw new ConfigError(problems);
  return c;
}

/** True when no real Bitrix24 app is configured: the server mounts and uses its sandbox portal. */
export const isSandboxMode = (c: Config): boolean => !c.B24_CLIENT_ID;
