import { describe, expect, it } from 'vitest';
import { insertParty } from './store.js';
import { PEOPLE, makeSandbox, parse } from './test-helpers.js';
import { SANDBOX_PASSWORD } from './auth.js';

describe('Highrise people reads', () => {
  const t = makeSandbox();

  it('answers 401 with the Rails plain-text body for missing or wrong credentials', async () => {
    for (const headers of [{}, t.basic('not-a-token'), { Authorization: 'Bearer nope' }]) {
      const res = await t.request(PEOPLE, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('HTTP Basic: Access denied.\n');
    }
  });

  it('refuses a token of another account (Northwind users are not Acme users)', async () => {
    const me = parse(await (await t.request('/sandbox/highrise/1/users.xml', { headers: t.basic() })).text());
    expect(me.users.user.length).toBeGreaterThanOrEqual(3);
    const res = await t.request('/sandbox/highrise/2/people.xml', { headers: t.basic() });
    expect(res.status).toBe(401);
  });

  it('renders the list with prolog, types, nil, contact data, subject_datas and tags', async () => {
    const res = await t.request(PEOPLE, { headers: t.basic() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const body = await res.text();
    expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<people type="array">')).toBe(true);
    expect(body).toContain('<owner-id type="integer" nil="true"></owner-id>');
    expect(body).toMatch(/<created-at type="datetime">20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/created-at>/);
    expect(body).toContain('<subject_datas type="array">');
    expect(body).toContain('<subject_field_label>Customer number</subject_field_label>');
    expect(body).toContain('<tags type="array">');
    expect(body).toContain('<email-addresses type="array">');
    expect(body).toMatch(/&#\d+;/); // non-ASCII as numeric character references
    expect(body).not.toMatch(/[^\x00-\x7f]/);
    const doc = parse(body);
    const people = doc.people.person;
    expect(people.length).toBeGreaterThanOrEqual(200);
    // Owner-only records of another user are hidden from the demo user.
    expect(people.every((p: { 'visible-to': string }) => p['visible-to'] !== 'Owner')).toBe(true);
    const names = people.map((p: { 'last-name': string | { '@_nil': string } }) => (typeof p['last-name'] === 'string' ? p['last-name'].toLowerCase() : ''));
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
  });

  it('gets one person, 404 for missing or invisible', async () => {
    const list = parse(await (await t.request(PEOPLE, { headers: t.basic() })).text());
    const id = list.people.person[0].id['#text'];
    const one = await t.request(`/sandbox/highrise/1/people/${id}.xml`, { headers: t.basic() });
    expect(one.status).toBe(200);
    expect(parse(await one.text()).person[0].id['#text']).toBe(id);
    expect((await t.request('/sandbox/highrise/1/people/999.xml', { headers: t.basic() })).status).toBe(404);
    const hidden = t.sandbox.db.prepare("SELECT id FROM parties WHERE account_id = 1 AND visible_to = 'Owner' LIMIT 1").get() as { id: number };
    expect((await t.request(`/sandbox/highrise/1/people/${hidden.id}.xml`, { headers: t.basic() })).status).toBe(404);
    expect((await t.request('/sandbox/highrise/1/nothing-here.xml', { headers: t.basic() })).status).toBe(404);
    expect((await t.request('/sandbox/highrise/77/people.xml', { headers: t.basic() })).status).toBe(404);
  });

  it('filters by title and tag_id', async () => {
    const byTitle = parse(await (await t.request(`${PEOPLE}?title=CEO`, { headers: t.basic() })).text());
    expect(byTitle.people.person.length).toBeGreaterThan(0);
    expect(byTitle.people.person.every((p: { title: string }) => p.title === 'CEO')).toBe(true);
    const tags = parse(await (await t.request('/sandbox/highrise/1/tags.xml', { headers: t.basic() })).text());
    const vip = tags.tags.tag.find((x: { name: string }) => x.name === 'VIP');
    const byTag = parse(await (await t.request(`${PEOPLE}?tag_id=${vip.id['#text']}`, { headers: t.basic() })).text());
    expect(byTag.people.person.length).toBeGreaterThan(0);
    for (const p of byTag.people.person) expect(p.tags.tag.some((x: { name: string }) => x.name === 'VIP')).toBe(true);
    const none = await (await t.request(`${PEOPLE}?tag_id=1`, { headers: t.basic() })).text();
    expect(none).toContain('<people type="array"/>');
  });

  it('orders by ascending updated_at with since', async () => {
    const doc = parse(await (await t.request(`${PEOPLE}?since=20250101000000`, { headers: t.basic() })).text());
    const stamps: string[] = doc.people.person.map((p: { 'updated-at': { '#text': string } }) => p['updated-at']['#text']);
    expect(stamps.length).toBeGreaterThan(0);
    expect(stamps.every((s) => s >= '2025-01-01T00:00:00Z')).toBe(true);
    expect([...stamps].sort()).toEqual(stamps);
    expect((await t.request(`${PEOPLE}?since=yesterday`, { headers: t.basic() })).status).toBe(422);
  });

  it('pages by offset in pages of exactly 500', async () => {
    const local = makeSandbox();
    const db = local.sandbox.db;
    db.transaction(() => {
      for (let i = 0; i < 400; i++) {
        insertParty(db, { account_id: 1, type: 'Person', first_name: `Bulk${i}`, last_name: 'Zzz', author_id: null, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' });
      }
    })();
    const visible = (db.prepare("SELECT count(*) AS n FROM parties WHERE account_id = 1 AND type = 'Person' AND visible_to <> 'Owner'").get() as { n: number }).n;
    const page = async (n: number) => parse(await (await local.request(`${PEOPLE}?n=${n}`, { headers: local.basic() })).text()).people.person ?? [];
    const first = await page(0);
    const second = await page(500);
    expect(first.length).toBe(500);
    expect(second.length).toBe(visible - 500);
    const ids = new Set([...first, ...second].map((p: { id: { '#text': string } }) => p.id['#text']));
    expect(ids.size).toBe(visible);
    expect(await page(1000)).toEqual([]);
  });

  it('answers /me.xml, and only /me.xml, to an email address and password (how an app obtains the API token)', async () => {
    const login = (user: string, password: string) => ({ Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64') });
    const me = await t.request('/sandbox/highrise/1/me.xml', { headers: login('Mara@acme-outfitters.example', SANDBOX_PASSWORD) });
    expect(me.status).toBe(200);
    expect(await me.text()).toContain(`<token>${t.sandbox.demo.apiToken}</token>`);
    expect((await t.request('/sandbox/highrise/1/me.xml', { headers: login('mara@acme-outfitters.example', 'wrong') })).status).toBe(401);
    expect((await t.request('/sandbox/highrise/1/people.xml', { headers: login('mara@acme-outfitters.example', SANDBOX_PASSWORD) })).status).toBe(401);
  });

  it('serves companies, company people, users, me, tags and subject fields', async () => {
    const companies = parse(await (await t.request('/sandbox/highrise/1/companies.xml', { headers: t.basic() })).text());
    expect(companies.companies.company.length).toBeGreaterThanOrEqual(40);
    const harbor = companies.companies.company.find((c: { name: string }) => c.name === 'Harbor & Finch Ltd');
    expect(harbor).toBeDefined();
    const cid = harbor.id['#text'];
    expect((await t.request(`/sandbox/highrise/1/companies/${cid}.xml`, { headers: t.basic() })).status).toBe(200);
    const staff = parse(await (await t.request(`/sandbox/highrise/1/companies/${cid}/people.xml`, { headers: t.basic() })).text());
    for (const p of staff.people.person ?? []) expect(p['company-id']['#text']).toBe(cid);

    const me = await (await t.request('/sandbox/highrise/1/me.xml', { headers: t.basic() })).text();
    expect(me).toContain(`<token>${t.sandbox.demo.apiToken}</token>`);
    expect(me).toContain('<dropbox>');
    const users = parse(await (await t.request('/sandbox/highrise/1/users.xml', { headers: t.basic() })).text());
    expect(users.users.user[0].admin['#text']).toBe('true');
    const uid = users.users.user[1].id['#text'];
    const user = await (await t.request(`/sandbox/highrise/1/users/${uid}.xml`, { headers: t.basic() })).text();
    expect(user).not.toContain('<token>');

    const fields = await (await t.request('/sandbox/highrise/1/subject_fields.xml', { headers: t.basic() })).text();
    expect(fields).toContain('<subject-fields type="array">\n  <subject-field>\n    <id type="integer">');
    expect(parse(fields)['subject-fields']['subject-field'].map((f: { label: string }) => f.label)).toEqual(['Customer number', 'Sales region', 'Birthday']);
    const tags = parse(await (await t.request('/sandbox/highrise/1/tags.xml', { headers: t.basic() })).text());
    expect(tags.tags.tag.length).toBe(12);
  });
});
