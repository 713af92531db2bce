import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeApp, signIn, startSandboxServer, testConfig, type CookieJar, type SandboxServer, type TestApp } from '../test/harness.js';
import type { Deal, GroupsList, One, SubjectField } from './types.js';

/** Deal custom fields (definitions and values) and group visibility through the BFF, against the sandbox. */
let sb: SandboxServer;
let app: TestApp;
let mara: CookieJar; // admin, in Sales team and Leadership
let jonas: CookieJar; // in Sales team only, not an admin
const json = async <T>(res: Response) => (await res.json()) as T;

beforeAll(async () => {
  sb = await startSandboxServer({ limits: { deals: 10_000 } });
  app = makeApp(testConfig(sb.origin));
  ({ jar: mara } = await signIn(app, { identityId: 1, accountId: 1 }));
  ({ jar: jonas } = await signIn(app, { identityId: 2 }));
});
afterAll(() => sb?.close());

describe('deal custom fields', () => {
  it('lists the deal field definitions', async () => {
    const fields = (await json<{ data: SubjectField[] }>(await call(app, jonas, 'GET', '/api/custom-fields?type=deal'))).data;
    expect(fields).toEqual([expect.objectContaining({ id: 307, label: 'Expected close', type: 'deal' })]);
  });

  it('reads the seeded value, creates with a value, changes it by id and removes it', async () => {
    const seeded = (await json<One<Deal>>(await call(app, jonas, 'GET', '/api/deals/2000001'))).data;
    expect(seeded.customFields).toEqual([expect.objectContaining({ subjectFieldId: 307, subjectFieldLabel: 'Expected close', value: 'End of Q2' })]);

    const res = await call(app, jonas, 'POST', '/api/deals', { name: 'Fielded deal', customFields: [{ subjectFieldId: 307, value: 'Late\r\nJune' }] });
    expect(res.status).toBe(201);
    const deal = (await json<One<Deal>>(res)).data;
    expect(deal.customFields).toEqual([expect.objectContaining({ subjectFieldId: 307, value: 'Late\r\nJune' })]);
    const valueId = deal.customFields[0].id!;

    const changed = (await json<One<Deal>>(await call(app, jonas, 'PATCH', `/api/deals/${deal.id}`, { customFields: [{ id: valueId, value: 'July' }] }))).data;
    expect(changed.customFields).toEqual([expect.objectContaining({ id: valueId, value: 'July' })]);
    expect(changed.name).toBe('Fielded deal');

    const removed = (await json<One<Deal>>(await call(app, jonas, 'PATCH', `/api/deals/${deal.id}`, { customFields: [{ id: valueId, remove: true }] }))).data;
    expect(removed.customFields).toEqual([]);
    expect((sb.sandbox.db.prepare('SELECT count(*) AS n FROM deal_subject_datas WHERE deal_id = ?').get(deal.id) as { n: number }).n).toBe(0);
  });

  it('refuses a party field on a deal (Highrise 422)', async () => {
    const res = await call(app, jonas, 'POST', '/api/deals', { name: 'Wrong field', customFields: [{ subjectFieldId: 301, value: 'x' }] });
    expect(res.status).toBe(422);
  });
});

describe('deal visibility', () => {
  it('an admin sees the groups and shares a deal with one; a non-admin gets no groups (403 → available: false)', async () => {
    const groups = await json<GroupsList>(await call(app, mara, 'GET', '/api/groups'));
    expect(groups.available).toBe(true);
    expect(groups.data.map((g) => g.name)).toEqual(expect.arrayContaining(['Sales team', 'Leadership']));
    expect(await json<GroupsList>(await call(app, jonas, 'GET', '/api/groups'))).toEqual({ data: [], available: false });

    const leadership = groups.data.find((g) => g.name === 'Leadership')!.id!;
    const res = await call(app, mara, 'POST', '/api/deals', { name: 'Board-only deal', visibleTo: 'NamedGroup', groupId: leadership });
    expect(res.status).toBe(201);
    const deal = (await json<One<Deal>>(res)).data;
    expect(deal).toMatchObject({ visibleTo: 'NamedGroup', groupId: leadership });
    expect((await call(app, jonas, 'GET', `/api/deals/${deal.id}`)).status).toBe(404);

    // Back to everyone: visibility and group go together.
    const open = (await json<One<Deal>>(await call(app, mara, 'PATCH', `/api/deals/${deal.id}`, { visibleTo: 'Everyone', groupId: null }))).data;
    expect(open.visibleTo).toBe('Everyone');
    expect((await call(app, jonas, 'GET', `/api/deals/${deal.id}`)).status).toBe(200);
  });

  it('a group visibility needs its group', async () => {
    expect((await call(app, mara, 'POST', '/api/deals', { name: 'No group', visibleTo: 'NamedGroup' })).status).toBe(400);
  });
});
