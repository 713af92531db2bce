import { beforeEach, describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { RequestLog } from '../highrise/request-log.js';
import { clearRecordingsCache } from './recordings.js';
import type { Page, Recording } from './types.js';

const logs: RequestLog[] = [];
const json = async <T>(res: Response) => (await res.json()) as T;
const upstream = () => logs.filter((l) => l.path.startsWith('/recordings.xml')).length;

const env = useSignedInApp({
  // The sandbox enforces the real limits here: 10 recordings requests in 10 s.
  sandbox: { rateLimit: { general: [150, 5], searchByEmail: [2, 10], recordings: [10, 10] } },
  deps: () => ({ log: (l) => logs.push(l) }),
});
beforeEach(() => clearRecordingsCache());

describe('recent activity', () => {
  it('lists notes, emails and comments newest first with a type each, files proxied', async () => {
    const res = await call(env.app, env.jar, 'GET', '/api/recordings');
    expect(res.status).toBe(200);
    const body = await json<Page<Recording>>(res);
    expect(body.data.length).toBe(25);
    expect(body.page).toEqual({ number: 1, size: 25, hasMore: true });
    expect(new Set(body.data.map((r) => r.type)).size).toBeGreaterThan(1);
    const times = body.data.map((r) => r.createdAt ?? '');
    expect([...times].sort().reverse()).toEqual(times);
    expect(JSON.stringify(body)).not.toContain(env.sb.origin);
  });

  it('filters by type and rejects an unknown type', async () => {
    const notes = await json<Page<Recording>>(await call(env.app, env.jar, 'GET', '/api/recordings?type=Note'));
    expect(notes.data.every((r) => r.type === 'Note')).toBe(true);
    expect((await call(env.app, env.jar, 'GET', '/api/recordings?type=Task')).status).toBe(400);
  });

  it('serves 30 requests in a burst from one upstream request, never a 503', async () => {
    const before = upstream();
    const results = await Promise.all(Array.from({ length: 30 }, () => call(env.app, env.jar, 'GET', '/api/recordings')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(upstream() - before).toBe(1);
    expect(results.at(-1)!.headers.get('x-skyline-cache')).toBe('hit');
  });

  it('a note written through Skyline shows in the feed at once (the cached page is dropped)', async () => {
    await call(env.app, env.jar, 'GET', '/api/recordings');
    const person = env.sb.sandbox.db.prepare("SELECT id FROM parties WHERE account_id = 1 AND type = 'Person' AND visible_to = 'Everyone' LIMIT 1").get() as { id: number };
    const body = `Fresh note ${Date.now()}`;
    expect((await call(env.app, env.jar, 'POST', `/api/people/${person.id}/notes`, { body })).status).toBe(201);
    const res = await call(env.app, env.jar, 'GET', '/api/recordings');
    expect(res.headers.get('x-skyline-cache')).toBe('miss');
    expect((await json<Page<Recording>>(res)).data[0]).toMatchObject({ type: 'Note', body });
  });

  it('pages by offset 25', async () => {
    await call(env.app, env.jar, 'GET', '/api/recordings?page=3');
    expect(logs.at(-1)?.path).toBe('/recordings.xml?n=50');
  });
});
