/**
 * The express application. `createApp(deps)` only assembles routes; listening is the `serve`
 * command's job, so tests drive the whole app through supertest without a port.
 */
import express, { type ErrorRequestHandler, type Express } from 'express';
import { observeRequests, type Metrics } from './metrics';
import type { Logger } from 'pino';

/** A dependency the server needs to do its work; throws (or times out) when it cannot be reached. */
export type ReadinessCheck = () => Promise<void>;

export interface AppDeps {
  /** Version string reported by /healthz. */
  version: string;
  /** Wall clock, injectable for tests. */
  now?: () => Date;
  /** Counted requests and `/metrics` (Prometheus text). */
  metrics?: Metrics;
  /** `/readyz` runs each, by name ("store", "redis", "queue"); 503 naming the failing ones. */
  readiness?: Record<string, ReadinessCheck>;
  /** Milliseconds a readiness check may take before it counts as failed. Default 2,000. */
  readinessTimeoutMs?: number;
  /** One line per webhook request goes here. */
  log?: Pick<Logger, 'info'>;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Query strings through node's querystring: flat null-prototype records, never nested objects
  // that could reach a prototype (docs/security.md). Express 5's default, pinned here.
  app.set('query parser', 'simple');
  if (deps.metrics) app.use(observeRequests(deps.metrics, deps.log));
  const startedAt = (deps.now ?? (() => new Date()))();
  // Liveness: the process answers. It never looks at dependencies (a restart would not fix them).
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: deps.version, startedAt: startedAt.toISOString() });
  });
  // Readiness: send traffic here only while the store, Redis and the queue answer.
  app.get('/readyz', async (_req, res) => {
    const checks = Object.entries(deps.readiness ?? {});
    const results = await Promise.all(checks.map(async ([name, check]) => [name, await outcome(check, deps.readinessTimeoutMs ?? 2000)] as const));
    const ready = results.every(([, r]) => r === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });
  if (deps.metrics) {
    const { registry } = deps.metrics;
    app.get('/metrics', async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    });
  }
  return app;
}

/** 'ok', 'timeout' or a short reason (the error's code or first line; never a stack). */
async function outcome(check: ReadinessCheck, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)))]);
    return 'ok';
  } catch (e) {
    const err = e as { code?: unknown; message?: unknown };
    if (typeof err?.code === 'string') return err.code;
    return String(err?.message ?? e).split('\n')[0]!.slice(0, 120) || 'failed';
  } finally {
    clearTimeout(timer);
  }
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
