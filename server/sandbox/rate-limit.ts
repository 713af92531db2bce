// Sliding-window limiter like Highrise's "N requests per W seconds per account". Only admitted
// requests occupy a slot, so Retry-After is exact: when the oldest admitted request leaves the window.

export type Limit = [requests: number, windowSeconds: number];

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  take(key: string, [max, windowSeconds]: Limit): Verdict {
    const t = this.now();
    const windowMs = windowSeconds * 1000;
    const list = (this.hits.get(key) ?? []).filter((h) => h > t - windowMs);
    if (list.length >= max) {
      this.hits.set(key, list);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((list[0] + windowMs - t) / 1000)) };
    }
    list.push(t);
    this.hits.set(key, list);
    return { ok: true };
  }

  reset(): void {
    this.hits.clear();
  }
}
