/**
 * The two portal limits. Rate: a leaky bucket per app+portal — each request adds 1, the level
 * drains at `perSecond`, a request that would go over `burst` gets 503 QUERY_LIMIT_EXCEEDED.
 * Operating: execution time summed per method over a rolling window; over the limit the method
 * answers 429 OPERATION_TIME_LIMIT. The sandbox charges a deterministic cost (a base per call plus
 * a cost per row scanned) instead of wall time, so tests and runs are repeatable.
 */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

export class LeakyBucket {
  private readonly levels = new Map<string, { level: number; at: number }>();
  constructor(private readonly opts: RateLimitOptions, private readonly now: () => number) {}

  /** True if the request may pass (and counts it); false = over the limit. */
  take(key: string): boolean {
    const t = this.now();
    const s = this.levels.get(key) ?? { level: 0, at: t };
    s.level = Math.max(0, s.level - ((t - s.at) / 1000) * this.opts.perSecond);
    s.at = t;
    if (s.level + 1 > this.opts.burst) {
      this.levels.set(key, s);
      return false;
    }
    s.level += 1;
    this.levels.set(key, s);
    return true;
  }
}

export interface OperatingOptions {
  /** Seconds of accumulated cost per method per window before 429. Default 480. */
  limitSeconds: number;
  /** Window length in seconds. Default 600. */
  windowSeconds: number;
  /** Cost charged per call, seconds. Default 0.002. */
  baseCost: number;
  /** Cost per row a list looked at, seconds. Default 0.000002. */
  rowCost: number;
}

export const defaultOperating: OperatingOptions = { limitSeconds: 480, windowSeconds: 600, baseCost: 0.002, rowCost: 0.000002 };

export class OperatingBudget {
  private readonly spent = new Map<string, { total: number; since: number }>();
  constructor(private readonly opts: OperatingOptions, private readonly now: () => number) {}

  private slot(key: string) {
    const t = this.now();
    let s = this.spent.get(key);
    if (!s || t - s.since >= this.opts.windowSeconds * 1000) {
      s = { total: 0, since: t };
      this.spent.set(key, s);
    }
    return s;
  }
  blocked(key: string): boolean {
    return this.slot(key).total > this.opts.limitSeconds;
  }
  charge(key: string, rowsScanned: number): { operating: number; resetAt: number } {
    const s = this.slot(key);
    const cost = this.opts.baseCost + rowsScanned * this.opts.rowCost;
    s.total += cost;
    return { operating: cost, resetAt: Math.floor((s.since + this.opts.windowSeconds * 1000) / 1000) };
  }
}
