/**
 * Stage two of the server (`src/runtime.ts` runs the three): the whole express application.
 * `createApp(deps)` mounts every route — health, readiness and metrics, the sandbox portal, the
 * Bitrix24 app's webhook, Alice, Google and Dialogflow, the console, the portal pages — and the last
 * error handler, in that order. It never listens: tests drive it through supertest without a port
 * (`createApp(await buildServices(config))`, src/services.ts), and the runtime hands it to
 * `http.createServer`.
 */
import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import { observeRequests, type Metrics } from './metrics';
import type { Logger } from 'pino';
import { bitrixAppRouter, type BitrixAppDeps } from './channels/bitrix-app';
import { aliceRouter, type AliceDeps } from './channels/alice';
import { dialogflowRouter, googleRouter, type GoogleDeps } from './channels/google';
import { consoleRouter, type ConsoleDeps } from './channels/console';

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
  /** One line per webhook request goes here; `warn` gets the requests no route could answer. */
  log?: Pick<Logger, 'info'> & Partial<Pick<Logger, 'warn'>>;
  /** The routes that serve users and portals; without them only the operational routes above exist. */
  channels?: Channels;
}

/** Every user-facing route's dependencies (src/services.ts builds them). */
export interface Channels {
  /** Sandbox mode: the built-in portal's REST and OAuth, under /sandbox. */
  sandbox?: Router;
  /** The Bitrix24 app's install and event webhook. */
  bitrix?: BitrixAppDeps;
  alice?: AliceDeps;
  /** Google Assistant and Dialogflow share one set. */
  google?: GoogleDeps;
  /** Sandbox mode only: the console acts as any user it is told to. */
  console?: ConsoleDeps;
  /** The portal pages under /app (src/web). */
  web?: Router;
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
  const c = deps.channels;
  if (c) {
    if (c.sandbox) app.use('/sandbox', c.sandbox);
    if (c.bitrix) app.use(bitrixAppRouter(c.bitrix));
    if (c.alice) app.use(aliceRouter(c.alice));
    if (c.google) app.use(dialogflowRouter(c.google), googleRouter(c.google));
    if (c.console) app.use(consoleRouter(c.console));
    if (c.web) app.use(c.web);
  }
  const warn = deps.log?.warn?.bind(deps.log);
  app.use(finalErrorHandler(warn ? (detail, msg) => warn(detail, msg) : undefined));
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
