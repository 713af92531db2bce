import { createHash } from 'node:crypto';
import type { Launchpad, Tokens } from './launchpad.js';

/**
 * Concurrent requests of one session all hold the same (old) refresh token in their cookie copy.
 * They must share one refresh: keyed by a hash of the refresh token (the raw token is never a map
 * key that could end up in a heap dump or log). The settled result is kept briefly so requests
 * that arrive a moment later with the old cookie reuse it instead of refreshing again.
 */
interface Entry {
  promise: Promise<Tokens | null>;
  settledAt: number | null;
}

const KEEP_SETTLED_MS = 60_000;
const inflight = new Map<string, Entry>();

export function refreshShared(launchpad: Launchpad, refreshToken: string): Promise<Tokens | null> {
  const key = createHash('sha256').update(refreshToken).digest('base64url');
  const now = Date.now();
  for (const [k, e] of inflight) if (e.settledAt !== null && now - e.settledAt > KEEP_SETTLED_MS) inflight.delete(k);
  const existing = inflight.get(key);
  if (existing) return existing.promise;
  const entry: Entry = { promise: launchpad.refresh(refreshToken), settledAt: null };
  inflight.set(key, entry);
  entry.promise.then(
    () => (entry.settledAt = Date.now()),
    // A failed call (Launchpad down) is not cached: the next request may try again.
    () => inflight.delete(key),
  );
  return entry.promise;
}

export function resetRefreshes(): void {
  inflight.clear();
}
