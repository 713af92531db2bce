import { describe, expect, it } from 'vitest';
import { call, signIn, useSignedInApp, type CookieJar } from '../test/harness.js';
import type { ApiErrorBody, GroupsList, GroupsWithMembers, GroupWithMembers, Membership, One } from './types.js';

const json = async <T>(res: Response) => (await res.json()) as T;

// Mara (identity 1) administers Acme Outfitters (account 1); Jonas (identity 2) is a plain user there.
const env = useSignedInApp({ signIn: { identityId: 1, accountId: 1 } });

const MARA = 70001;
const JONAS = 70002;
const PRIYA = 70003;
const TOMAS = 70004;

interface GroupRow {
  id: number;
  account_id: number;
  name: string;
}
const storedGroup = (id: number) => env.sb.sandbox.db.prepare('SELECT * FROM groups WHERE id = ?').get(id) as GroupRow | undefined;
const storedMembers = (groupId: number) =>
  (env.sb.sandbox.db.prepare('SELECT user_id FROM memberships WHERE group_id = ? ORDER BY user_id').all(groupId) as { user_id: number }[]).map((r) => r.user_id);
const groupCount = () => (env.sb.sandbox.db.prepare('SELECT COUNT(*) AS n FROM groups').get() as { n: number }).n;

/** The sandbox's own XML API, as Highrise would answer it (Mara's seeded API token). */
async function sandboxXml(path: string): Promise<string> {
  const token = (env.sb.sandbox.db.prepare('SELECT token FROM users WHERE id = ?').get(MARA) as { token: string }).token;
  const res = await fetch(`${env.sb.origin}/sandbox/highrise/1${path}`, { headers: { Authorization: `Basic ${Buffer.from(`${token}:X`).toString('base64')}` } });
  expect(res.status, path).toBe(200);
  return res.text();
}

async function listWithMembers(jar: CookieJar = env.jar): Promise<GroupWithMembers[]> {
  const res = await call(env.app, jar, 'GET', '/api/groups?members=1');
  expect(res.status).toBe(200);
  return (await json<GroupsWithMembers>(res)).data;
}

async function create(name: string): Promise<GroupWithMembers> {
  const res = await call(env.app, env.jar, 'POST', '/api/groups', { name });
  expect(res.status).toBe(201);
  return (await json<One<GroupWithMembers>>(res)).data;
}

describe('GET /api/groups for forms (admin only in Highrise)', () => {
  it('an admin gets the groups without their members', async () => {
    const res = await call(env.app, env.jar, 'GET', '/api/groups');
    expect(res.status).toBe(200);
    const body = await json<GroupsList>(res);
    expect(body.available).toBe(true);
    expect(body.data.map((g) => g.name)).toEqual(expect.arrayContaining(['Sales team', 'Leadership']));
    expect(body.data.every((g) => g.users.length === 0)).toBe(true);
  });

  it('a non-admin gets available: false instead of an error', async () => {
    const { jar } = await signIn(env.app, { identityId: 2 });
    const res = await call(env.app, jar, 'GET', '/api/groups');
    expect(res.status).toBe(200);
    expect(await json<GroupsList>(res)).toEqual({ data: [], available: false });
  });
});

