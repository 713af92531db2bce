/**
 * Highrise misbehaving, end to end: the BFF (app.request) → Highrise client → sandbox over HTTP with
 * injected faults. Each test asserts what the person sees (status + the JSON error sentence) AND
 * what is in the sandbox afterwards (its SQLite database), so "nothing lost, nothing doubled" is a
 * fact, not a hope.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { One, Person } from '../api/types.js';
import type { Config } from '../config.js';
import { call, makeApp, signIn, startSandboxServer, testConfig, type CookieJar, type SandboxServer, type TestApp } from '../test/harness.js';
import { resetSchemeOverrides } from './client.js';
import { resetPacing } from './pacer.js';
import type { RequestLog } from './request-log.js';

interface Sent {
  method: string;
  url: string;
  body: string | null;
  at: number;
  status?: number;
  answeredAt?: number;
}

let sb: SandboxServer;
let app: TestApp;
let jar: CookieJar;
let logs: RequestLog[] = [];
let sent: Sent[] = [];

/**
 * Records every request the BFF sends (method, URL, body, timing, status). The test sandbox speaks
 * plain HTTP, so a request sent to https://127.0.0.1:<port> after a scheme redirect is carried over
 * http here, as a TLS terminator would: the client's behaviour is real, only the transport is bent.
 */
function recordingFetch(origin: string): typeof fetch {
  const httpsOrigin = origin.replace('http:', 'https:');
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const body = init?.body instanceof Uint8Array ? new TextDecoder().decode(init.body) : typeof init?.body === 'string' ? init.body : null;
    const entry: Sent = { method: init?.method ?? 'GET', url, body, at: Date.now() };
    sent.push(entry);
    const res = await fetch(url.startsWith(httpsOrigin) ? url.replace(httpsOrigin, origin) : url, init);
    entry.status = res.status;
    entry.answeredAt = Date.now();
    return res;
  };
}

function quickApp(highrise: Partial<Config['highrise']>): TestApp {
  return makeApp(testConfig(sb.origin, { highrise }), { fetch: recordingFetch(sb.origin), log: (l) => logs.push(l) });
}

beforeAll(async () => {
  sb = await startSandboxServer();
  app = makeApp(testConfig(sb.origin, { highrise: { retryBudgetMs: 4000, timeoutMs: 2000 } }), { fetch: recordingFetch(sb.origin), log: (l) => logs.push(l) });
  ({ jar } = await signIn(app, { identityId: 2 }));
});
afterAll(() => sb.close());
afterEach(async () => {
  await sb.clearFaults();
  resetSchemeOverrides();
  resetPacing();
  logs = [];
  sent = [];
});

const json = async <T>(res: Response) => (await res.json()) as T;
let unique = 0;
const uniqueName = (stem: string) => `${stem}-${Date.now()}-${++unique}`;
const errorOf = async (res: Response) => (await res.json()).error as { status: number; message: string; code?: string; retryAfter?: number };

/** People with this first name in the sandbox, straight from its SQLite. */
function peopleNamed(firstName: string): number {
  return (sb.sandbox.db.prepare("SELECT COUNT(*) AS n FROM parties WHERE type = 'Person' AND first_name = ?").get(firstName) as { n: number }).n;
}

function titleOf(id: number | null): string | null {
  return (sb.sandbox.db.prepare('SELECT title FROM parties WHERE id = ?').get(id) as { title: string | null }).title;
}

const highriseSent = (method: string, pathPart: string) => sent.filter((s) => s.method === method && s.url.includes('/sandbox/highrise/') && s.url.includes(pathPart));

async function createPerson(firstName: string, extra: Record<string, unknown> = {}): Promise<Person> {
  const res = await call(app, jar, 'POST', '/api/people', { firstName, ...extra });
  expect(res.status).toBe(201);
  return (await json<One<Person>>(res)).data;
}

