import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { parseManyVariants } from '../highrise/codec/parse.js';
import { recordingResource, type Recording } from '../highrise/models/recording.js';
import { HttpError } from '../http-error.js';
import { newestFirst, page, RECORDINGS_PAGE_SIZE, withProxiedFiles } from './notes.js';
import { pageParam } from './params.js';
import type { Page } from './types.js';
import { cache, MAX_ENTRIES, RECORDINGS_TTL_MS } from './recordings-cache.js';

export { clearRecordingsCache, forgetRecordings } from './recordings-cache.js';

export const RECORDING_TYPES = ['Note', 'Email', 'Comment'] as const;
export type RecordingType = (typeof RECORDING_TYPES)[number];

function withFiles(r: Recording): Recording {
  return r.type === 'Comment' ? r : withProxiedFiles(r);
}

/** GET /api/recordings?page=N&type=Note|Email|Comment — cached per account and person (recordings-cache.ts). */
export const recordingsRoutes = new Hono<AppEnv>().use('*', requireAccount()).get('/', async (c) => {
  const n = pageParam(c);
  const type = c.req.query('type');
  if (type !== undefined && type !== '' && !(RECORDING_TYPES as readonly string[]).includes(type)) {
    throw new HttpError(400, 'Filter by Note, Email or Comment.', { code: 'bad_type', fields: { type: ['Must be Note, Email or Comment.'] } });
  }
  const session = c.get('session')!;
  const account = session.accounts.find((a) => a.id === session.accountId)!;
  // Per person: what a recording list holds depends on who may see which notes.
  const key = `${account.href}|${session.identity.email}|${n}`;
  const now = Date.now();
  let entry = cache.get(key);
  let hit = true;
  if (!entry || now - entry.at >= RECORDINGS_TTL_MS) {
    const highrise = c.get('highrise');
    const value = highrise.request('GET', '/recordings.xml', { query: { n: (n - 1) * RECORDINGS_PAGE_SIZE } }).then((res) => parseManyVariants(recordingResource, res.body));
    hit = false;
    entry = { at: now, value };
    cache.set(key, entry);
    // A failed page is not cached.
    value.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    if (cache.size > MAX_ENTRIES) for (const [k, e] of cache) if (now - e.at >= RECORDINGS_TTL_MS) cache.delete(k);
  }
  const all = await entry.value;
  const body: Page<Recording> = page(newestFirst(all).map(withFiles), n);
  // hasMore is about the upstream page; the filter applies to what came back.
  if (type) body.data = body.data.filter((r) => r.type === type);
  body.page.hasMore = all.length === RECORDINGS_PAGE_SIZE;
  c.header('X-Skyline-Cache', hit ? 'hit' : 'miss');
  return c.json(body);
});