describe('managing groups as an administrator', () => {
  it('lists every group with its members, sorted by name', async () => {
    const groups = await listWithMembers();
    const sales = groups.find((g) => g.name === 'Sales team')!;
    const leadership = groups.find((g) => g.name === 'Leadership')!;
    expect(sales.members).toEqual([
      { userId: JONAS, name: 'Jonas Okafor', emailAddress: 'jonas@acme-outfitters.example' },
      { userId: MARA, name: 'Mara Lindqvist', emailAddress: 'mara@acme-outfitters.example' },
    ]);
    expect(leadership.members.map((m) => m.userId)).toEqual([MARA, PRIYA]);
    // Only this account's groups.
    expect(groups.every((g) => storedGroup(g.id)?.account_id === 1)).toBe(true);
  });

  it('creates a group with its name trimmed and escaped characters intact, empty at first', async () => {
    const group = await create('  R&D <core> team  ');
    expect(group).toEqual({ id: expect.any(Number), name: 'R&D <core> team', members: [] });
    expect(storedGroup(group.id)).toMatchObject({ account_id: 1, name: 'R&D <core> team' });
    expect(storedMembers(group.id)).toEqual([]);
    expect(await sandboxXml(`/groups/${group.id}.xml`)).toContain('<name>R&amp;D &lt;core&gt; team</name>');
    expect((await listWithMembers()).find((g) => g.id === group.id)).toEqual(group);
  });

  it('renames a group and answers with it as Highrise now has it, members included', async () => {
    const group = await create('Suport');
    await call(env.app, env.jar, 'POST', `/api/groups/${group.id}/members`, { userId: PRIYA });
    const res = await call(env.app, env.jar, 'PUT', `/api/groups/${group.id}`, { name: ' Support ' });
    expect(res.status).toBe(200);
    expect((await json<One<GroupWithMembers>>(res)).data).toEqual({
      id: group.id,
      name: 'Support',
      members: [{ userId: PRIYA, name: 'Priya Raman', emailAddress: 'priya@acme-outfitters.example' }],
    });
    expect(storedGroup(group.id)?.name).toBe('Support');
    expect(await sandboxXml(`/groups/${group.id}.xml`)).toContain('<name>Support</name>');
  });

  it('refuses a name another group has (any case or spacing), beside the name, and stores nothing', async () => {
    const before = groupCount();
    const twin = await call(env.app, env.jar, 'POST', '/api/groups', { name: '  sales   TEAM ' });
    expect(twin.status).toBe(422);
    const body = await json<ApiErrorBody>(twin);
    expect(body.error).toMatchObject({ code: 'name_taken', fields: { name: ['There is already a group called “Sales team”. Choose another name.'] } });
    expect(groupCount()).toBe(before);

    const other = await create(`Field crew ${Date.now()}`);
    const renamed = await call(env.app, env.jar, 'PUT', `/api/groups/${other.id}`, { name: 'Leadership' });
    expect(renamed.status).toBe(422);
    expect((await json<ApiErrorBody>(renamed)).error.code).toBe('name_taken');
    expect(storedGroup(other.id)?.name).toBe(other.name);
    // Its own name in another case is no clash.
    const recased = await call(env.app, env.jar, 'PUT', `/api/groups/${other.id}`, { name: other.name!.toUpperCase() });
    expect(recased.status).toBe(200);
  });

  it('deletes a group, and its memberships go with it', async () => {
    const group = await create('Short-lived');
    await call(env.app, env.jar, 'POST', `/api/groups/${group.id}/members`, { userId: JONAS });
    expect(storedMembers(group.id)).toEqual([JONAS]);
    const res = await call(env.app, env.jar, 'DELETE', `/api/groups/${group.id}`);
    expect(res.status).toBe(204);
    expect(storedGroup(group.id)).toBeUndefined();
    expect(storedMembers(group.id)).toEqual([]);
    expect((await listWithMembers()).some((g) => g.id === group.id)).toBe(false);
    // Deleting it again: the group is named as what is missing.
    const again = await call(env.app, env.jar, 'DELETE', `/api/groups/${group.id}`);
    expect(again.status).toBe(404);
    expect((await json<ApiErrorBody>(again)).error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/group no longer exists/) });
  });

  it('adds a member (a membership in Highrise) and removes them again', async () => {
    const group = await create('Field crew');
    const added = await call(env.app, env.jar, 'POST', `/api/groups/${group.id}/members`, { userId: TOMAS });
    expect(added.status).toBe(201);
    const membership = (await json<One<Membership>>(added)).data;
    expect(membership).toMatchObject({ id: expect.any(Number), groupId: group.id, userId: TOMAS });
    expect(storedMembers(group.id)).toEqual([TOMAS]);
    expect(await sandboxXml(`/memberships/${membership.id}.xml`)).toMatch(/<user-id type="integer">70004<\/user-id>/);
    expect((await listWithMembers()).find((g) => g.id === group.id)?.members).toEqual([
      { userId: TOMAS, name: 'Tomás Herrera', emailAddress: 'tomas@acme-outfitters.example' },
    ]);

    const removed = await call(env.app, env.jar, 'DELETE', `/api/groups/${group.id}/members/${TOMAS}`);
    expect(removed.status).toBe(204);
    expect(storedMembers(group.id)).toEqual([]);
    expect(await sandboxXml('/memberships.xml')).not.toContain(`<id type="integer">${membership.id}</id>`);
    expect((await listWithMembers()).find((g) => g.id === group.id)?.members).toEqual([]);
    // Other groups keep theirs.
    expect(storedMembers((await listWithMembers()).find((g) => g.name === 'Sales team')!.id)).toEqual([MARA, JONAS]);
  });

  it('adding someone already in the group says so, and stores nothing twice', async () => {
    const sales = (await listWithMembers()).find((g) => g.name === 'Sales team')!;
    const res = await call(env.app, env.jar, 'POST', `/api/groups/${sales.id}/members`, { userId: JONAS });
    expect(res.status).toBe(409);
    const { error } = await json<ApiErrorBody>(res);
    expect(error).toMatchObject({ code: 'already_member', message: 'That person is already a member of this group.' });
    expect(error.fields?.userId?.[0]).toMatch(/already a member/);
    expect(storedMembers(sales.id)).toEqual([MARA, JONAS]);
  });

  it('adding to a group that is gone, or a user the account does not have, is a sentence', async () => {
    const gone = await call(env.app, env.jar, 'POST', '/api/groups/999999/members', { userId: JONAS });
    expect(gone.status).toBe(404);
    expect((await json<ApiErrorBody>(gone)).error.message).toMatch(/group no longer exists/);
    const group = await create('Nobody yet');
    const stranger = await call(env.app, env.jar, 'POST', `/api/groups/${group.id}/members`, { userId: 999999 });
    expect(stranger.status).toBe(422);
    const { error } = await json<ApiErrorBody>(stranger);
    expect(error.message).toMatch(/not a user of this Highrise account/);
    expect(error.fields?.userId).toBeDefined();
    expect(storedMembers(group.id)).toEqual([]);
  });

  it('removing someone who is not a member is a 404 naming the missing membership', async () => {
    const leadership = (await listWithMembers()).find((g) => g.name === 'Leadership')!;
    const res = await call(env.app, env.jar, 'DELETE', `/api/groups/${leadership.id}/members/${JONAS}`);
    expect(res.status).toBe(404);
    const { error } = await json<ApiErrorBody>(res);
    expect(error.code).toBe('not_member');
    expect(error.message).toMatch(/not a member of this group, so there is no membership to remove/);
    expect(storedMembers(leadership.id)).toEqual([MARA, PRIYA]);
  });

  it('validates names and members with field messages, and never reaches Highrise', async () => {
    const before = groupCount();
    const cases: [unknown, RegExp][] = [
      [{ name: '   ' }, /Enter a name for the group/],
      [{}, /Enter a name for the group/],
      [{ name: 42 }, /Enter a name for the group/],
      [{ name: 'x'.repeat(256) }, /255 characters/],
      [{ name: 'Bell\u0007' }, /control character/],
      [{ name: 'Two\nlines' }, /control character/],
      [{ name: 'Lone \uD800 surrogate' }, /control character/],
    ];
    for (const [body, message] of cases) {
      for (const [method, url] of [['POST', '/api/groups'], ['PUT', '/api/groups/40001']] as const) {
        const res = await call(env.app, env.jar, method, url, body);
        expect(res.status, `${method} ${JSON.stringify(body)}`).toBe(400);
        const { error } = await json<ApiErrorBody>(res);
        expect(error.code).toBe('invalid');
        expect(error.fields?.name?.[0]).toMatch(message);
      }
    }
    expect((await call(env.app, env.jar, 'POST', '/api/groups', { name: 'Fine', colour: 'red' })).status).toBe(400);
    expect(groupCount()).toBe(before);
    expect(storedGroup(40001)?.name).toBe('Sales team');
    expect((await call(env.app, env.jar, 'POST', '/api/groups', { name: 'x'.repeat(255) })).status).toBe(201);
    expect(groupCount()).toBe(before + 1);

    for (const body of [{}, { userId: 'Jonas' }, { userId: 0 }, { userId: 1.5 }]) {
      const res = await call(env.app, env.jar, 'POST', '/api/groups/40001/members', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await json<ApiErrorBody>(res)).error.fields?.userId?.[0]).toBe('Choose a person to add.');
    }
    expect((await call(env.app, env.jar, 'DELETE', '/api/groups/abc')).status).toBe(400);
    expect((await call(env.app, env.jar, 'DELETE', '/api/groups/40001/members/abc')).status).toBe(400);
    expect(storedMembers(40001)).toEqual([MARA, JONAS]);
  });

  it('a group Highrise no longer has: renaming it is a 404 that names the group', async () => {
    const res = await call(env.app, env.jar, 'PUT', '/api/groups/999999', { name: 'Nobody' });
    expect(res.status).toBe(404);
    expect((await json<ApiErrorBody>(res)).error.message).toMatch(/That group no longer exists in Highrise/);
  });
});