describe('503 with Retry-After', () => {
  it('waits out a burst (seconds form) at least as long as asked, then creates exactly once', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, count: 2, action: { status: 503, headers: { 'Retry-After': '1' }, body: 'Rate limit exceeded' } });
    const firstName = uniqueName('Burst');
    const res = await call(app, jar, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(201);
    expect((await json<One<Person>>(res)).data.firstName).toBe(firstName);
    expect(peopleNamed(firstName)).toBe(1);

    const posts = highriseSent('POST', '/people.xml');
    expect(posts.map((p) => p.status)).toEqual([503, 503, 201]);
    // Every re-send carries the same body and waited at least the Retry-After after the 503 arrived.
    expect(new Set(posts.map((p) => p.body)).size).toBe(1);
    for (let i = 1; i < posts.length; i++) expect(posts[i].at - posts[i - 1].answeredAt!).toBeGreaterThanOrEqual(1000);
    expect(logs.at(-1)).toMatchObject({ method: 'POST', path: '/people.xml', status: 201, retries: 2 });
  });

  it('honours the HTTP-date form', async () => {
    // HTTP dates have whole seconds: ask for "two seconds from now", rounded up, and expect at least the remaining time.
    const until = Math.ceil((Date.now() + 1000) / 1000) * 1000;
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { status: 503, headers: { 'Retry-After': new Date(until).toUTCString() } } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(200);
    const gets = highriseSent('GET', '/people.xml');
    expect(gets.map((g) => g.status)).toEqual([503, 200]);
    expect(gets[1].at).toBeGreaterThanOrEqual(until - 5);
  });

  it('loses nothing and doubles nothing when a burst hits concurrent creates', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, count: 4, action: { status: 503, headers: { 'Retry-After': '1' } } });
    const names = [1, 2, 3].map(() => uniqueName('Concurrent'));
    const results = await Promise.all(names.map((firstName) => call(app, jar, 'POST', '/api/people', { firstName })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    for (const firstName of names) expect(peopleNamed(firstName)).toBe(1);
    const posts = highriseSent('POST', '/people.xml');
    expect(posts.filter((p) => p.status === 503)).toHaveLength(4);
    expect(posts.filter((p) => p.status === 201)).toHaveLength(3);
  });

  it('retries a PUT and a DELETE after a 503 too (Highrise did not act)', async () => {
    const person = await createPerson(uniqueName('Busy'), { title: 'Before' });
    await sb.fault({ match: { method: 'PUT', path: `/people/${person.id}.xml` }, action: { status: 503, headers: { 'Retry-After': '1' } } });
    const put = await call(app, jar, 'PATCH', `/api/people/${person.id}`, { title: 'After' });
    expect(put.status).toBe(200);
    expect(titleOf(person.id)).toBe('After');

    await sb.fault({ match: { method: 'DELETE', path: `/people/${person.id}.xml` }, action: { status: 503, headers: { 'Retry-After': '1' } } });
    const del = await call(app, jar, 'DELETE', `/api/people/${person.id}`);
    expect(del.status).toBe(204);
    expect(sb.sandbox.db.prepare('SELECT COUNT(*) AS n FROM parties WHERE id = ?').get(person.id)).toEqual({ n: 0 });
  });

  it('hands a wait longer than the budget to the SPA: 503, Retry-After header, retryAfter in JSON, nothing created', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { status: 503, headers: { 'Retry-After': '45' } } });
    const firstName = uniqueName('TooBusy');
    const res = await call(app, jar, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('45');
    const error = await errorOf(res);
    expect(error).toMatchObject({ status: 503, code: 'rate_limited', retryAfter: 45 });
    expect(error.message).toBe('Highrise is busy and asked Skyline to wait 45 seconds. Nothing was changed; try again then.');
    // It did not sit out the wait, and it did not send the POST again.
    expect(highriseSent('POST', '/people.xml')).toHaveLength(1);
    expect(peopleNamed(firstName)).toBe(0);
  });

  it('stops waiting when a run of 503s would pass the budget, and says when to come back', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, count: 10, action: { status: 503, headers: { 'Retry-After': '2' } } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect((await errorOf(res)).retryAfter).toBe(2);
    // Budget 4 s, 2 s per wait: sent, waited 2 s, sent again, then the next wait would pass the budget.
    expect(highriseSent('GET', '/people.xml')).toHaveLength(2);
  });
});

