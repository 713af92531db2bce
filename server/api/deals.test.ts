import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetSchemeOverrides } from '../highrise/client.js';
import type { RequestLog } from '../highrise/request-log.js';
import { call, makeApp, signIn, startSandboxServer, testConfig, type CookieJar, type SandboxServer, type TestApp } from '../test/harness.js';
import type { ApiErrorBody, Deal, DealCategory, Note, One, Page, PartySummary } from './types.js';

let sb: SandboxServer;
let app: TestApp;
let jar: CookieJar;
const logs: RequestLog[] = [];
/** Raw XML bodies the BFF sent to Highrise, by path. */
const sent: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  sb = await startSandboxServer({ limits: { deals: 10_000 } });
  const recording: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (init?.body instanceof Uint8Array) sent.push({ method: init.method ?? 'GET', url, body: new TextDecoder().decode(init.body) });
    return fetch(input, init);
  };
  app = makeApp(testConfig(sb.origin), { fetch: recording, log: (l) => logs.push(l) });
  ({ jar } = await signIn(app, { identityId: 2 }));
});
afterAll(() => sb.close());
afterEach(async () => {
  await sb.clearFaults();
  resetSchemeOverrides();
});

const json = async <T>(res: Response) => (await res.json()) as T;
let n = 0;
const uniqueName = (stem: string) => `${stem}-${Date.now()}-${++n}`;

function dealRow(id: number) {
  return sb.sandbox.db.prepare('SELECT * FROM deals WHERE id = ?').get(id) as
    | { name: string; status: string; status_changed_on: string | null; category_id: number | null; price: number | null; currency: string; party_id: number | null; duration: number | null; price_type: string }
    | undefined;
}
function someCompanyId(): number {
  return (sb.sandbox.db.prepare("SELECT id FROM parties WHERE account_id = 1 AND type = 'Company' AND visible_to = 'Everyone' ORDER BY id LIMIT 1").get() as { id: number }).id;
}
function someUserId(): number {
  return (sb.sandbox.db.prepare('SELECT id FROM users WHERE account_id = 1 ORDER BY id LIMIT 1').get() as { id: number }).id;
}
async function createDeal(body: Record<string, unknown> = {}): Promise<Deal> {
  const res = await call(app, jar, 'POST', '/api/deals', { name: uniqueName('Deal'), ...body });
  expect(res.status).toBe(201);
  return (await json<One<Deal>>(res)).data;
}

describe('listing deals', () => {
  it('lists page 1 of deals with nested party and category, asking Highrise for n=0', async () => {
    const res = await call(app, jar, 'GET', '/api/deals');
    expect(res.status).toBe(200);
    const body = await json<Page<Deal>>(res);
    expect(body.data.length).toBeGreaterThan(10);
    expect(body.page).toMatchObject({ number: 1, size: 500 });
    expect(logs.some((l) => l.path === '/deals.xml?n=0')).toBe(true);
    const withCategory = body.data.find((d) => d.categoryId !== null);
    expect(withCategory?.category?.name).toBeTruthy();
    expect(body.data.every((d) => ['pending', 'won', 'lost'].includes(d.status ?? ''))).toBe(true);
  });

  it('asks for later pages by offset and filters by status', async () => {
    expect((await call(app, jar, 'GET', '/api/deals?page=2')).status).toBe(200);
    expect(logs.at(-1)?.path).toBe('/deals.xml?n=500');
    const won = await json<Page<Deal>>(await call(app, jar, 'GET', '/api/deals?status=won'));
    expect(won.data.every((d) => d.status === 'won')).toBe(true);
  });

  it('rejects a bad page or status with 400', async () => {
    expect((await call(app, jar, 'GET', '/api/deals?page=0')).status).toBe(400);
    const res = await call(app, jar, 'GET', '/api/deals?status=maybe');
    expect(res.status).toBe(400);
    expect((await json<ApiErrorBody>(res)).error.fields?.status).toBeTruthy();
  });

  it('needs a session', async () => {
    const res = await app.request('/api/deals');
    expect(res.status).toBe(401);
  });
});

