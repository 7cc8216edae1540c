/**
 * The express application. `createApp(deps)` only assembles routes; listening is the `serve`
 * command's job, so tests drive the whole app through supertest without a port.
 */
import express, { type Express } from 'express';

export interface AppDeps {
  /** Version string reported by /healthz. */
  version: string;
  /** Wall clock, injectable for tests. */
  now?: () => Date;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  const startedAt = (deps.now ?? (() => new Date()))();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: deps.version, startedAt: startedAt.toISOString() });
  });
  return app;
}
