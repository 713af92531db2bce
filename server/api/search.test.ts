import { afterEach, describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { Page, Party, RecentlyViewed } from './types.js';


const env = useSignedInApp();
afterEach(() => env.sb.clearFaults());

const json = async <T>(res: Response) => (await res.json()) as T;
const visiblePerson = () =>
  env.sb.sandbox.db.prepare("SELECT id, first_name, last_name FROM parties WHERE type = 'Person' AND account_id = 1 AND visible_to = 'Everyone' AND last_name IS NOT NULL ORDER BY id LIMIT 1").get() as { id: number; first_name: string; last_name: string };

describe('search', () => {
  it('finds people by term, typed as Person, pages of 25', async () => {
    const p = visiblePerson();
    const res = await call(env.app, env.jar, 'GET', `/api/search?scope=people&term=${encodeURIComponent(p.last_name)}`);
    expect(res.status).toBe(200);
    const body = await json<Page<Party>>(res);
    expect(body.page.size).toBe(25);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((x) => x.type === 'Person')).toBe(true);
    expect(body.data.some((x) => x.id === p.id)).toBe(true);
  });

  it('finds companies and parties by term; parties mix both types', async () => {
    const co = env.sb.sandbox.db.prepare("SELECT name FROM parties WHERE type = 'Company' AND account_id = 1 AND visible_to = 'Everyone' LIMIT 1").get() as { name: string };
    const companies = await json<Page<Party>>(await call(env.app, env.jar, 'GET', `/api/search?scope=companies&term=${encodeURIComponent(co.name)}`));
    expect(companies.data.some((x) => x.type === 'Company' && x.name === co.name)).toBe(true);
    const parties = await json<Page<Party>>(await call(env.app, env.jar, 'GET', '/api/search?term=a'));
    expect(new Set(parties.data.map((x) => x.type)).size).toBe(2);
    expect(parties.data).toHaveLength(25);
    expect(parties.page.hasMore).toBe(true);
    const page2 = await json<Page<Party>>(await call(env.app, env.jar, 'GET', '/api/search?term=a&page=2'));
    expect(page2.data[0].id).not.toBe(parties.data[0].id);
  });

  it('searches by criteria: city, and a custom field by its label', async () => {
    const city = env.sb.sandbox.db.prepare("SELECT c.city FROM contacts c JOIN parties p ON p.id = c.party_id WHERE c.kind = 'address' AND p.type = 'Person' AND p.account_id = 1 AND p.visible_to = 'Everyone' AND c.city IS NOT NULL LIMIT 1").get() as { city: string };
    const byCity = await json<Page<Party>>(await call(env.app, env.jar, 'GET', `/api/search?scope=people&city=${encodeURIComponent(city.city)}`));
    expect(byCity.data.length).toBeGreaterThan(0);
    for (const x of byCity.data) expect(x.contactData.addresses.some((a) => a.city === city.city)).toBe(true);

    const cf = env.sb.sandbox.db.prepare("SELECT f.label, d.value FROM subject_datas d JOIN subject_fields f ON f.id = d.subject_field_id JOIN parties p ON p.id = d.party_id WHERE p.account_id = 1 AND p.visible_to = 'Everyone' AND d.value <> '' LIMIT 1").get() as { label: string; value: string };
    const byField = await json<Page<Party>>(await call(env.app, env.jar, 'GET', `/api/search?scope=parties&${encodeURIComponent(`cf.${cf.label}`)}=${encodeURIComponent(cf.value)}`));
    expect(byField.data.length).toBeGreaterThan(0);
    for (const x of byField.data) expect(x.customFields.some((f) => f.subjectFieldLabel === cf.label && f.value?.toLowerCase().includes(cf.value.toLowerCase()))).toBe(true);
  });

  it('answers 400 for no term and no criteria, an unknown criterion, a bad scope', async () => {
    expect((await call(env.app, env.jar, 'GET', '/api/search?scope=people')).status).toBe(400);
    expect((await call(env.app, env.jar, 'GET', '/api/search?term=x&shoe=42')).status).toBe(400);
    expect((await call(env.app, env.jar, 'GET', '/api/search?term=x&scope=deals')).status).toBe(400);
  });

  it('lists recently viewed contacts; a 404 from Highrise means "not available", not an error', async () => {
    const p = visiblePerson();
    await call(env.app, env.jar, 'GET', `/api/people/${p.id}`);
    const res = await call(env.app, env.jar, 'GET', '/api/search/recent');
    expect(res.status).toBe(200);
    const body = await json<RecentlyViewed>(res);
    expect(body.available).toBe(true);
    expect(body.data[0]).toMatchObject({ type: 'Person', id: p.id });

    await env.sb.fault({ match: { path: '/parties/parties.xml' }, action: { status: 404, body: '' } });
    const missing = await call(env.app, env.jar, 'GET', '/api/search/recent');
    expect(missing.status).toBe(200);
    expect(await json<RecentlyViewed>(missing)).toEqual({ data: [], available: false });
  });
});
