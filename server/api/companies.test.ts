import { describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { Company, One, Page, Person, SubjectField } from './types.js';


const env = useSignedInApp();

const json = async <T>(res: Response) => (await res.json()) as T;
let n = 0;
const uniqueName = (stem: string) => `${stem} ${Date.now()}-${++n}`;

describe('companies', () => {
  it('lists page 1 with hasMore false for the small seed, and rejects bad page and tag', async () => {
    const res = await call(env.app, env.jar, 'GET', '/api/companies');
    expect(res.status).toBe(200);
    const body = await json<Page<Company>>(res);
    expect(body.data.length).toBeGreaterThan(5);
    expect(body.page).toEqual({ number: 1, size: 500, hasMore: false });
    expect((await call(env.app, env.jar, 'GET', '/api/companies?page=0')).status).toBe(400);
    const badTag = await call(env.app, env.jar, 'GET', '/api/companies?tag=x');
    expect(badTag.status).toBe(400);
    expect((await json<{ error: { fields: Record<string, string[]> } }>(badTag)).error.fields.tag).toBeDefined();
  });

  it('filters companies by tag', async () => {
    const tag = env.sb.sandbox.db.prepare("SELECT t.id FROM tags t JOIN taggings g ON g.tag_id = t.id JOIN parties p ON p.id = g.party_id WHERE p.type = 'Company' AND p.account_id = 1 AND p.visible_to = 'Everyone' LIMIT 1").get() as { id: number };
    const body = await json<Page<Company>>(await call(env.app, env.jar, 'GET', `/api/companies?tag=${tag.id}`));
    expect(body.data.length).toBeGreaterThan(0);
    for (const co of body.data) expect(co.tags.map((t) => t.id)).toContain(tag.id);
  });

  it('creates a company with contact data and a custom field, updates it (removing a row by negative id), lists its people, deletes it', async () => {
    const fields = await json<{ data: SubjectField[] }>(await call(env.app, env.jar, 'GET', '/api/custom-fields'));
    const field = fields.data[0];
    const name = uniqueName('Fjord & Sons <Ltd>');
    const created = await call(env.app, env.jar, 'POST', '/api/companies', {
      name,
      background: 'Line one\nline two',
      visibleTo: 'Everyone',
      contactData: {
        emailAddresses: [{ address: 'hello@fjord.example', location: 'Work' }, { address: 'sales@fjord.example', location: 'Other' }],
        phoneNumbers: [{ number: '+47 22 00 00 00', location: 'Work' }],
        webAddresses: [{ url: 'https://fjord.example', location: 'Work' }],
      },
      customFields: [{ subjectFieldId: field.id!, value: 'North' }],
    });
    expect(created.status).toBe(201);
    const co = (await json<One<Company>>(created)).data;
    expect(co.name).toBe(name);
    expect(co.background).toBe('Line one\nline two');
    expect(co.contactData.emailAddresses).toHaveLength(2);
    expect(co.customFields.find((f) => f.subjectFieldId === field.id)?.value).toBe('North');

    const sales = co.contactData.emailAddresses.find((e) => e.address === 'sales@fjord.example')!;
    const updated = await call(env.app, env.jar, 'PATCH', `/api/companies/${co.id}`, {
      contactData: { emailAddresses: [{ id: sales.id!, remove: true, address: 'x@y.z' }] },
      customFields: [{ id: co.customFields[0].id!, value: 'South' }],
    });
    expect(updated.status).toBe(200);
    const after = (await json<One<Company>>(updated)).data;
    expect(after.contactData.emailAddresses.map((e) => e.address)).toEqual(['hello@fjord.example']);
    expect(after.customFields[0].value).toBe('South');

    // A person created in it shows up under the company.
    const person = await call(env.app, env.jar, 'POST', '/api/people', { firstName: uniqueName('Ingrid'), companyId: co.id! });
    expect(person.status).toBe(201);
    const people = await json<{ data: Person[] }>(await call(env.app, env.jar, 'GET', `/api/companies/${co.id}/people`));
    expect(people.data.map((p) => p.companyId)).toEqual([co.id]);

    expect((await call(env.app, env.jar, 'DELETE', `/api/companies/${co.id}`)).status).toBe(204);
    expect((await call(env.app, env.jar, 'GET', `/api/companies/${co.id}`)).status).toBe(404);
  });

  it('rejects an invalid company with field messages, and 404s a missing one', async () => {
    const res = await call(env.app, env.jar, 'POST', '/api/companies', { name: ' ', contactData: { emailAddresses: [{ address: 'nope' }] } });
    expect(res.status).toBe(400);
    const body = await json<{ error: { fields: Record<string, string[]> } }>(res);
    expect(Object.keys(body.error.fields).sort()).toEqual(['contactData.emailAddresses.0.address', 'name']);
    expect((await call(env.app, env.jar, 'POST', '/api/companies', { name: 'X', visibleTo: 'NamedGroup' })).status).toBe(400);
    expect((await call(env.app, env.jar, 'GET', '/api/companies/999999999')).status).toBe(404);
    expect((await call(env.app, env.jar, 'GET', '/api/companies/abc')).status).toBe(400);
  });
});

describe('people filters', () => {
  it('filters by title and by tag, and rejects a bad tag', async () => {
    const titled = env.sb.sandbox.db.prepare("SELECT title FROM parties WHERE type = 'Person' AND account_id = 1 AND visible_to = 'Everyone' AND title IS NOT NULL LIMIT 1").get() as { title: string };
    const byTitle = await json<Page<Person>>(await call(env.app, env.jar, 'GET', `/api/people?title=${encodeURIComponent(titled.title)}`));
    expect(byTitle.data.length).toBeGreaterThan(0);
    for (const p of byTitle.data) expect(p.title).toBe(titled.title);

    const tag = env.sb.sandbox.db.prepare("SELECT t.id FROM tags t JOIN taggings g ON g.tag_id = t.id JOIN parties p ON p.id = g.party_id WHERE p.type = 'Person' AND p.account_id = 1 AND p.visible_to = 'Everyone' LIMIT 1").get() as { id: number };
    const byTag = await json<Page<Person>>(await call(env.app, env.jar, 'GET', `/api/people?tag=${tag.id}`));
    expect(byTag.data.length).toBeGreaterThan(0);
    for (const p of byTag.data) expect(p.tags.map((t) => t.id)).toContain(tag.id);
    expect((await call(env.app, env.jar, 'GET', '/api/people?tag=-1')).status).toBe(400);
  });
});