describe('500 from Highrise', () => {
  it('is a readable 502 for a read', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { status: 500, headers: { 'Content-Type': 'text/html' }, body: "<h1>We're sorry, but something went wrong.</h1>" } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(502);
    expect(await errorOf(res)).toEqual({ status: 502, code: 'upstream_error', message: 'Highrise had a problem answering (status 500). Try again in a moment.' });
    expect(highriseSent('GET', '/people.xml')).toHaveLength(1);
  });

  it('is a readable 502 for a write, which is not sent again', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { status: 500 } });
    const firstName = uniqueName('Err500');
    const res = await call(app, jar, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe('upstream_error');
    expect(highriseSent('POST', '/people.xml')).toHaveLength(1);
    expect(peopleNamed(firstName)).toBe(0);
  });
});

describe('slow answers past the timeout', () => {
  it('retries a GET once and succeeds when the second answer is on time', async () => {
    const quick = quickApp({ timeoutMs: 300 });
    const { jar: j } = await signIn(quick);
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { hang: 1000 } });
    const res = await call(quick, j, 'GET', '/api/people?page=2');
    expect(res.status).toBe(200);
    expect(logs.at(-1)).toMatchObject({ method: 'GET', status: 200, retries: 1 });
  });

  it('gives a GET up after the second timeout with a 504 and a sentence', async () => {
    const quick = quickApp({ timeoutMs: 300 });
    const { jar: j } = await signIn(quick);
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, count: 2, action: { hang: 1000 } });
    const res = await call(quick, j, 'GET', '/api/people');
    expect(res.status).toBe(504);
    expect(await errorOf(res)).toEqual({ status: 504, code: 'upstream_timeout', message: 'Highrise did not answer in time. Try again in a moment.' });
    expect(logs.at(-1)).toMatchObject({ status: 'timeout', retries: 1 });
  });

  it('never re-sends a POST that timed out before Highrise acted: outcome unknown, zero created', async () => {
    const quick = quickApp({ timeoutMs: 300 });
    const { jar: j } = await signIn(quick);
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { hang: 1000 } });
    const firstName = uniqueName('HangBefore');
    const res = await call(quick, j, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(504);
    const error = await errorOf(res);
    expect(error.code).toBe('outcome_unknown');
    expect(error.message).toBe('Highrise did not answer in time, so your change may or may not have been saved. Check the record in Highrise before trying again.');
    expect(highriseSent('POST', '/people.xml')).toHaveLength(1);
    expect(peopleNamed(firstName)).toBe(0);
  });

  it('never re-sends a POST that Highrise carried out but answered too late: outcome unknown, exactly one created', async () => {
    const quick = quickApp({ timeoutMs: 300 });
    const { jar: j } = await signIn(quick);
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { hang: 1000, after: true } });
    const firstName = uniqueName('HangAfter');
    const res = await call(quick, j, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(504);
    expect((await errorOf(res)).code).toBe('outcome_unknown');
    expect(highriseSent('POST', '/people.xml')).toHaveLength(1);
    expect(peopleNamed(firstName)).toBe(1);
  });
});

