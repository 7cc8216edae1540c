/**
 * The SDK's LoggerInterface on top of pino. Every context passes through `redactSecrets`, so a
 * token the SDK might put in a context (it redacts its own params, but error bodies vary) never
 * reaches the log. The SDK is chatty at "info" (one line per request), so its info goes to debug.
 */
import type { Logger } from 'pino';
import type { LoggerInterface, LogLevel } from '@bitrix24/b24jssdk';
import { redactSecrets } from './errors';

type Ctx = Record<string, unknown> | undefined;

export function sdkLogger(log: Logger): LoggerInterface {
  const emit = (level: 'debug' | 'info' | 'warn' | 'error', message: string, context: Ctx) => {
    log[level]({ sdk: redactSecrets(context ?? {}) }, `b24jssdk: ${message}`);
    return Promise.resolve();
  };
  const byLevel = ['debug', 'debug', 'info', 'warn', 'warn', 'error', 'error', 'error'] as const;
  return {
    log: (level: LogLevel, message: string, context?: Ctx) => emit(byLevel[Number(level)] ?? 'info', message, context),
    debug: (m, c) => emit('debug', m, c),
    info: (m, c) => emit('debug', m, c),
    notice: (m, c) => emit('info', m, c),
    warning: (m, c) => emit('warn', m, c),
    error: (m, c) => emit('warn', m, c),
    critical: (m, c) => emit('error', m, c),
    alert: (m, c) => emit('error', m, c),
    emergency: (m, c) => emit('error', m, c),
  };
}
