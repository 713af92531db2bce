import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetRefreshes } from '../auth/refresh.js';
import { resetSchemeOverrides } from '../highrise/client.js';
import type { RequestLog } from '../highrise/request-log.js';
import { call, makeApp, signIn, startSandboxServer, testConfig, type CookieJar, type SandboxServer, type TestApp } from '../test/harness.js';
import type { One, Page, Person } from './types.js';

let sb: SandboxServer;
let app: TestApp;
let jar: CookieJar;
const logs: RequestLog[] = [];
/** Every URL the BFF fetched, in order (Launchpad and Highrise). */
const fetched: string[] = [];

/**
 * The test sandbox speaks plain HTTP only. A request the client sends to https://127.0.0.1:<port>
 * (after a scheme redirect) is carried over http here, like a TLS terminator would: the client's
 * behaviour is real, only the transport is bent.
 */
function recordingFetch(origin: string): typeof fetch {
  const httpsOrigin = origin.replace('http:', 'https:');
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    fetched.push(url);
    return fetch(url.startsWith(httpsOrigin) ? url.replace(httpsOrigin, origin) : url, init);
  };
}

beforeAll(async () => {
  sb = await startSandboxServer();
  app = makeApp(testConfig(sb.origin), { fetch: recordingFetch(sb.origin), log: (l) => logs.push(l) });
  ({ jar } = await signIn(app, { identityId: 2 }));
});
afterAll(() => sb.close());
afterEach(async () => {
  await sb.clearFaults();
  resetSchemeOverrides();
});

const json = async <T>(res: Response) => (await res.json()) as T;
let unique = 0;
const uniqueName = (stem: string) => `${stem}-${Date.now()}-${++unique}`;

function peopleNamed(firstName: string): number {
  const row = sb.sandbox.db.prepare("SELECT COUNT(*) AS n FROM parties WHERE type = 'Person' AND first_name = ?").get(firstName) as { n: number };
  return row.n;
}

describe('reading people', () => {
  it('lists page 1 with every visible person and no more pages', async () => {
    const res = await call(app, jar, 'GET', '/api/people?page=1');
    expect(res.status).toBe(200);
    const body = await json<Page<Person>>(res);
    const visible = sb.sandbox.db
      .prepare("SELECT COUNT(*) AS n FROM parties WHERE account_id = 1 AND type = 'Person' AND (visible_to = 'Everyone' OR owner_id = (SELECT id FROM users WHERE account_id = 1 AND identity_id = 2))")
      .get() as { n: number };
    expect(body.data.length).toBe(visible.n);
    expect(body.data.length).toBeGreaterThanOrEqual(200);
    expect(body.page).toEqual({ number: 1, size: 500, hasMore: false });
    expect(logs.some((l) => l.path === '/people.xml?n=0' && l.status === 200)).toBe(true);
  });

  it('asks Highrise for the right offset on later pages', async () => {
    const res = await call(app, jar, 'GET', '/api/people?page=3');
    expect(res.status).toBe(200);
    expect(logs.at(-1)?.path).toBe('/people.xml?n=1000');
  });

  it('rejects a bad page number, saying which kind of bad', async () => {
    expect((await call(app, jar, 'GET', '/api/people?page=0')).status).toBe(400);
    const word = await call(app, jar, 'GET', '/api/people?page=abc');
    expect(word.status).toBe(400);
    expect((await word.json()).error.message).toBe('Pages are numbered from 1.');
    const huge = await call(app, jar, 'GET', '/api/people?page=99999999999999999999');
    expect(huge.status).toBe(400);
    expect((await huge.json()).error).toMatchObject({ message: 'There is no page that far: pages go up to 999999.', fields: { page: ['Must be at most 999999.'] } });
  });

  it('gets one person', async () => {
    const list = await json<Page<Person>>(await call(app, jar, 'GET', '/api/people'));
    const first = list.data[0];
    const res = await call(app, jar, 'GET', `/api/people/${first.id}`);
    expect(res.status).toBe(200);
    expect((await json<One<Person>>(res)).data).toEqual(first);
  });

  it('answers 404 with a sentence for a missing person', async () => {
    const res = await call(app, jar, 'GET', '/api/people/999999999');
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe('That record no longer exists in Highrise (it may have been deleted).');
  });

  it('rejects ids that are not positive integers', async () => {
    for (const id of ['0', '-1', '1.5', 'abc', '1e3']) {
      const res = await call(app, jar, 'GET', `/api/people/${id}`);
      expect(res.status, id).toBe(400);
    }
  });

  it('lists and gets companies', async () => {
    const res = await call(app, jar, 'GET', '/api/companies');
    expect(res.status).toBe(200);
    const page = await json<Page<{ id: number; name: string }>>(res);
    expect(page.data.length).toBeGreaterThan(0);
    const one = await call(app, jar, 'GET', `/api/companies/${page.data[0].id}`);
    expect((await json<One<{ name: string }>>(one)).data.name).toBe(page.data[0].name);
  });

  it('reads /api/me without the API token', async () => {
    const res = await call(app, jar, 'GET', '/api/me');
    expect(res.status).toBe(200);
    const me = await json<One<Record<string, unknown>>>(res);
    expect(me.data.name).toBe('Jonas Okafor');
    expect(me.data).not.toHaveProperty('token');
    expect(me.data).not.toHaveProperty('dropbox');
  });

  it('sends the User-Agent, Accept and Bearer headers, and never follows redirects', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { status: 200, headers: { 'Content-Type': 'application/xml' }, body: '<people type="array"/>' } });
    const seen: Request[] = [];
    const spyApp = makeApp(testConfig(sb.origin), {
      fetch: (input, init) => {
        seen.push(new Request(input, init));
        return fetch(input, init);
      },
    });
    const { jar: j } = await signIn(spyApp);
    await call(spyApp, j, 'GET', '/api/people');
    const req = seen.find((r) => r.url.includes('/people.xml'))!;
    expect(req.headers.get('user-agent')).toBe('Skyline (tests@skyline.example)');
    expect(req.headers.get('accept')).toBe('application/xml');
    expect(req.headers.get('authorization')).toMatch(/^Bearer \S+$/);
    expect(req.redirect).toBe('manual');
  });
});

