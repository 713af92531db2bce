import { describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { BulkTagResult, One, Page, Party, Person, Tag } from './types.js';


const env = useSignedInApp();

const json = async <T>(res: Response) => (await res.json()) as T;
let n = 0;
async function newPerson(): Promise<Person> {
  const res = await call(env.app, env.jar, 'POST', '/api/people', { firstName: `Tagged ${Date.now()}-${++n}` });
  return (await json<One<Person>>(res)).data;
}

describe('tags', () => {
  it("lists the account's tags by name", async () => {
    const res = await call(env.app, env.jar, 'GET', '/api/tags');
    expect(res.status).toBe(200);
    const names = (await json<{ data: Tag[] }>(res)).data.map((t) => t.name ?? '');
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
  });

  it('adds a tag to a person (bare <name>, special characters kept), lists the tagged parties, removes it', async () => {
    const p = await newPerson();
    const name = `Fair & <Square> ${Date.now()}`;
    const added = await call(env.app, env.jar, 'POST', `/api/tags/people/${p.id}`, { name });
    expect(added.status).toBe(201);
    const tag = (await json<One<Tag>>(added)).data;
    expect(tag.name).toBe(name);
    // Adding the same name again is harmless (REAL-WORLD #17).
    expect((await call(env.app, env.jar, 'POST', `/api/tags/people/${p.id}`, { name })).status).toBe(201);

    const tagged = await json<Page<Party>>(await call(env.app, env.jar, 'GET', `/api/tags/${tag.id}/parties`));
    expect(tagged.data.map((x) => [x.type, x.id])).toEqual([['Person', p.id]]);
    const person = (await json<One<Person>>(await call(env.app, env.jar, 'GET', `/api/people/${p.id}`))).data;
    expect(person.tags.map((t) => t.name)).toEqual([name]);

    expect((await call(env.app, env.jar, 'DELETE', `/api/tags/people/${p.id}/${tag.id}`)).status).toBe(204);
    const afterRemove = (await json<One<Person>>(await call(env.app, env.jar, 'GET', `/api/people/${p.id}`))).data;
    expect(afterRemove.tags).toEqual([]);
  });

  it('tags and untags several contacts in bulk, reporting each one', async () => {
    const a = await newPerson();
    const b = await newPerson();
    const co = env.sb.sandbox.db.prepare("SELECT id FROM parties WHERE type = 'Company' AND account_id = 1 AND visible_to = 'Everyone' LIMIT 1").get() as { id: number };
    const name = `Bulk ${Date.now()}`;
    const res = await call(env.app, env.jar, 'POST', '/api/tags/bulk', {
      action: 'add',
      name,
      contacts: [
        { subject: 'people', id: a.id },
        { subject: 'people', id: b.id },
        { subject: 'companies', id: co.id },
        { subject: 'people', id: 999999999 },
      ],
    });
    expect(res.status).toBe(200);
    const results = (await json<{ data: BulkTagResult[] }>(res)).data;
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3].error).toBeTruthy();

    const tags = (await json<{ data: Tag[] }>(await call(env.app, env.jar, 'GET', '/api/tags'))).data;
    const tag = tags.find((t) => t.name === name)!;
    const tagged = await json<Page<Party>>(await call(env.app, env.jar, 'GET', `/api/tags/${tag.id}/parties`));
    expect(tagged.data).toHaveLength(3);

    const removed = await call(env.app, env.jar, 'POST', '/api/tags/bulk', { action: 'remove', tagId: tag.id, contacts: [{ subject: 'people', id: a.id }] });
    expect((await json<{ data: BulkTagResult[] }>(removed)).data).toEqual([{ subject: 'people', id: a.id, ok: true }]);
    expect((await json<Page<Party>>(await call(env.app, env.jar, 'GET', `/api/tags/${tag.id}/parties`))).data).toHaveLength(2);
  });

  it('validates: empty name, bad subject, bad ids, empty bulk selection; 404 for a missing tag', async () => {
    const p = await newPerson();
    const empty = await call(env.app, env.jar, 'POST', `/api/tags/people/${p.id}`, { name: '  ' });
    expect(empty.status).toBe(400);
    expect((await json<{ error: { fields: Record<string, string[]> } }>(empty)).error.fields.name).toBeDefined();
    expect((await call(env.app, env.jar, 'POST', `/api/tags/users/${p.id}`, { name: 'x' })).status).toBe(400);
    expect((await call(env.app, env.jar, 'DELETE', `/api/tags/people/${p.id}/abc`)).status).toBe(400);
    expect((await call(env.app, env.jar, 'POST', '/api/tags/bulk', { action: 'add', name: 'x', contacts: [] })).status).toBe(400);
    expect((await call(env.app, env.jar, 'POST', '/api/tags/bulk', { action: 'zap', contacts: [{ subject: 'people', id: 1 }] })).status).toBe(400);
    expect((await call(env.app, env.jar, 'GET', '/api/tags/999999999/parties')).status).toBe(404);
    expect((await call(env.app, env.jar, 'DELETE', `/api/tags/people/${p.id}/999999999`)).status).toBe(404);
  });
});