describe('connection resets', () => {
  it('retries a GET once and succeeds', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { reset: true } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(200);
    expect(highriseSent('GET', '/people.xml')).toHaveLength(2);
    expect(logs.at(-1)).toMatchObject({ status: 200, retries: 1 });
  });

  it('gives a GET up after the second reset with a sentence', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, count: 2, action: { reset: true } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(502);
    expect(await errorOf(res)).toEqual({ status: 502, code: 'upstream_unreachable', message: 'Skyline could not reach Highrise. Check back in a moment and try again.' });
    expect(logs.at(-1)).toMatchObject({ status: 'network-error', retries: 1 });
  });

  it('does not retry a POST cut before Highrise acted: outcome unknown, zero created', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { reset: true } });
    const firstName = uniqueName('ResetBefore');
    const res = await call(app, jar, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe('outcome_unknown');
    expect(error.message).toBe('The connection to Highrise broke, so your change may or may not have been saved. Check the record in Highrise before trying again.');
    expect(highriseSent('POST', '/people.xml')).toHaveLength(1);
    expect(peopleNamed(firstName)).toBe(0);
  });

  it('does not retry a POST cut after Highrise acted: outcome unknown, exactly one created', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { reset: true, after: true } });
    const firstName = uniqueName('ResetAfter');
    const res = await call(app, jar, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe('outcome_unknown');
    expect(highriseSent('POST', '/people.xml')).toHaveLength(1);
    expect(peopleNamed(firstName)).toBe(1);
  });

  it('does not retry a PUT cut mid-way either', async () => {
    const person = await createPerson(uniqueName('ResetPut'), { title: 'Before' });
    await sb.fault({ match: { method: 'PUT', path: `/people/${person.id}.xml` }, action: { reset: true, after: true } });
    const res = await call(app, jar, 'PATCH', `/api/people/${person.id}`, { title: 'After' });
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe('outcome_unknown');
    expect(highriseSent('PUT', `/people/${person.id}.xml`)).toHaveLength(1);
    expect(titleOf(person.id)).toBe('After');
  });
});

describe('unreadable answers', () => {
  it('turns a truncated list into a readable 502', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, action: { truncate: true } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe('upstream_malformed');
    expect(error.message).toMatch(/^Highrise sent a response Skyline could not read \(.+\)\. Try again; if it keeps happening, Highrise may be having trouble\.$/);
  });

  it('turns a 200 that is not XML into a readable 502', async () => {
    await sb.fault({ match: { method: 'GET', path: '/companies.xml' }, action: { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>Maintenance</html>' } });
    const res = await call(app, jar, 'GET', '/api/companies');
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe('upstream_malformed');
  });

  it('reads a created record again when the 201 body is cut short, and never POSTs twice', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { truncate: true } });
    const firstName = uniqueName('Truncated201');
    const res = await call(app, jar, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(201);
    expect((await json<One<Person>>(res)).data.firstName).toBe(firstName);
    expect(highriseSent('POST', '/people.xml')).toHaveLength(1);
    expect(peopleNamed(firstName)).toBe(1);
  });

  it('reads an updated record again when the PUT answer is broken', async () => {
    const person = await createPerson(uniqueName('TruncPut'), { title: 'Before' });
    await sb.fault({ match: { method: 'PUT', path: `/people/${person.id}.xml` }, action: { truncate: true } });
    const res = await call(app, jar, 'PATCH', `/api/people/${person.id}`, { title: 'After' });
    expect(res.status).toBe(200);
    expect((await json<One<Person>>(res)).data.title).toBe('After');
    expect(highriseSent('PUT', `/people/${person.id}.xml`)).toHaveLength(1);
  });

  it('says a write was saved when its answer is unreadable and cannot be read again', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { status: 201, headers: { 'Content-Type': 'application/xml' }, body: '<person><id type="integer">1' } });
    const res = await call(app, jar, 'POST', '/api/people', { firstName: uniqueName('Unreadable') });
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe('saved_unreadable');
    expect(error.message).toMatch(/^Highrise saved this, but its answer could not be read\./);
  });
});

