/**
 * The express application. `createApp(deps)` only assembles routes; listening is the `serve`
 * command's job, so tests drive the whole app through supertest without a port.
 */
import express, { type ErrorRequestHandler, type Express } from 'express';

export interface AppDeps {
  /** Version string reported by /healthz. */
  version: string;
  /** Wall clock, injectable for tests. */
  now?: () => Date;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Query strings through node's querystring: flat null-prototype records, never nested objects
  // that could reach a prototype (docs/security.md). Express 5's default, pinned here.
  app.set('query parser', 'simple');
  const startedAt = (deps.now ?? (() => new Date()))();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: deps.version, startedAt: startedAt.toISOString() });
  });
  return app;
}

/** Where `finalErrorHandler` writes its one line (pino's `warn(obj, msg)` fits). */
export type ErrorLog = (detail: Record<string, unknown>, msg: string) => void;

/**
 * The last handler of the app: an error no route answered becomes our JSON `{error, message}` with
 * its 4xx status (body-parser errors carry one) or 500 — never express's page with a stack trace
 * and absolute paths — and one structured log line that names the request, never its body.
 */
export function finalErrorHandler(log?: ErrorLog): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const e = (err ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown };
    const declared = Number(e.status ?? e.statusCode);
    const status = Number.isInteger(declared) && declared >= 400 && declared < 500 ? declared : 500;
    const code = status === 500 ? 'internal' : typeof e.type === 'string' ? e.type.replace(/[^a-z.]/gi, '').slice(0, 40) || 'bad_request' : 'bad_request';
    log?.({ status, error: code, method: req.method, path: req.path, ...(status === 500 && err instanceof Error ? { reason: err.message.slice(0, 200) } : {}) }, 'request failed');
    if (res.headersSent) return void res.end();
    res.status(status).json({ error: code, message: status === 500 ? 'the request could not be handled' : 'the request could not be read' });
  };
}
