import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './server.js';

// The Vercel entry wraps the same app; exercise it with plain Requests as Vercel would.
describe('Vercel entry (api/index.ts)', () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  it('answers health, JSON 401 and the sign-in redirect through hono/vercel', async () => {
    Object.assign(process.env, { SANDBOX: 'on', SANDBOX_DB: ':memory:', LOG_REQUESTS: '0', SANDBOX_URL: 'https://skyline.example.app' });
    const entry = await import('../api/index.js');

    const health = await entry.GET(new Request('https://skyline.example.app/healthz'));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const people = await entry.GET(new Request('https://skyline.example.app/api/people'));
    expect(people.status).toBe(401);
    expect((await people.json()).error.code).toBe('signed_out');

    const login = await entry.GET(new Request('https://skyline.example.app/auth/login'));
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toContain('/sandbox/launchpad/authorization/new');
    // SANDBOX_DB=:memory: is SQLite's in-memory database, never a file beside the code.
    expect(existsSync(path.join(repoRoot, ':memory:'))).toBe(false);
  });
});
