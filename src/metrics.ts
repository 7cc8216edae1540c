/**
 * What an operator watches: Prometheus metrics in one registry per server (no global
 * singleton), and the express middleware that counts every request and writes one structured
 * log line per webhook call. Labels are bounded sets (route patterns, channels, intents,
 * methods), never user text, ids or tokens.
 */
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from 'pino';

export interface Metrics {
  registry: Registry;
  requests: Counter<'route' | 'method' | 'status'>;
  requestSeconds: Histogram<'route' | 'method'>;
  turns: Counter<'channel' | 'intent'>;
  portalCalls: Counter<'method' | 'outcome'>;
  actions: Counter<'action' | 'outcome'>;
  trainingJobs: Counter<'state'>;
  queueDepth: Gauge;
}

/**
 * A label set as a null-prototype record: prom-client walks labels with for…in, so a key inherited
 * from a polluted Object.prototype would throw inside a request or a turn (issue 11 item 1).
 */
export const own = <T extends object>(labels: T): T => Object.assign(Object.create(null) as T, labels);

/** `depth` is read at every scrape (the training queue's waiting and running jobs). */
export function createMetrics(opts: { depth?: () => Promise<number> } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'b24_' });
  // The GC histogram is observed from a PerformanceObserver with plain label objects; give it own
  // records too, so a polluted prototype cannot throw an uncaught error outside any request.
  const gc = registry.getSingleMetric('b24_nodejs_gc_duration_seconds') as Histogram | undefined;
  if (gc) {
    const observe = gc.observe.bind(gc) as (labels: object, value: number) => void;
    gc.observe = ((labels: object, value: number) => observe(own(labels), value)) as Histogram['observe'];
  }
  const registers = [registry];
  const depth = opts.depth;
  return {
    registry,
    requests: new Counter({ name: 'b24_http_requests_total', help: 'HTTP requests by route pattern, method and status', labelNames: ['route', 'method', 'status'], registers }),
    requestSeconds: new Histogram({
      name: 'b24_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern',
      labelNames: ['route', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 4, 10],
      registers,
    }),
    turns: new Counter({ name: 'b24_dialog_turns_total', help: 'Dialogue turns by channel and the intent understood', labelNames: ['channel', 'intent'], registers }),
    portalCalls: new Counter({ name: 'b24_portal_calls_total', help: 'Bitrix24 REST calls by method and outcome (ok, retry, or the error code: QUERY_LIMIT_EXCEEDED, 503…)', labelNames: ['method', 'outcome'], registers }),
    actions: new Counter({ name: 'b24_actions_total', help: 'Portal actions the dialogue ran, by action and outcome', labelNames: ['action', 'outcome'], registers }),
    trainingJobs: new Counter({ name: 'b24_training_jobs_total', help: 'Training jobs by state reached (queued, running, done, failed)', labelNames: ['state'], registers }),
    queueDepth: new Gauge({
      name: 'b24_training_queue_depth',
      help: 'Training jobs waiting or running',
      registers,
      async collect() {
        if (depth) this.set(await depth().catch(() => NaN));
      },
    }),
  };
}

/**
 * The route a request matched, as a pattern ("/app/card/lead/:id"), so labels stay few; paths
 * nothing matched are one label. Webhooks are their own path already.
 */
export function routeOf(req: Request): string {
  const r = (req as Request & { route?: { path?: unknown } }).route;
  if (r && typeof r.path === 'string') return `${req.baseUrl}${r.path}`;
  if (req.baseUrl) return `${req.baseUrl}/*`;
  return 'unmatched';
}

/** Counts and times every request; one info line per webhook call (route, status, ms — no body, no text). */
export function observeRequests(metrics: Metrics, log?: Pick<Logger, 'info'>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const t0 = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const route = routeOf(req);
      metrics.requests.inc(own({ route, method: req.method, status: String(res.statusCode) }));
      metrics.requestSeconds.observe(own({ route, method: req.method }), seconds);
      if (log && req.path.startsWith('/webhook/')) {
        log.info({ route, status: res.statusCode, ms: Math.round(seconds * 1000), ...res.locals.observed }, 'webhook request');
      }
    });
    next();
  };
}

/** Wraps every method of an object so each call is counted by name and outcome (and logged). */
export function countCalls<T extends object>(target: T, count: (name: string, outcome: string, ms: number, args: unknown[]) => void): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const v = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof v !== 'function' || typeof prop !== 'string') return v;
      return async (...args: unknown[]) => {
        const t0 = Date.now();
        try {
          const r = (await (v as (...a: unknown[]) => unknown).apply(obj, args)) as unknown;
          count(prop, 'ok', Date.now() - t0, args);
          return r;
        } catch (e) {
          count(prop, errorKind(e), Date.now() - t0, args);
          throw e;
        }
      };
    },
  });
}

/** A bounded label for a failure: the portal's error code when it has one, else the error's class. */
export function errorKind(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(code)) return code;
  return e instanceof Error ? e.name : 'error';
}
