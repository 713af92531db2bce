import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import type { Recording } from '../highrise/models/recording.js';

/**
 * /recordings.xml is Highrise's most rate-limited endpoint (10 requests in 10 s). Pages are kept per
 * account and person for 30 s, and concurrent asks for the same page share one upstream request, so
 * opening the feed in several tabs or refreshing it cannot run into a 503. The pacer covers the rest.
 * A note, email or comment written through Skyline drops the account's pages, so the feed shows it.
 */
export const RECORDINGS_TTL_MS = 30_000;
export interface Entry {
  at: number;
  value: Promise<Recording[]>;
}
export const cache = new Map<string, Entry>();
export const MAX_ENTRIES = 500;

export function clearRecordingsCache(): void {
  cache.clear();
}

/** A note, email or comment written through Skyline: drop the account's cached pages so the feed shows it. */
export function forgetRecordings(session: { accounts: { id: number; href: string }[]; accountId: number | null } | null): void {
  const href = session?.accounts.find((a) => a.id === session.accountId)?.href;
  if (!href) return;
  for (const key of cache.keys()) if (key.startsWith(`${href}|`)) cache.delete(key);
}

/** Middleware for routes that write recordings: after a successful write, forget the cached feed. */
export const forgetRecordingsAfterWrite: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.method !== 'GET' && c.res.status < 400) forgetRecordings(c.get('session'));
};

