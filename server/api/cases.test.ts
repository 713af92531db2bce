import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, makeApp, signIn, startSandboxServer, testConfig, type CookieJar, type SandboxServer, type TestApp } from '../test/harness.js';
import type { ApiErrorBody, Kase, Note, One, Page } from './types.js';

let sb: SandboxServer;
let app: TestApp;
let jar: CookieJar;
const sent: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  sb = await startSandboxServer();
  const recording: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (init?.body instanceof Uint8Array) sent.push({ method: init.method ?? 'GET', url, body: new TextDecoder().decode(init.body) });
    return fetch(input, init);
  };
  app = makeApp(testConfig(sb.origin), { fetch: recording });
  ({ jar } = await signIn(app, { identityId: 2 }));
});
afterAll(() => sb.close());
afterEach(() => sb.clearFaults());

const json = async <T>(res: Response) => (await res.json()) as T;
let n = 0;
const uniqueName = (stem: string) => `${stem}-${Date.now()}-${++n}`;
const kaseRow = (id: number) => sb.sandbox.db.prepare('SELECT * FROM kases WHERE id = ?').get(id) as { name: string; closed_at: string | null } | undefined;

async function createCase(name = uniqueName('Case')): Promise<Kase> {
  const res = await call(app, jar, 'POST', '/api/cases', { name });
  expect(res.status).toBe(201);
  return (await json<One<Kase>>(res)).data;
}

describe('cases', () => {
  it('lists open and closed cases from /kases/open.xml and /kases/closed.xml', async () => {
    const open = await json<{ data: Kase[] }>(await call(app, jar, 'GET', '/api/cases'));
    const closed = await json<{ data: Kase[] }>(await call(app, jar, 'GET', '/api/cases?status=closed'));
    expect(open.data.length).toBeGreaterThan(0);
    expect(open.data.every((k) => k.closedAt === null)).toBe(true);
    expect(closed.data.every((k) => k.closedAt !== null)).toBe(true);
    expect((await call(app, jar, 'GET', '/api/cases?status=all')).status).toBe(400);
  });

  it('creates, renames, closes (closed-at now), reopens (empty closed-at) and deletes a case', async () => {
    const name = uniqueName('Leak & <drip>');
    const kase = await createCase(name);
    expect(kase).toMatchObject({ name, closedAt: null });

    const renamed = await json<One<Kase>>(await call(app, jar, 'PATCH', `/api/cases/${kase.id}`, { name: `${name} (renamed)` }));
    expect(renamed.data.name).toBe(`${name} (renamed)`);

    const before = Date.now();
    const closedRes = await call(app, jar, 'PATCH', `/api/cases/${kase.id}`, { closed: true });
    expect(closedRes.status).toBe(200);
    const closed = (await json<One<Kase>>(closedRes)).data;
    expect(closed.closedAt).not.toBeNull();
    expect(Math.abs(Date.parse(closed.closedAt!) - before)).toBeLessThan(60_000);
    expect(kaseRow(kase.id!)?.closed_at).not.toBeNull();
    const closedList = await json<{ data: Kase[] }>(await call(app, jar, 'GET', '/api/cases?status=closed'));
    expect(closedList.data.some((k) => k.id === kase.id)).toBe(true);
    expect(sent.filter((s) => s.method === 'PUT').at(-1)!.body).toMatch(/<kase><closed-at type="datetime">\d{4}-\d\d-\d\dT[\d:]+Z<\/closed-at><\/kase>$/);

    const reopened = (await json<One<Kase>>(await call(app, jar, 'PATCH', `/api/cases/${kase.id}`, { closed: false }))).data;
    expect(reopened.closedAt).toBeNull();
    expect(sent.filter((s) => s.method === 'PUT').at(-1)!.body).toMatch(/<kase><closed-at><\/closed-at><\/kase>$/);
    const openList = await json<{ data: Kase[] }>(await call(app, jar, 'GET', '/api/cases'));
    expect(openList.data.some((k) => k.id === kase.id)).toBe(true);

    expect((await call(app, jar, 'DELETE', `/api/cases/${kase.id}`)).status).toBe(204);
    expect(kaseRow(kase.id!)).toBeUndefined();
    expect((await call(app, jar, 'GET', `/api/cases/${kase.id}`)).status).toBe(404);
  });

  it('gets one case with its parties and lists its notes', async () => {
    const withParties = sb.sandbox.db.prepare('SELECT kase_id AS id FROM kase_parties LIMIT 1').get() as { id: number } | undefined;
    const id = withParties?.id ?? (await createCase()).id!;
    const res = await call(app, jar, 'GET', `/api/cases/${id}`);
    expect(res.status).toBe(200);
    const kase = (await json<One<Kase>>(res)).data;
    expect(Array.isArray(kase.parties)).toBe(true);
    if (withParties) expect(kase.parties.length).toBeGreaterThan(0);
    const notes = await call(app, jar, 'GET', `/api/cases/${id}/notes`);
    expect(notes.status).toBe(200);
    expect(Array.isArray((await json<Page<Note>>(notes)).data)).toBe(true);
    const tags = await call(app, jar, 'GET', `/api/cases/${id}/tags`);
    expect(tags.status).toBe(200);
    expect(Array.isArray((await json<{ data: unknown[] }>(tags)).data)).toBe(true);
    expect((await call(app, jar, 'GET', '/api/cases/999999999/tags')).status).toBe(404);
  });

  it('validates input: 400 for a blank name, unknown fields, parties, or a non-boolean closed', async () => {
    for (const body of [{ name: '' }, { name: 'x', parties: [] }, { name: 'x', closedAt: '2020-01-01' }]) {
      const res = await call(app, jar, 'POST', '/api/cases', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const kase = await createCase();
    const res = await call(app, jar, 'PATCH', `/api/cases/${kase.id}`, { closed: 'yes' });
    expect(res.status).toBe(400);
    expect((await json<ApiErrorBody>(res)).error.fields?.closed).toBeTruthy();
  });

  it('404s missing cases and 507s at the plan limit', async () => {
    expect((await call(app, jar, 'GET', '/api/cases/999999999')).status).toBe(404);
    expect((await call(app, jar, 'PATCH', '/api/cases/999999999', { name: 'x' })).status).toBe(404);
    expect((await call(app, jar, 'DELETE', '/api/cases/999999999')).status).toBe(404);
    await sb.fault({ match: { method: 'POST', path: '/kases.xml' }, count: 1, action: { status: 507, body: '' } });
    const res = await call(app, jar, 'POST', '/api/cases', { name: uniqueName('Full') });
    expect(res.status).toBe(507);
  });
});