describe('writing people', () => {
  it('creates a person with two emails and awkward text, and reads it back equal', async () => {
    const firstName = uniqueName('Zoë <&> "quoted" \'single\'');
    const input = {
      firstName,
      lastName: '山田 太郎',
      title: 'R&D <lead> ]]> café',
      background: 'Line one\r\nLine two\u00a0with nbsp',
      contactData: {
        emailAddresses: [
          { address: 'zoe@example.com', location: 'Work' },
          { address: 'zoe.home@example.com', location: 'Home' },
        ],
        phoneNumbers: [{ number: '+81 3-1234-5678' }],
      },
    };
    const res = await call(app, jar, 'POST', '/api/people', input);
    expect(res.status).toBe(201);
    const created = (await json<One<Person>>(res)).data;
    expect(created.id).toBeGreaterThan(0);
    expect(created.firstName).toBe(firstName);
    expect(created.lastName).toBe('山田 太郎');
    expect(created.title).toBe('R&D <lead> ]]> café');
    expect(created.background).toBe('Line one\r\nLine two\u00a0with nbsp');
    expect(created.contactData.emailAddresses.map((e) => [e.address, e.location])).toEqual([
      ['zoe@example.com', 'Work'],
      ['zoe.home@example.com', 'Home'],
    ]);
    // A phone without a location gets Work (REAL-WORLD #13).
    expect(created.contactData.phoneNumbers[0]).toMatchObject({ number: '+81 3-1234-5678', location: 'Work' });

    const again = (await json<One<Person>>(await call(app, jar, 'GET', `/api/people/${created.id}`))).data;
    expect(again).toEqual(created);
  });

  it('updates: removes one email by id, adds another, changes a field, leaves the rest', async () => {
    const created = (
      await json<One<Person>>(
        await call(app, jar, 'POST', '/api/people', {
          firstName: uniqueName('Update'),
          title: 'Before',
          background: 'Keep me',
          contactData: { emailAddresses: [{ address: 'a@example.com' }, { address: 'b@example.com', location: 'Home' }] },
        }),
      )
    ).data;
    const [a, b] = created.contactData.emailAddresses;
    const res = await call(app, jar, 'PATCH', `/api/people/${created.id}`, {
      title: 'After',
      contactData: { emailAddresses: [{ id: a.id!, remove: true, address: a.address! }, { address: 'c@example.com', location: 'Other' }] },
    });
    expect(res.status).toBe(200);
    const updated = (await json<One<Person>>(res)).data;
    expect(updated.title).toBe('After');
    expect(updated.background).toBe('Keep me');
    expect(updated.contactData.emailAddresses.map((e) => e.address).sort()).toEqual(['b@example.com', 'c@example.com']);
    expect(updated.contactData.emailAddresses.find((e) => e.address === 'b@example.com')?.id).toBe(b.id);
    expect(logs.some((l) => l.method === 'PUT' && l.path === `/people/${created.id}.xml?reload=true`)).toBe(true);
  });

  it('clears a field with null (PUT works like PATCH)', async () => {
    const created = (await json<One<Person>>(await call(app, jar, 'POST', '/api/people', { firstName: uniqueName('Clear'), title: 'Temporary' }))).data;
    const res = await call(app, jar, 'PUT', `/api/people/${created.id}`, { title: null });
    expect(res.status).toBe(200);
    expect((await json<One<Person>>(res)).data.title).toBeNull();
  });

  it('deletes, then the person is gone', async () => {
    const created = (await json<One<Person>>(await call(app, jar, 'POST', '/api/people', { firstName: uniqueName('Delete') }))).data;
    const del = await call(app, jar, 'DELETE', `/api/people/${created.id}`);
    expect(del.status).toBe(204);
    expect((await call(app, jar, 'GET', `/api/people/${created.id}`)).status).toBe(404);
  });

  it('validates input with messages per field', async () => {
    const res = await call(app, jar, 'POST', '/api/people', { firstName: '', contactData: { emailAddresses: [{ address: 'not-an-email' }] }, avatarUrl: 'x' });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toBe('Some fields need attention.');
    expect(error.fields.firstName).toEqual(['Enter a first name.']);
    expect(error.fields['contactData.emailAddresses.0.address']).toBeDefined();
  });

  it('refuses control characters XML cannot carry', async () => {
    const res = await call(app, jar, 'POST', '/api/people', { firstName: uniqueName('Ctl'), title: 'bell\u0007' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.title).toBeDefined();
  });

  it('passes a 422 through with Highrise messages mapped to fields', async () => {
    await sb.fault({
      match: { method: 'POST', path: '/people.xml' },
      action: { status: 422, headers: { 'Content-Type': 'application/xml; charset=utf-8' }, body: "<errors><error>First name can't be blank</error><error>Location is not included in the list</error></errors>" },
    });
    const res = await call(app, jar, 'POST', '/api/people', { firstName: uniqueName('Rejected') });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.message).toBe("Highrise could not save this: First name can't be blank; Location is not included in the list");
    expect(error.fields).toEqual({ firstName: ["First name can't be blank"] });
  });

  it('explains a 422 with no message', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { status: 422, headers: { 'Content-Type': 'application/xml' }, body: '' } });
    const res = await call(app, jar, 'POST', '/api/people', { firstName: uniqueName('Rejected') });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/^Highrise could not save this: Highrise did not say why/);
  });

  it('explains a full plan (507)', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { status: 507 } });
    const res = await call(app, jar, 'POST', '/api/people', { firstName: uniqueName('Full') });
    expect(res.status).toBe(507);
    expect((await res.json()).error.message).toMatch(/plan's limit is reached/);
  });
});

