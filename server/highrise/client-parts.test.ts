import { afterEach, describe, expect, it } from 'vitest';
import { acquireSlot, bucketFor, resetPacing } from './pacer.js';
import { iterateOffsets, PAGE_SIZE } from './paginate.js';
import { apiTokenSource, HighriseClient, resetSchemeOverrides } from './client.js';
import { testConfig } from '../test/harness.js';
import { formatRequestLog, loggablePath, type RequestLog } from './request-log.js';
import { parseRetryAfter } from './retry-after.js';
import { fieldsFromMessages } from './upstream-errors.js';
import { personResource, personSchema } from './models/person.js';

afterEach(() => resetPacing());

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('pacing', () => {
  const limits = { general: { requests: 3, windowMs: 300 }, searchByEmail: { requests: 1, windowMs: 400 }, recordings: { requests: 10, windowMs: 1000 } };

  it('knows which requests fall under the special limits', () => {
    expect(bucketFor(new URL('https://x.example/people/search.xml?criteria[email]=a@b'))).toBe('searchByEmail');
    expect(bucketFor(new URL('https://x.example/people/search.xml?email=a@b'))).toBe('searchByEmail');
    expect(bucketFor(new URL('https://x.example/people/search.xml?term=Jo'))).toBeNull();
    expect(bucketFor(new URL('https://x.example/parties/search.xml?term=jo@example.com'))).toBe('searchByEmail');
    expect(bucketFor(new URL('https://x.example/recordings.xml?n=25'))).toBe('recordings');
    expect(bucketFor(new URL('https://x.example/people.xml'))).toBeNull();
  });

  const take = async (account: string, url: URL) => {
    const slot = await acquireSlot(account, url, limits);
    slot.release();
    return slot.waitedMs;
  };

  it('lets a window of requests through, then makes the next wait', async () => {
    const url = new URL('https://a.example/people.xml');
    const started = Date.now();
    const waits = await Promise.all([1, 2, 3, 4].map(() => take('https://a.example', url)));
    expect(waits.slice(0, 3).every((w) => w < 50)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('keeps accounts apart', async () => {
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => take('https://a.example', new URL('https://a.example/people.xml'))));
    await Promise.all([1, 2, 3].map(() => take('https://b.example', new URL('https://b.example/people.xml'))));
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('paces search by email on its own, tighter window', async () => {
    const url = new URL('https://a.example/people/search.xml?criteria[email]=x');
    const started = Date.now();
    await take('https://a.example', url);
    await take('https://a.example', url);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('counts a request as occupying its slot until it ends, and its window from its end', async () => {
    const url = new URL('https://c.example/people.xml');
    const held = await Promise.all([1, 2, 3].map(() => acquireSlot('https://c.example', url, limits)));
    let fourthStarted = 0;
    const fourth = acquireSlot('https://c.example', url, limits).then((s) => {
      fourthStarted = Date.now();
      return s;
    });
    // Three requests in flight for longer than the window: the fourth must still wait.
    await new Promise((r) => setTimeout(r, 400));
    expect(fourthStarted).toBe(0);
    const endedAt = Date.now();
    held[0].release();
    (await fourth).release();
    // …until the first one's window (counted from when it ended) has passed.
    expect(fourthStarted - endedAt).toBeGreaterThanOrEqual(290);
    held[1].release();
    held[2].release();
  });
});

describe('iterateOffsets', () => {
  it('walks until a short page', async () => {
    const asked: number[] = [];
    const items = await iterateOffsets(async (n) => {
      asked.push(n);
      const size = n < 4 ? 2 : 1;
      return Array.from({ length: size }, (_, i) => ({ id: n + i }));
    }, 2);
    expect(asked).toEqual([0, 2, 4]);
    expect(items.map((i) => i.id)).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops when Highrise hands back the same page (ignored paging) and dedupes', async () => {
    let calls = 0;
    const items = await iterateOffsets(async () => {
      calls++;
      return [{ id: 1 }, { id: 2 }];
    }, 2);
    expect(calls).toBe(2);
    expect(items).toEqual([{ id: 1 }, { id: 2 }]);
  });
});

describe('request log', () => {
  it('keeps paths account-relative and hides query values that could identify someone', () => {
    const base = new URL('https://acme.highrisehq.com/');
    expect(loggablePath(new URL('https://acme.highrisehq.com/people.xml?n=500'), base)).toBe('/people.xml?n=500');
    expect(loggablePath(new URL('https://acme.highrisehq.com/people/search.xml?criteria[email]=a@b.c'), base)).toBe('/people/search.xml?criteria[email]=…');
    const sandbox = new URL('http://127.0.0.1:3000/sandbox/highrise/1/');
    expect(loggablePath(new URL('http://127.0.0.1:3000/sandbox/highrise/1/people/4.xml'), sandbox)).toBe('/people/4.xml');
    expect(formatRequestLog({ method: 'GET', path: '/people.xml', status: 200, durationMs: 12, retries: 1, pacedMs: 0 })).toBe('highrise GET /people.xml 200 12ms retries=1');
  });
});

describe('422 messages to fields', () => {
  it('maps Rails full messages to the JSON field they name', () => {
    expect(fieldsFromMessages(["First name can't be blank", 'Company name is too long', 'Location is not included in the list'], personSchema)).toEqual({
      firstName: ["First name can't be blank"],
      companyName: ['Company name is too long'],
    });
    expect(fieldsFromMessages(['Something else'], personSchema)).toBeUndefined();
  });
});

describe('HighriseClient against a scripted Highrise', () => {
  const config = testConfig('http://127.0.0.1:9', { highrise: { retryBudgetMs: 60_000 } });
  type Script = (req: Request, n: number) => Response;
  function scripted(script: Script) {
    const seen: Request[] = [];
    const fetchFn: typeof fetch = async (input, init) => {
      const req = new Request(input, init);
      seen.push(req);
      return script(req, seen.length);
    };
    return { seen, fetchFn };
  }
  const xml = (body: string, status = 200) => new Response(body, { status, headers: { 'Content-Type': 'application/xml; charset=utf-8' } });

  it('sends an API token as Basic token:X, with the User-Agent, and never logs it', async () => {
    const { seen, fetchFn } = scripted(() => xml('<people type="array"/>'));
    const logs: RequestLog[] = [];
    const hr = new HighriseClient({ baseUrl: 'https://acme.highrisehq.com', tokens: apiTokenSource('s3cr3t-token'), config, fetch: fetchFn, log: (l) => logs.push(l) });
    await hr.request('GET', '/people/search.xml', { query: { 'criteria[email]': 'who@example.com' } });
    expect(seen[0].headers.get('authorization')).toBe(`Basic ${Buffer.from('s3cr3t-token:X').toString('base64')}`);
    expect(seen[0].headers.get('user-agent')).toBe('Skyline (tests@skyline.example)');
    expect(seen[0].redirect).toBe('manual');
    expect(logs).toEqual([expect.objectContaining({ method: 'GET', path: '/people/search.xml?criteria[email]=…', status: 200, retries: 0 })]);
    expect(JSON.stringify(logs)).not.toMatch(/s3cr3t|who@example/);
  });

  it('says a refused API token is a token problem, not a session', async () => {
    const { fetchFn } = scripted(() => new Response('HTTP Basic: Access denied.\n', { status: 401 }));
    const hr = new HighriseClient({ baseUrl: 'https://acme.highrisehq.com', tokens: apiTokenSource('bad'), config, fetch: fetchFn, log: () => {} });
    await expect(hr.request('GET', '/me.xml')).rejects.toMatchObject({ status: 401, code: 'bad_api_token' });
  });

  it('moves an account from http to https on a same-path redirect, but never from https to http', async () => {
    resetSchemeOverrides();
    const up = scripted((req, n) => (n === 1 ? new Response('', { status: 301, headers: { Location: req.url.replace('http:', 'https:') } }) : xml('<people type="array"/>')));
    const a = new HighriseClient({ baseUrl: 'http://up.highrisehq.com', tokens: apiTokenSource('t'), config, fetch: up.fetchFn, log: () => {} });
    expect((await a.request('GET', '/people.xml')).status).toBe(200);
    expect(up.seen.map((r) => r.url)).toEqual(['http://up.highrisehq.com/people.xml', 'https://up.highrisehq.com/people.xml']);

    const down = scripted((req) => new Response('', { status: 302, headers: { Location: req.url.replace('https:', 'http:') } }));
    const b = new HighriseClient({ baseUrl: 'https://down.highrisehq.com', tokens: apiTokenSource('t'), config, fetch: down.fetchFn, log: () => {} });
    await expect(b.request('POST', '/people.xml', { body: '<person/>' })).rejects.toMatchObject({ status: 502, code: 'upstream_redirect' });
    expect(down.seen).toHaveLength(1);
    resetSchemeOverrides();
  });

  it('does not spin on Retry-After: 0 — waits a floor and gives up after a bounded number of tries', async () => {
    const { seen, fetchFn } = scripted(() => new Response('busy', { status: 503, headers: { 'Retry-After': '0' } }));
    const hr = new HighriseClient({ baseUrl: 'https://busy.highrisehq.com', tokens: apiTokenSource('t'), config, fetch: fetchFn, log: () => {} });
    await expect(hr.request('GET', '/people.xml')).rejects.toMatchObject({ status: 503, code: 'rate_limited', retryAfter: 1 });
    expect(seen).toHaveLength(9);
  });

  it('sends query terms UTF-8 percent-encoded and a body as UTF-8 with its byte length (REAL-WORLD #9)', async () => {
    const { seen, fetchFn } = scripted(() => xml('<people type="array"/>'));
    const hr = new HighriseClient({ baseUrl: 'https://utf8.highrisehq.com', tokens: apiTokenSource('t'), config, fetch: fetchFn, log: () => {} });
    await hr.request('GET', '/people/search.xml', { query: { term: 'Zoë 東京 & co' } });
    expect(new URL(seen[0].url).search).toBe('?term=Zo%C3%AB+%E6%9D%B1%E4%BA%AC+%26+co');

    const body = '<person><first-name>Zoë 東京 😀</first-name></person>';
    await hr.request('POST', '/people.xml', { body });
    const sent = new Uint8Array(await seen[1].arrayBuffer());
    expect(sent).toEqual(new Uint8Array(Buffer.from(body, 'utf8')));
    expect(sent.byteLength).toBeGreaterThan(body.length);
    expect(seen[1].headers.get('content-type')).toBe('application/xml; charset=utf-8');
  });

  it('asks for the record back with ?reload=true, and reads it again when the PUT answers 200 with no body (REAL-WORLD #19)', async () => {
    const person = '<person><id type="integer">7</id><first-name>Fresh</first-name></person>';
    const { seen, fetchFn } = scripted((req) => (req.method === 'PUT' ? new Response('', { status: 200 }) : xml(person)));
    const hr = new HighriseClient({ baseUrl: 'https://reload.highrisehq.com', tokens: apiTokenSource('t'), config, fetch: fetchFn, log: () => {} });
    const updated = await hr.update(personResource, '/people/7.xml', '<person><first-name>Fresh</first-name></person>');
    expect(updated).toMatchObject({ id: 7, firstName: 'Fresh' });
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`)).toEqual(['PUT /people/7.xml?reload=true', 'GET /people/7.xml']);
  });

  it('getAll walks offsets, dedupes, and stops when Highrise ignores n', async () => {
    const person = (id: number) => `<person><id type="integer">${id}</id><first-name>P${id}</first-name></person>`;
    const { seen, fetchFn } = scripted(() => xml(`<people type="array">${person(1)}${person(2)}</people>`));
    const hr = new HighriseClient({ baseUrl: 'https://loop.highrisehq.com', tokens: apiTokenSource('t'), config, fetch: fetchFn, log: () => {} });
    const all = await hr.getAll(personResource, '/people.xml', { pageSize: 2 });
    expect(all.map((p) => p.id)).toEqual([1, 2]);
    expect(seen.map((r) => new URL(r.url).search)).toEqual(['?n=0', '?n=2']);
    expect(PAGE_SIZE).toMatchObject({ list: 500, search: 25, notes: 25, emails: 25, recordings: 25 });
  });
});
