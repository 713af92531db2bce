import type { PacingLimits, RateLimit } from '../config.js';

/**
 * Client-side pacing so Skyline stays under Highrise's limits instead of bouncing off 503s.
 * Sliding window per account and bucket: a request starts only when fewer than `requests` requests
 * of that bucket occupy the last `windowMs`. Waiters are served in arrival order.
 *
 * A slot is stamped when its request *ends*, not when it starts, and counts as occupied while the
 * request is in flight. Highrise counts a request when it arrives, which is somewhere between our
 * start and our end; stamping at the start would let network jitter (a request that left first but
 * arrived late) put 151 requests into Highrise's window. Stamping at the end is always on the safe side.
 *
 * Module-level on purpose: every request context of one account (all tabs, all sessions on this
 * instance) shares the same windows.
 */
interface Slot {
  /** When the request ended; Infinity while it is in flight. */
  at: number;
}

interface Window {
  slots: Slot[];
  /** Tail of the FIFO queue: the next acquire waits for this one. */
  tail: Promise<void>;
  /** Waiters to wake when a slot is released (its window end becomes known). */
  wake: Set<() => void>;
}

const windows = new Map<string, Window>();

export type PaceBucket = 'searchByEmail' | 'recordings';

/** Which special limit (beside the general one) a Highrise path + query falls under. */
export function bucketFor(url: URL): PaceBucket | null {
  if (url.pathname.endsWith('/recordings.xml')) return 'recordings';
  if (url.pathname.endsWith('/search.xml')) {
    for (const [key, value] of url.searchParams) {
      if (key === 'email' || key === 'criteria[email]') return 'searchByEmail';
      // A free-text search for an address is a search by email to Highrise too.
      if (key === 'term' && value.includes('@')) return 'searchByEmail';
    }
  }
  return null;
}

async function takeSlot(win: Window, limit: RateLimit, now: () => number): Promise<Slot> {
  for (;;) {
    const t = now();
    win.slots = win.slots.filter((s) => s.at > t - limit.windowMs);
    if (win.slots.length < limit.requests) {
      const slot: Slot = { at: Infinity };
      win.slots.push(slot);
      return slot;
    }
    let earliest = Infinity;
    for (const s of win.slots) if (s.at < earliest) earliest = s.at;
    await new Promise<void>((resolve) => {
      // Wake when the earliest ended request leaves the window, or when an in-flight one ends.
      const timer = Number.isFinite(earliest) ? setTimeout(done, earliest + limit.windowMs - t + 1) : undefined;
      function done() {
        if (timer !== undefined) clearTimeout(timer);
        win.wake.delete(done);
        resolve();
      }
      win.wake.add(done);
    });
  }
}

function acquireIn(key: string, limit: RateLimit, now: () => number): Promise<() => void> {
  let win = windows.get(key);
  if (!win) {
    win = { slots: [], tail: Promise.resolve(), wake: new Set() };
    windows.set(key, win);
  }
  const w = win;
  const slot = w.tail.then(() => takeSlot(w, limit, now));
  w.tail = slot.then(
    () => undefined,
    () => undefined,
  );
  return slot.then((s) => () => {
    if (s.at !== Infinity) return;
    s.at = now();
    for (const wake of [...w.wake]) wake();
  });
}

export interface PaceSlot {
  /** Time spent waiting for the slot. */
  waitedMs: number;
  /** Call once the request has ended (answered, failed or timed out): stamps the slot. */
  release(): void;
}

/** Wait for a slot of the special bucket (if any), then of the general window. */
export async function acquireSlot(accountKey: string, url: URL, limits: PacingLimits, now: () => number = Date.now): Promise<PaceSlot> {
  const started = now();
  const bucket = bucketFor(url);
  const releases: (() => void)[] = [];
  if (bucket) releases.push(await acquireIn(`${accountKey}|${bucket}`, limits[bucket], now));
  releases.push(await acquireIn(`${accountKey}|general`, limits.general, now));
  return {
    waitedMs: now() - started,
    release: () => {
      for (const r of releases) r();
    },
  };
}

/** For tests: forget all windows. */
export function resetPacing(): void {
  windows.clear();
}