describe('Highrise misbehaving', () => {
  it('waits out a 503 burst (Retry-After: 1) and creates exactly one person', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, count: 2, action: { status: 503, headers: { 'Retry-After': '1' }, body: 'Rate limit exceeded' } });
    const firstName = uniqueName('Burst');
    const started = Date.now();
    const res = await call(app, jar, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(peopleNamed(firstName)).toBe(1);
    expect(logs.at(-1)).toMatchObject({ method: 'POST', status: 201, retries: 2 });
  });

  it('hands over a 503 with retryAfter when the wait is beyond the budget', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { status: 503, headers: { 'Retry-After': '30' } } });
    const started = Date.now();
    const res = await call(app, jar, 'GET', '/api/people');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    const { error } = await res.json();
    expect(error).toMatchObject({ status: 503, retryAfter: 30, code: 'rate_limited' });
    expect(error.message).toMatch(/wait 30 seconds/);
  });

  it('honours Retry-After as an HTTP date', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { status: 503, headers: { 'Retry-After': new Date(Date.now() + 1000).toUTCString() } } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(200);
  });

  it('re-sends a POST once on the other scheme after a 302 to the same path, and remembers it', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { redirect: 'scheme' } });
    const firstName = uniqueName('Scheme');
    const before = fetched.length;
    const res = await call(app, jar, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(201);
    expect(peopleNamed(firstName)).toBe(1);
    const httpsOrigin = sb.origin.replace('http:', 'https:');
    const sent = fetched.slice(before);
    expect(sent).toEqual([`${sb.origin}/sandbox/highrise/1/people.xml`, `${httpsOrigin}/sandbox/highrise/1/people.xml`]);
    // Later requests of this account go straight to the new scheme.
    await call(app, jar, 'GET', '/api/people?page=2');
    expect(fetched.at(-1)).toBe(`${httpsOrigin}/sandbox/highrise/1/people.xml?n=500`);
  });

  it('explains a redirect to the login page as a wrong account', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { redirect: 'login' } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('wrong_account');
  });

  it('turns truncated XML into a readable 502', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { truncate: true } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(502);
    const { error } = await res.json();
    expect(error.code).toBe('upstream_malformed');
    expect(error.message).toMatch(/^Highrise sent a response Skyline could not read/);
  });

  it('turns a malformed 200 into a readable 502', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people/' }, action: { status: 200, headers: { 'Content-Type': 'application/xml' }, body: '<person><first-name>x</person>' } });
    const res = await call(app, jar, 'GET', '/api/people/1');
    expect(res.status).toBe(502);
    expect((await res.json()).error.code).toBe('upstream_malformed');
  });

  it('retries a GET once after a dropped connection', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { reset: true } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(200);
    expect(logs.at(-1)).toMatchObject({ status: 200, retries: 1 });
  });

  it('never retries a POST after a dropped connection, and says the outcome is unknown', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { reset: true, after: true } });
    const firstName = uniqueName('Reset');
    const res = await call(app, jar, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(502);
    const { error } = await res.json();
    expect(error.code).toBe('outcome_unknown');
    expect(error.message).toMatch(/may or may not have been saved/);
    // The write reached Highrise before the connection broke; we did not send it twice.
    expect(peopleNamed(firstName)).toBe(1);
  });

  it('times out a hanging POST with 504 and no retry', async () => {
    const quick = makeApp(testConfig(sb.origin, { highrise: { timeoutMs: 300 } }));
    const { jar: j } = await signIn(quick);
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { hang: 1500 } });
    const firstName = uniqueName('Hang');
    const res = await call(quick, j, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(504);
    expect((await res.json()).error.code).toBe('outcome_unknown');
    expect(peopleNamed(firstName)).toBe(0);
  });

  it('refreshes an ended token once for concurrent requests and re-sets the cookie', async () => {
    const { jar: j } = await signIn(app);
    // End every access token Launchpad has issued (as two weeks passing would).
    sb.sandbox.db.prepare("UPDATE oauth_tokens SET expires_at = 1 WHERE kind = 'access'").run();
    const before = fetched.length;
    const results = await Promise.all([1, 2, 3].map(() => app.request('/api/people?page=9', { headers: { cookie: j.header } })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const refreshes = fetched.slice(before).filter((u) => u.endsWith('/authorization/token'));
    expect(refreshes).toHaveLength(1);
    for (const r of results) expect(r.headers.getSetCookie().some((c) => c.startsWith('skyline_session='))).toBe(true);
    j.take(results[0]);
    // The new cookie works without another refresh: the new token is in the session itself, not only
    // in the shared-refresh memory (forgotten here, as on another instance or a minute later).
    resetRefreshes();
    const after = fetched.length;
    expect((await call(app, j, 'GET', '/api/people?page=9')).status).toBe(200);
    expect(fetched.slice(after).filter((u) => u.endsWith('/authorization/token'))).toHaveLength(0);
  });

  it('says the session ended when the refresh token is revoked too', async () => {
    const { jar: j } = await signIn(app);
    sb.sandbox.db.prepare("UPDATE oauth_tokens SET expires_at = 1 WHERE kind = 'access'").run();
    sb.sandbox.db.prepare("UPDATE oauth_tokens SET revoked = 1 WHERE kind = 'refresh'").run();
    const res = await call(app, j, 'GET', '/api/people');
    expect(res.status).toBe(401);
    expect((await res.json()).error).toEqual({ status: 401, message: 'Your Highrise session has ended. Sign in again.', code: 'session_expired' });
  });
});
