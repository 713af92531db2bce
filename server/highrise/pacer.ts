import type { PacingLimits, RateLimit } from '../config.js';

/**
 * Client-side pacing so Skyline stays under Highrise's limits instead of bouncing off 503s.
 * Sliding window per account and bucket: a request starts only when fewer than `requests` requests
 * of that bucket started in the last `windowMs`. Waiters are served in arrival order.
 *
 * Module-level on purpose: every request context of one account (all tabs, all sessions on this
 * instance) shares the same windows.
 */
interface Window {
  starts: number[];
  /** Tail of the FIFO queue: the next acquire waits for this one. */
  tail: Promise<void>;
}

const windows = new Map<string, Window>();

export type PaceBucket = 'searchByEmail' | 'recordings';

/** Which special limit (beside the general one) a Highrise path + query falls under. */
export function bucketFor(url: URL): PaceBucket | null {
  if (url.pathname.endsWith('/recordings.xml')) return 'recordings';
  if (url.pathname.endsWith('/search.xml')) {
    for (const key of url.searchParams.keys()) if (key === 'email' || key === 'criteria[email]') return 'searchByEmail';
  }
  return null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function takeSlot(win: Window, limit: RateLimit, now: () => number): Promise<void> {
  for (;;) {
    const t = now();
    while (win.starts.length > 0 && win.starts[0] <= t - limit.windowMs) win.starts.shift();
    if (win.starts.length < limit.requests) {
      win.starts.push(t);
      return;
    }
    await sleep(win.starts[0] + limit.windowMs - t + 1);
  }
}

function acquireIn(key: string, limit: RateLimit, now: () => number): Promise<void> {
  let win = windows.get(key);
  if (!win) {
    win = { starts: [], tail: Promise.resolve() };
    windows.set(key, win);
  }
  const w = win;
  const slot = w.tail.then(() => takeSlot(w, limit, now));
  w.tail = slot.catch(() => undefined);
  return slot;
}

/** Wait for a slot of the special bucket (if any), then of the general window. Returns the ms waited. */
export async function acquireSlot(accountKey: string, url: URL, limits: PacingLimits, now: () => number = Date.now): Promise<number> {
  const started = now();
  const bucket = bucketFor(url);
  if (bucket) await acquireIn(`${accountKey}|${bucket}`, limits[bucket], now);
  await acquireIn(`${accountKey}|general`, limits.general, now);
  return now() - started;
}

/** For tests: forget all windows. */
export function resetPacing(): void {
  windows.clear();
}