describe('302 to the other scheme', () => {
  it('re-sends the same POST and body once on the new scheme; the record exists once; later requests go there directly', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { redirect: 'scheme' } });
    const firstName = uniqueName('Flip');
    const res = await call(app, jar, 'POST', '/api/people', { firstName, title: 'R&D <lead>' });
    expect(res.status).toBe(201);
    expect(peopleNamed(firstName)).toBe(1);
    const posts = highriseSent('POST', '/people.xml');
    expect(posts.map((p) => [p.method, new URL(p.url).protocol, p.status])).toEqual([
      ['POST', 'http:', 302],
      ['POST', 'https:', 201],
    ]);
    expect(posts[1].body).toBe(posts[0].body);
    expect(posts[0].body).toContain('R&amp;D &lt;lead&gt;');

    await call(app, jar, 'GET', '/api/people?page=2');
    expect(new URL(sent.at(-1)!.url).protocol).toBe('https:');
  });

  it('re-sends a PUT with its body once', async () => {
    const person = await createPerson(uniqueName('FlipPut'), { title: 'Before' });
    await sb.fault({ match: { method: 'PUT', path: `/people/${person.id}.xml` }, action: { redirect: 'scheme' } });
    const res = await call(app, jar, 'PATCH', `/api/people/${person.id}`, { title: 'After' });
    expect(res.status).toBe(200);
    const puts = highriseSent('PUT', `/people/${person.id}.xml`);
    expect(puts).toHaveLength(2);
    expect(puts[1].body).toBe(puts[0].body);
    expect(titleOf(person.id)).toBe('After');
  });

  it('follows a scheme redirect only once per request', async () => {
    await sb.fault({ match: { method: 'GET', path: '/people.xml' }, count: 2, action: { redirect: 'scheme' } });
    const res = await call(app, jar, 'GET', '/api/people');
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe('upstream_redirect');
    expect(highriseSent('GET', '/people.xml')).toHaveLength(2);
  });

  it('explains a redirect to /login as a sign-in problem, without re-sending', async () => {
    await sb.fault({ match: { method: 'POST', path: '/people.xml' }, action: { redirect: 'login' } });
    const firstName = uniqueName('Login');
    const res = await call(app, jar, 'POST', '/api/people', { firstName });
    expect(res.status).toBe(401);
    const error = await errorOf(res);
    expect(error.code).toBe('wrong_account');
    expect(error.message).toMatch(/this account does not accept your sign-in/);
    expect(highriseSent('POST', '/people.xml')).toHaveLength(1);
    expect(peopleNamed(firstName)).toBe(0);
  });
});

describe('token expiry mid-burst', () => {
  const accessTokens = () => (sb.sandbox.db.prepare("SELECT COUNT(*) AS n FROM oauth_tokens WHERE kind = 'access'").get() as { n: number }).n;
  const tokenCalls = () => sent.filter((s) => s.url.endsWith('/authorization/token')).length;

  it('refreshes once for the whole burst, including requests that arrive later with the old cookie', async () => {
    const { jar: j } = await signIn(app);
    const oldCookie = j.header;
    const burst = (n: number, firstName?: string) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          firstName && i === 0
            ? app.request('/api/people', { method: 'POST', headers: { cookie: oldCookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ firstName }) })
            : app.request(`/api/people?page=${i + 5}`, { headers: { cookie: oldCookie } }),
        ),
      );
    sent = [];
    const first = await burst(4);
    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const tokensBefore = accessTokens();

    // The access token ends mid-burst (as two weeks passing would).
    sb.sandbox.db.prepare("UPDATE oauth_tokens SET expires_at = 1 WHERE kind = 'access'").run();
    const firstName = uniqueName('Expired');
    const second = await burst(6, firstName);
    expect(second.map((r) => r.status)).toEqual([201, 200, 200, 200, 200, 200]);
    // A 401'd POST was not acted on, so re-sending it after the refresh creates it once.
    expect(peopleNamed(firstName)).toBe(1);
    const third = await burst(3);
    expect(third.map((r) => r.status)).toEqual([200, 200, 200]);

    // Exactly one refresh: one call to the sandbox's token endpoint, one new access token in its database.
    expect(tokenCalls()).toBe(1);
    expect(accessTokens()).toBe(tokensBefore + 1);
    // Every response after the refresh carries the new session cookie.
    for (const r of [...second, ...third]) expect(r.headers.getSetCookie().some((c) => c.startsWith('skyline_session='))).toBe(true);
  });
});