describe('managing groups as someone who is not an administrator', () => {
  it('every change and the members list answer 403 with the sentence, and nothing changes', async () => {
    const { jar } = await signIn(env.app, { identityId: 2 });
    const before = groupCount();
    const attempts: [string, string, unknown][] = [
      ['GET', '/api/groups?members=1', undefined],
      ['POST', '/api/groups', { name: 'Jonas’s group' }],
      ['PUT', '/api/groups/40001', { name: 'Renamed by Jonas' }],
      ['DELETE', '/api/groups/40001', undefined],
      ['POST', '/api/groups/40002/members', { userId: JONAS }],
      ['DELETE', `/api/groups/40001/members/${MARA}`, undefined],
    ];
    for (const [method, url, body] of attempts) {
      const res = await call(env.app, jar, method, url, body);
      expect(res.status, `${method} ${url}`).toBe(403);
      const { error } = await json<ApiErrorBody>(res);
      expect(error).toMatchObject({ status: 403, code: 'admin_only', message: expect.stringMatching(/^Only account administrators can manage groups\./) });
    }
    expect(groupCount()).toBe(before);
    expect(storedGroup(40001)?.name).toBe('Sales team');
    expect(storedMembers(40001)).toEqual([MARA, JONAS]);
    expect(storedMembers(40002)).toEqual([MARA, PRIYA]);
  });
});