describe('creating, reading and updating deals', () => {
  it('creates a deal for a company with price, duration, currency, category and responsible user', async () => {
    const partyId = someCompanyId();
    const deal = await createDeal({ partyId, categoryId: 55001, responsiblePartyId: someUserId(), currency: 'eur', price: 1200, priceType: 'month', duration: 6, background: 'Fjord & Sons <pilot>' });
    expect(deal).toMatchObject({ partyId, categoryId: 55001, currency: 'EUR', price: 1200, priceType: 'month', duration: 6, status: 'pending', background: 'Fjord & Sons <pilot>' });
    expect(deal.party?.type).toBe('Company');
    expect(deal.category?.name).toBe('Wholesale');
    const row = dealRow(deal.id!);
    expect(row).toMatchObject({ currency: 'EUR', price: 1200, price_type: 'month', duration: 6, category_id: 55001 });
    const body = sent.filter((s) => s.method === 'POST' && s.url.endsWith('/deals.xml')).at(-1)!.body;
    expect(body).toContain('<currency>EUR</currency>');
    expect(body).toContain('&amp;');
    expect(body).not.toContain('<status>');
  });

  it('gets one deal, and 404s a missing one', async () => {
    const deal = await createDeal();
    const res = await call(app, jar, 'GET', `/api/deals/${deal.id}`);
    expect(res.status).toBe(200);
    expect((await json<One<Deal>>(res)).data.name).toBe(deal.name);
    const missing = await call(app, jar, 'GET', '/api/deals/999999999');
    expect(missing.status).toBe(404);
    expect((await json<ApiErrorBody>(missing)).error.message).toMatch(/no longer exists/);
    expect((await call(app, jar, 'GET', '/api/deals/abc')).status).toBe(400);
  });

  it('validates: name, ISO 4217 currency, whole-number price, duration for timed prices, unknown fields', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x', currency: 'EURO' }, 'currency'],
      [{ name: 'x', currency: 'XYZ' }, 'currency'],
      [{ name: 'x', price: 10.5 }, 'price'],
      [{ name: 'x', price: -1 }, 'price'],
      [{ name: 'x', priceType: 'hour' }, 'duration'],
      [{ name: 'x', priceType: 'year', duration: 0 }, 'duration'],
      [{ name: 'x', priceType: 'weekly' }, 'priceType'],
      [{ name: 'x', status: 'won' }, '_'],
      [{ name: 'x', party: { id: 1 } }, '_'],
    ];
    for (const [body, field] of cases) {
      const res = await call(app, jar, 'POST', '/api/deals', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = await json<ApiErrorBody>(res);
      expect(Object.keys(err.error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
  });

  it('maps a Highrise 422 (unknown party) to a sentence', async () => {
    const res = await call(app, jar, 'POST', '/api/deals', { name: uniqueName('Ghost'), partyId: 999_999_999 });
    expect(res.status).toBe(422);
    expect((await json<ApiErrorBody>(res)).error.message).toMatch(/Party does not exist/);
  });

  it('updates only what changed, never the nested party, parties or category, and moves it to another category', async () => {
    const deal = await createDeal({ partyId: someCompanyId(), categoryId: 55001, price: 500, currency: 'USD' });
    const res = await call(app, jar, 'PATCH', `/api/deals/${deal.id}`, { categoryId: 55002 });
    expect(res.status).toBe(200);
    const updated = (await json<One<Deal>>(res)).data;
    expect(updated.categoryId).toBe(55002);
    expect(updated.category?.name).toBe('Retail');
    expect(updated.price).toBe(500);
    const body = sent.filter((s) => s.method === 'PUT' && s.url.includes(`/deals/${deal.id}.xml`)).at(-1)!.body;
    expect(body.replace(/^<\?xml[^>]*\?>\s*/, '')).toBe('<deal><category-id type="integer">55002</category-id></deal>');
    expect(body).not.toMatch(/<party>|<parties|<category>/);
    expect(dealRow(deal.id!)?.category_id).toBe(55002);
  });

  it('refuses to change a deal’s contact, which Highrise does not allow (REAL-WORLD #18), and changes nothing', async () => {
    const first = someCompanyId();
    const deal = await createDeal({ partyId: first });
    const other = (sb.sandbox.db.prepare("SELECT id FROM parties WHERE account_id = 1 AND visible_to = 'Everyone' AND id != ? ORDER BY id LIMIT 1").get(first) as { id: number }).id;
    const puts = () => sent.filter((s) => s.method === 'PUT' && s.url.includes(`/deals/${deal.id}.xml`)).length;
    const before = puts();
    const res = await call(app, jar, 'PATCH', `/api/deals/${deal.id}`, { partyId: other, name: 'Renamed' });
    expect(res.status).toBe(400);
    const error = (await json<ApiErrorBody>(res)).error;
    expect(error.fields?.partyId?.[0]).toMatch(/keeps the contact it was created with/);
    expect(puts()).toBe(before);
    expect(dealRow(deal.id!)).toMatchObject({ party_id: first });
  });

  it('the sandbox, like Highrise, keeps a deal’s party when an update names another', async () => {
    const first = someCompanyId();
    const deal = await createDeal({ partyId: first });
    const token = (await import('../sandbox/seed.js')).seededApiToken('1:2');
    const res = await fetch(`${sb.origin}/sandbox/highrise/1/deals/${deal.id}.xml?reload=true`, {
      method: 'PUT',
      headers: { Authorization: `Basic ${Buffer.from(`${token}:X`).toString('base64')}`, 'Content-Type': 'application/xml' },
      body: `<deal><name>Kept party</name><party-id type="integer">${someUserId()}</party-id></deal>`,
    });
    expect(res.status).toBe(200);
    expect(dealRow(deal.id!)).toMatchObject({ name: 'Kept party', party_id: first });
    const parties = sb.sandbox.db.prepare('SELECT party_id FROM deal_parties WHERE deal_id = ?').all(deal.id) as { party_id: number }[];
    expect(parties.map((p) => p.party_id)).toEqual([first]);
  });

  it('clears a category with null and rejects a bad update with 400', async () => {
    const deal = await createDeal({ categoryId: 55001 });
    const cleared = await json<One<Deal>>(await call(app, jar, 'PATCH', `/api/deals/${deal.id}`, { categoryId: null }));
    expect(cleared.data.categoryId).toBeNull();
    expect(cleared.data.category).toBeNull();
    expect((await call(app, jar, 'PATCH', `/api/deals/${deal.id}`, { price: 'lots' })).status).toBe(400);
    expect((await call(app, jar, 'PATCH', `/api/deals/${deal.id}`, { parties: [] })).status).toBe(400);
    expect((await call(app, jar, 'PATCH', '/api/deals/999999999', { name: 'x' })).status).toBe(404);
  });

  it('says plainly when the plan is full (507)', async () => {
    await sb.fault({ match: { method: 'POST', path: '/deals.xml' }, count: 1, action: { status: 507, headers: { 'Content-Type': 'application/xml' }, body: '' } });
    const res = await call(app, jar, 'POST', '/api/deals', { name: uniqueName('Full') });
    expect(res.status).toBe(507);
    expect((await json<ApiErrorBody>(res)).error.code).toBe('plan_limit');
  });
});

describe('deal status', () => {
  it('marks a deal won through the status endpoint: status and status-changed-on in Highrise', async () => {
    const deal = await createDeal();
    const res = await call(app, jar, 'PUT', `/api/deals/${deal.id}/status`, { status: 'won' });
    expect(res.status).toBe(200);
    const after = (await json<One<Deal>>(res)).data;
    expect(after.status).toBe('won');
    expect(after.statusChangedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dealRow(deal.id!)).toMatchObject({ status: 'won' });
    expect(dealRow(deal.id!)?.status_changed_on).toBe(after.statusChangedOn);
    const body = sent.filter((s) => s.url.includes(`/deals/${deal.id}/status.xml`)).at(-1)!.body;
    expect(body).toMatch(/<status><name>won<\/name><\/status>$/);
  });

  it('answers 422 for an unknown status without calling Highrise, 400 for no status, 404 for a missing deal', async () => {
    const deal = await createDeal();
    const before = sent.length;
    const res = await call(app, jar, 'PUT', `/api/deals/${deal.id}/status`, { status: 'maybe' });
    expect(res.status).toBe(422);
    expect((await json<ApiErrorBody>(res)).error.fields?.status).toBeTruthy();
    expect(sent.length).toBe(before);
    expect((await call(app, jar, 'PUT', `/api/deals/${deal.id}/status`, {})).status).toBe(400);
    expect((await call(app, jar, 'PUT', '/api/deals/999999999/status', { status: 'lost' })).status).toBe(404);
  });

  it('explains the pending-deal limit (507) in a sentence', async () => {
    const deal = await createDeal();
    await call(app, jar, 'PUT', `/api/deals/${deal.id}/status`, { status: 'lost' });
    await sb.fault({ match: { method: 'PUT', path: `/deals/${deal.id}/status.xml` }, count: 1, action: { status: 507, body: '' } });
    const res = await call(app, jar, 'PUT', `/api/deals/${deal.id}/status`, { status: 'pending' });
    expect(res.status).toBe(507);
    expect((await json<ApiErrorBody>(res)).error.message).toMatch(/no more pending deals/);
  });
});

describe('deleting deals and their notes', () => {
  it('lists a deal’s notes, then deletes the deal', async () => {
    const deal = await createDeal();
    const notes = await call(app, jar, 'GET', `/api/deals/${deal.id}/notes`);
    expect(notes.status).toBe(200);
    expect((await json<Page<Note>>(notes)).data).toEqual([]);
    expect((await call(app, jar, 'DELETE', `/api/deals/${deal.id}`)).status).toBe(204);
    expect(dealRow(deal.id!)).toBeUndefined();
    expect((await call(app, jar, 'DELETE', `/api/deals/${deal.id}`)).status).toBe(404);
  });
});

describe('party search', () => {
  it('finds people and companies by term as one-line summaries', async () => {
    const company = sb.sandbox.db.prepare('SELECT id, name FROM parties WHERE id = ?').get(someCompanyId()) as { id: number; name: string };
    const res = await call(app, jar, 'GET', `/api/deals/party-search?term=${encodeURIComponent(company.name.slice(0, 6))}`);
    expect(res.status).toBe(200);
    const { data } = await json<{ data: PartySummary[] }>(res);
    expect(data.some((p) => p.id === company.id && p.type === 'Company' && p.name === company.name)).toBe(true);
    expect(logs.at(-1)?.path).toMatch(/^\/parties\/search\.xml\?term=/);
  });

  it('needs a term', async () => {
    expect((await call(app, jar, 'GET', '/api/deals/party-search?term=%20')).status).toBe(400);
  });
});

describe('deal categories', () => {
  it('lists, creates, renames, recolors and deletes a category', async () => {
    const list = await json<{ data: DealCategory[] }>(await call(app, jar, 'GET', '/api/deal-categories'));
    expect(list.data.map((c) => c.name)).toContain('Wholesale');

    const name = uniqueName('Cat & Co');
    const created = await call(app, jar, 'POST', '/api/deal-categories', { name, color: '#FFCC33' });
    expect(created.status).toBe(201);
    const cat = (await json<One<DealCategory>>(created)).data;
    expect(cat).toMatchObject({ name, color: 'ffcc33' });

    const renamed = await json<One<DealCategory>>(await call(app, jar, 'PATCH', `/api/deal-categories/${cat.id}`, { name: `${name} 2` }));
    expect(renamed.data).toMatchObject({ name: `${name} 2`, color: 'ffcc33' });
    const recolored = await json<One<DealCategory>>(await call(app, jar, 'PATCH', `/api/deal-categories/${cat.id}`, { color: '00aa11' }));
    expect(recolored.data.color).toBe('00aa11');
    expect((await call(app, jar, 'GET', `/api/deal-categories/${cat.id}`)).status).toBe(200);

    expect((await call(app, jar, 'DELETE', `/api/deal-categories/${cat.id}`)).status).toBe(204);
    expect((await call(app, jar, 'GET', `/api/deal-categories/${cat.id}`)).status).toBe(404);
  });

  it('defaults the color to black and validates name and color', async () => {
    const cat = (await json<One<DealCategory>>(await call(app, jar, 'POST', '/api/deal-categories', { name: uniqueName('Plain') }))).data;
    expect(cat.color).toBe('000000');
    expect((await call(app, jar, 'POST', '/api/deal-categories', { name: '' })).status).toBe(400);
    expect((await call(app, jar, 'POST', '/api/deal-categories', { name: 'x', color: 'red' })).status).toBe(400);
    expect((await call(app, jar, 'PATCH', '/api/deal-categories/999999999', { name: 'x' })).status).toBe(404);
    expect((await call(app, jar, 'DELETE', '/api/deal-categories/999999999')).status).toBe(404);
  });

  it('a deal in a deleted category keeps existing without one', async () => {
    const cat = (await json<One<DealCategory>>(await call(app, jar, 'POST', '/api/deal-categories', { name: uniqueName('Temp') }))).data;
    const deal = await createDeal({ categoryId: cat.id });
    await call(app, jar, 'DELETE', `/api/deal-categories/${cat.id}`);
    const after = (await json<One<Deal>>(await call(app, jar, 'GET', `/api/deals/${deal.id}`))).data;
    expect(after.categoryId).toBeNull();
    expect(after.category).toBeNull();
  });
});
