import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from './api/types.js';
import { seededApiToken } from './sandbox/seed.js';
import { CookieJar, consent, makeApp, signIn, startSandboxServer, testConfig, type SandboxServer, type TestApp } from './test/harness.js';

let sb: SandboxServer;
let app: TestApp;

beforeAll(async () => {
  sb = await startSandboxServer();
  app = makeApp(testConfig(sb.origin));
});
afterAll(() => sb.close());

describe('plumbing', () => {
  it('answers /healthz', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers unknown /api paths with a JSON 404, even signed out', async () => {
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect((await res.json()).error).toMatchObject({ status: 404, code: 'no_route' });
  });

  it('refuses /api/people without a session', async () => {
    const res = await app.request('/api/people');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { status: 401, message: 'Sign in to continue.', code: 'signed_out' } });
  });

  it('marks API answers as never to be cached, since each is one person’s', async () => {
    const { jar } = await signIn(app, { identityId: 2 });
    const res = await app.request('/api/people', { headers: { cookie: jar.header } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('treats a tampered session cookie as no session', async () => {
    const { jar } = await signIn(app);
    const tampered = jar.header.replace(/skyline_session=v1\.(.)/, (_m, ch: string) => `skyline_session=v1.${ch === 'A' ? 'B' : 'A'}`);
    const res = await app.request('/api/people', { headers: { cookie: tampered } });
    expect(res.status).toBe(401);
  });

  it('rejects cross-site state-changing requests', async () => {
    const res = await app.request('/auth/logout', { method: 'POST', headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('cross_site');
    const same = await app.request('http://localhost/auth/logout', { method: 'POST', headers: { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' } });
    expect(same.status).toBe(204);
  });

  it('refuses a state-changing body that is not JSON (a form or text/plain POST needs no preflight), and creates nothing', async () => {
    const { jar } = await signIn(app);
    const before = sb.sandbox.db.prepare('SELECT COUNT(*) AS n FROM parties').get() as { n: number };
    const body = JSON.stringify({ kind: 'person', firstName: 'Plain', lastName: 'Text' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const headers: Record<string, string> = { cookie: jar.header, 'Content-Length': String(Buffer.byteLength(body)) };
      if (type) headers['Content-Type'] = type;
      const res = await app.request('/api/people', { method: 'POST', headers, body });
      expect(res.status, String(type)).toBe(415);
      expect((await res.json()).error).toMatchObject({ status: 415, code: 'json_only', message: expect.stringMatching(/JSON/) });
    }
    expect(sb.sandbox.db.prepare('SELECT COUNT(*) AS n FROM parties').get()).toEqual(before);
    // JSON with a charset, and a POST with no body at all, go through.
    const json = JSON.stringify({ firstName: 'Plain', lastName: 'Json' });
    const ok = await app.request('/api/people', { method: 'POST', headers: { cookie: jar.header, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(json)) }, body: json });
    expect(ok.status).toBe(201);
    const out = await app.request('/auth/logout', { method: 'POST', headers: { cookie: jar.header, 'Content-Length': '0' } });
    expect(out.status).toBe(204);
  });

  it('sends no CORS headers by default', async () => {
    const res = await app.request('/auth/session', { headers: { Origin: 'https://other.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows configured CORS origins with credentials', async () => {
    const corsApp = makeApp(testConfig(sb.origin, { corsOrigins: ['https://admin.example'] }));
    const res = await corsApp.request('/auth/session', { headers: { Origin: 'https://admin.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://admin.example');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
  });
});

describe('sign-in', () => {
  it('sends the browser to Launchpad with type, client, redirect URI and state', async () => {
    const res = await app.request('http://skyline.test/auth/login?returnTo=/people');
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin + to.pathname).toBe(`${sb.origin}/sandbox/launchpad/authorization/new`);
    expect(to.searchParams.get('type')).toBe('web_server');
    expect(to.searchParams.get('client_id')).toBe('skyline-sandbox');
    expect(to.searchParams.get('redirect_uri')).toBe('http://skyline.test/auth/callback');
    expect(to.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    const cookie = res.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/skyline_oauth=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('signs in with one Highrise account chosen automatically and returns to returnTo', async () => {
    const { jar, location } = await signIn(app, { identityId: 2, returnTo: '/people?page=2' });
    expect(location).toBe('/people?page=2');
    const info = (await (await app.request('/auth/session', { headers: { cookie: jar.header } })).json()) as SessionInfo;
    expect(info).toEqual({
      authenticated: true,
      sandbox: true,
      identity: { name: 'Jonas Okafor', email: 'jonas@acme-outfitters.example' },
      account: { id: 1, name: 'Acme Outfitters' },
      accounts: [{ id: 1, name: 'Acme Outfitters' }],
    });
    // Never a token or an href in what the SPA sees.
    expect(JSON.stringify(info)).not.toMatch(/token|href|http/i);
  });

  it('asks to choose when there are several accounts (and drops non-Highrise ones)', async () => {
    const { jar, location } = await signIn(app, { identityId: 1 });
    expect(location).toBe('/accounts?returnTo=%2Fpeople');
    const info = (await (await app.request('/auth/session', { headers: { cookie: jar.header } })).json()) as SessionInfo;
    expect(info.authenticated && info.accounts).toEqual([
      { id: 1, name: 'Acme Outfitters' },
      { id: 2, name: 'Northwind Studio' },
    ]);
    expect(info.authenticated && info.account).toBeNull();

    const blocked = await app.request('/api/people', { headers: { cookie: jar.header } });
    expect(blocked.status).toBe(409);
    expect((await blocked.json()).error.code).toBe('choose_account');

    const wrong = await app.request('/auth/account', { method: 'POST', headers: { cookie: jar.header, 'Content-Type': 'application/json' }, body: JSON.stringify({ accountId: 9900001 }) });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.fields.accountId).toBeDefined();

    const pick = await app.request('/auth/account', { method: 'POST', headers: { cookie: jar.header, 'Content-Type': 'application/json' }, body: JSON.stringify({ accountId: 2 }) });
    expect(pick.status).toBe(200);
    jar.take(pick);
    expect(((await pick.json()) as SessionInfo & { account: unknown }).account).toEqual({ id: 2, name: 'Northwind Studio' });
    const people = await app.request('/api/people', { headers: { cookie: jar.header } });
    expect(people.status).toBe(200);
    // Same people the sandbox shows Mara over Basic auth in account 2 (the seed hides a few Owner-only records).
    const direct = await fetch(`${sb.origin}/sandbox/highrise/2/people.xml`, { headers: { Authorization: `Basic ${Buffer.from(`${seededApiToken('2:1')}:X`).toString('base64')}` } });
    const expected = (await direct.text()).match(/<person>/g)?.length ?? 0;
    expect(expected).toBeGreaterThan(20);
    expect((await people.json()).data.length).toBe(expected);
  });

  it('rejects a callback whose state does not match the cookie', async () => {
    const jar = new CookieJar();
    const login = await app.request('/auth/login');
    jar.take(login);
    const back = await consent(login.headers.get('location')!, 2);
    back.searchParams.set('state', 'forged-state-value');
    const res = await app.request(`/auth/callback${back.search}`, { headers: { cookie: jar.header } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/signin?error=state_mismatch');
    expect(jar.take(res).has('skyline_session')).toBe(false);
  });

  it('lets the latest of two sign-ins started in two tabs finish after the older one failed', async () => {
    const jar = new CookieJar();
    const loginA = await app.request('/auth/login', { headers: { cookie: jar.header } });
    jar.take(loginA);
    const loginB = await app.request('/auth/login', { headers: { cookie: jar.header } });
    jar.take(loginB);
    const backA = await consent(loginA.headers.get('location')!, 2);
    const backB = await consent(loginB.headers.get('location')!, 2);

    const resA = await app.request(`/auth/callback${backA.search}`, { headers: { cookie: jar.header } });
    expect(resA.headers.get('location')).toBe('/signin?error=state_mismatch');
    jar.take(resA);

    const resB = await app.request(`/auth/callback${backB.search}`, { headers: { cookie: jar.header } });
    expect(resB.status).toBe(302);
    expect(resB.headers.get('location')).toBe('/');
    jar.take(resB);
    const info = await (await app.request('/auth/session', { headers: { cookie: jar.header } })).json();
    expect(info.authenticated).toBe(true);

    // The state is single use: replaying B's callback fails.
    const replay = await app.request(`/auth/callback${backB.search}`, { headers: { cookie: jar.header } });
    expect(replay.headers.get('location')).toBe('/signin?error=state_mismatch');
  });

  it('rejects a callback without the state cookie (e.g. from another browser)', async () => {
    const login = await app.request('/auth/login');
    const back = await consent(login.headers.get('location')!, 2);
    const res = await app.request(`/auth/callback${back.search}`);
    expect(res.headers.get('location')).toBe('/signin?error=state_mismatch');
  });

  it('handles a person denying access', async () => {
    const jar = new CookieJar();
    const login = await app.request('/auth/login');
    jar.take(login);
    const back = await consent(login.headers.get('location')!, 2, 'deny');
    const res = await app.request(`/auth/callback${back.search}`, { headers: { cookie: jar.header } });
    expect(res.headers.get('location')).toBe('/signin?error=access_denied');
  });

  it('never redirects off-site after sign-in', async () => {
    const { location } = await signIn(app, { returnTo: '//evil.example/x' });
    expect(location).toBe('/');
  });

  it('signs out', async () => {
    const { jar } = await signIn(app);
    const out = await app.request('/auth/logout', { method: 'POST', headers: { cookie: jar.header } });
    expect(out.status).toBe(204);
    jar.take(out);
    const info = await (await app.request('/auth/session', { headers: { cookie: jar.header } })).json();
    expect(info).toEqual({ authenticated: false, sandbox: true });
  });

  it('a copy of the cookie kept from before signing out opens nothing; another sign-in of the same person is untouched', async () => {
    const { jar } = await signIn(app);
    const other = await signIn(app);
    const copied = jar.header;
    expect((await app.request('/api/me', { headers: { cookie: copied } })).status).toBe(200);
    const out = await app.request('/auth/logout', { method: 'POST', headers: { cookie: copied } });
    expect(out.status).toBe(204);
    const replay = await app.request('/api/me', { headers: { cookie: copied } });
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.code).toBe('signed_out');
    expect((await app.request('/api/me', { headers: { cookie: other.jar.header } })).status).toBe(200);
  });

  it('a session ends 30 days after sign-in even if its cookie is kept and rewritten', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] });
    try {
      const { jar } = await signIn(app);
      const cookie = jar.header;
      vi.setSystemTime(Date.now() + 29 * 86_400_000);
      expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(200);
      vi.setSystemTime(Date.now() + 2 * 86_400_000);
      expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the session cookie well under 4 KB', async () => {
    const { jar } = await signIn(app, { identityId: 1, accountId: 1 });
    expect(jar.header.length).toBeLessThan(3000);
  });
});
