/** The structured log (pino) every process writes: tokens and secrets are removed from each line. */
import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** Paths pino removes from every log line: tokens and secrets never reach the logs. */
export const REDACTED_LOG_PATHS = [
  '*.access_token', '*.refresh_token', '*.application_token', '*.accessToken', '*.refreshToken', '*.applicationToken',
  '*.clientSecret', '*.client_secret', '*.auth', 'auth', '*.AUTH_ID', '*.REFRESH_ID', '*.password', 'config.ENCRYPTION_KEY', 'config.B24_CLIENT_SECRET',
];

export function createLogger(level: Config['LOG_LEVEL'], destination?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, destination as pino.DestinationStream | undefined);
}
