import { afterEach, describe, expect, it, vi } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { PEOPLE, makeSandbox } from './test-helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('rate limit', () => {
  it('answers 503 with Retry-After past the per-account limit, then recovers', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const t = makeSandbox({ rateLimit: { general: [3, 5], searchByEmail: [2, 10], recordings: [10, 10] } });
    const me = '/sandbox/highrise/1/me.xml';
    for (let i = 0; i < 3; i++) expect((await t.request(me, { headers: t.basic() })).status).toBe(200);
    vi.setSystemTime(new Date('2026-03-01T10:00:02Z'));
    const limited = await t.request(me, { headers: t.basic() });
    expect(limited.status).toBe(503);
    expect(limited.headers.get('retry-after')).toBe('3');
    // Another account has its own bucket.
    const northwind = t.sandbox.db.prepare('SELECT token FROM users WHERE account_id = 2 LIMIT 1').get() as { token: string };
    expect((await t.request('/sandbox/highrise/2/me.xml', { headers: t.basic(northwind.token) })).status).toBe(200);
    vi.setSystemTime(new Date('2026-03-01T10:00:05.001Z'));
    expect((await t.request(me, { headers: t.basic() })).status).toBe(200);
  });
});

describe('faults', () => {
  const t = makeSandbox();
  const addFault = async (spec: unknown) => {
    const res = await t.request('/sandbox/_faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(spec) });
    expect(res.status).toBe(201);
  };
  const countNamed = (name: string) => (t.sandbox.db.prepare('SELECT count(*) AS n FROM parties WHERE first_name = ?').get(name) as { n: number }).n;
  const create = (name: string) => t.request(PEOPLE, { method: 'POST', headers: t.xmlHeaders(), body: `<person><first-name>${name}</first-name></person>` });

  afterEach(async () => {
    await t.request('/sandbox/_faults', { method: 'DELETE' });
  });

  it('answers a canned status for the next matching requests only, without acting', async () => {
    await addFault({ match: { method: 'POST', path: '/people.xml' }, count: 2, action: { status: 503, headers: { 'Retry-After': '7' }, body: 'busy' } });
    const listed = await (await t.request('/sandbox/_faults')).json() as { remaining: number }[];
    expect(listed[0].remaining).toBe(2);
    expect((await t.request(PEOPLE, { headers: t.basic() })).status).toBe(200); // GET does not match
    for (let i = 0; i < 2; i++) {
      const res = await create('Faulty');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.text()).toBe('busy');
    }
    expect(countNamed('Faulty')).toBe(0);
    expect((await create('Faulty')).status).toBe(201);
    expect(await (await t.request('/sandbox/_faults')).json()).toEqual([]);
  });

  it('matches paths by regex too', async () => {
    await addFault({ match: { path: 'people/\\d+\\.xml$' }, count: 1, action: { status: 500 } });
    expect((await t.request(PEOPLE, { headers: t.basic() })).status).toBe(200);
    const id = t.sandbox.db.prepare("SELECT id FROM parties WHERE type = 'Person' AND visible_to = 'Everyone' AND account_id = 1 LIMIT 1").get() as { id: number };
    expect((await t.request(`/sandbox/highrise/1/people/${id.id}.xml`, { headers: t.basic() })).status).toBe(500);
  });

  it('resets the connection before acting, or after acting when asked', async () => {
    await addFault({ match: { method: 'POST' }, count: 1, action: { reset: true } });
    await expect(create('ResetBefore')).rejects.toThrow(TypeError);
    expect(countNamed('ResetBefore')).toBe(0);
    await addFault({ match: { method: 'POST' }, count: 1, action: { reset: true, after: true } });
    await expect(create('ResetAfter')).rejects.toThrow(TypeError);
    expect(countNamed('ResetAfter')).toBe(1);
  });

  it('hangs: before acting it never answers; after acting it answers late', async () => {
    await addFault({ match: { method: 'POST' }, count: 1, action: { hang: 30 } });
    const started = Date.now();
    await expect(create('HangBefore')).rejects.toThrow(TypeError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(countNamed('HangBefore')).toBe(0);
    await addFault({ match: { method: 'POST' }, count: 1, action: { hang: 30, after: true } });
    const res = await create('HangAfter');
    expect(res.status).toBe(201);
    expect(countNamed('HangAfter')).toBe(1);
  });

  it('truncates the XML body', async () => {
    const full = await (await t.request('/sandbox/highrise/1/me.xml', { headers: t.basic() })).text();
    await addFault({ match: { path: '/me.xml' }, count: 1, action: { truncate: true } });
    const res = await t.request('/sandbox/highrise/1/me.xml', { headers: t.basic() });
    expect(res.status).toBe(200);
    const cut = await res.text();
    expect(cut).toBe(full.slice(0, Math.floor(full.length / 2)));
    expect(XMLValidator.validate(cut)).not.toBe(true);
  });

  it('redirects to the other scheme or to /login', async () => {
    await addFault({ match: { path: '/people.xml' }, count: 1, action: { redirect: 'scheme' } });
    const res = await t.request(`${PEOPLE}?n=500`, { headers: t.basic() });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`https://127.0.0.1:4555${PEOPLE}?n=500`);
    await addFault({ match: { method: 'PUT' }, count: 1, action: { redirect: 'login' } });
    const put = await t.request('/sandbox/highrise/1/people/1000001.xml', { method: 'PUT', headers: t.xmlHeaders(), body: '<person><first-name>Changed</first-name></person>' });
    expect(put.status).toBe(302);
    expect(put.headers.get('location')).toBe('http://127.0.0.1:4555/login');
    expect(countNamed('Changed')).toBe(0);
  });

  it('validates fault specs and is absent when faults are off', async () => {
    const bad = await t.request('/sandbox/_faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ count: 1, action: { explode: true } }) });
    expect(bad.status).toBe(400);
    const off = makeSandbox({ faults: false });
    expect((await off.request('/sandbox/_faults', { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
