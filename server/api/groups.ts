import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { buildXml } from '../highrise/codec/build.js';
import type { HighriseClient } from '../highrise/client.js';
import { groupResource, type Group, type GroupWrite } from '../highrise/models/group.js';
import { membershipResource, type Membership, type MembershipWrite } from '../highrise/models/membership.js';
import { userResource, type User } from '../highrise/models/user.js';
import { HttpError } from '../http-error.js';
import { idParam, jsonBody } from './params.js';
import { groupCreateInput, groupMemberInput, groupUpdateInput } from './schemas/group.js';
import type { One } from './types.js';

/** `GET /api/groups`: what forms need to offer "visible to a group". */
export interface GroupsList {
  data: Group[];
  /** false when Highrise refused (groups are admin-only, a 403): forms then offer only Everyone and Only me. */
  available: boolean;
}

/** A user in a group, as the Groups settings page lists them. */
export interface GroupMember {
  userId: number;
  /** null when the user is no longer among the account's users. */
  name: string | null;
  emailAddress: string | null;
}

export interface GroupWithMembers {
  id: number;
  name: string | null;
  /** Sorted by name. */
  members: GroupMember[];
}

/** `GET /api/groups?members=1`: the Groups settings page. Administrators only (403 `admin_only` otherwise). */
export interface GroupsWithMembers {
  data: GroupWithMembers[];
}

const ADMIN_ONLY =
  'Only account administrators can manage groups. Ask an administrator of this Highrise account to add, rename or remove a group or change who is in it.';
const GROUP_GONE = 'That group no longer exists in Highrise (someone may have deleted it). Reload the list.';
const NOT_MEMBER = 'That person is not a member of this group, so there is no membership to remove (someone may have removed it already). Reload the list to see who is in the group.';
const ALREADY_MEMBER = 'That person is already a member of this group.';
const UNKNOWN_USER = 'That person is not a user of this Highrise account. Reload the page and choose someone from the list.';

/**
 * Highrise answers 403 to everyone but administrators (groups.md, memberships.md): say so in those
 * words. A 404 here is about the group (or the membership), not "a record".
 */
async function manage<T>(work: () => Promise<T>, notFound = GROUP_GONE): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof HttpError && e.status === 403) throw new HttpError(403, ADMIN_ONLY, { code: 'admin_only', cause: e });
    if (e instanceof HttpError && e.status === 404) throw new HttpError(404, notFound, { code: notFound === GROUP_GONE ? 'not_found' : 'not_member', cause: e });
    throw e;
  }
}

const byName = (a: { name: string | null }, b: { name: string | null }) => (a.name ?? '').localeCompare(b.name ?? '', undefined, { sensitivity: 'base' });

const member = (u: Pick<User, 'id' | 'name' | 'emailAddress'> & { id: number }): GroupMember => ({ userId: u.id, name: u.name, emailAddress: u.emailAddress });

/** A group as Highrise answers it for one group (users inside, groups.md "Get group"). */
function withUsers(g: Group): GroupWithMembers {
  const members = g.users.filter((u): u is User & { id: number } => u.id !== null).map(member);
  return { id: g.id!, name: g.name, members: members.sort(byName) };
}

/**
 * Every group with its members. The list's documented shape is "a collection of groups" (only the
 * single-group read promises its users), so members come from the memberships, named from the users.
 */
async function groupsWithMembers(highrise: HighriseClient): Promise<GroupWithMembers[]> {
  const [groups, memberships, users] = await Promise.all([
    highrise.getMany(groupResource, '/groups.xml'),
    highrise.getMany(membershipResource, '/memberships.xml'),
    highrise.getMany(userResource, '/users.xml'),
  ]);
  const userById = new Map(users.filter((u) => u.id !== null).map((u) => [u.id!, u]));
  return groups
    .filter((g): g is Group & { id: number } => g.id !== null)
    .map((g) => {
      const ids = new Set(memberships.filter((m) => m.groupId === g.id && m.userId !== null).map((m) => m.userId!));
      const members = [...ids].map((id) => {
        const u = userById.get(id);
        return member({ id, name: u?.name ?? null, emailAddress: u?.emailAddress ?? null });
      });
      return { id: g.id, name: g.name, members: members.sort(byName) };
    });
}

/**
 * Forms offer groups by name ("Visible to → Sales team"), so two groups of one name could not be told
 * apart there: refuse a name another group of the account has, whatever its case or spacing.
 */
async function refuseTakenName(highrise: HighriseClient, name: string, except?: number): Promise<void> {
  const key = (text: string | null) => (text ?? '').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  const taken = (await highrise.getMany(groupResource, '/groups.xml')).find((g) => g.id !== except && key(g.name) === key(name));
  if (taken) {
    const message = `There is already a group called “${taken.name}”. Choose another name.`;
    throw new HttpError(422, message, { code: 'name_taken', fields: { name: [message] } });
  }
}

async function membershipsOf(highrise: HighriseClient, groupId: number, userId: number): Promise<Membership[]> {
  return (await highrise.getMany(membershipResource, '/memberships.xml')).filter((m) => m.groupId === groupId && m.userId === userId);
}

/** Highrise's refusals of a membership ("User has already been taken", "Group does not exist"), as sentences. */
function membershipRefusal(e: unknown): unknown {
  if (!(e instanceof HttpError) || e.status !== 422) return e;
  if (/already been taken/i.test(e.message)) return new HttpError(409, ALREADY_MEMBER, { code: 'already_member', fields: { userId: [ALREADY_MEMBER] }, cause: e });
  if (/group does not exist/i.test(e.message)) return new HttpError(404, GROUP_GONE, { code: 'not_found', cause: e });
  if (/user does not exist/i.test(e.message)) return new HttpError(422, UNKNOWN_USER, { code: 'unknown_user', fields: { userId: [UNKNOWN_USER] }, cause: e });
  return e;
}

/**
 * Groups of users (groups.md) and who is in them (memberships.md). Reading the plain list is for
 * every form ("visible to a group"; non-administrators get `available: false`); everything else is
 * the Groups settings page, for administrators only.
 */
export const groupsRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const highrise = c.get('highrise');
    if (c.req.query('members') === '1') {
      return c.json<GroupsWithMembers>({ data: await manage(() => groupsWithMembers(highrise)) });
    }
    try {
      const data = await highrise.getMany(groupResource, '/groups.xml');
      // Members are not needed to pick a group; keep the payload small.
      return c.json<GroupsList>({ data: data.map((g) => ({ ...g, users: [] })), available: true });
    } catch (e) {
      // `/groups.xml` is admin-only; for a form a 403 is an answer ("not for you"), not a failure.
      if (e instanceof HttpError && e.status === 403) return c.json<GroupsList>({ data: [], available: false });
      throw e;
    }
  })
  .post('/', async (c) => {
    const { name } = await jsonBody(c, groupCreateInput);
    const write: GroupWrite = { name };
    const highrise = c.get('highrise');
    const group = await manage(async () => {
      await refuseTakenName(highrise, name);
      return highrise.create(groupResource, '/groups.xml', buildXml(groupResource, write, { mode: 'create' }));
    });
    return c.json<One<GroupWithMembers>>({ data: withUsers(group) }, 201);
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const { name } = await jsonBody(c, groupUpdateInput);
    const write: GroupWrite = { name };
    const highrise = c.get('highrise');
    const group = await manage(async () => {
      await refuseTakenName(highrise, name, id);
      return highrise.update(groupResource, `/groups/${id}.xml`, buildXml(groupResource, write, { mode: 'update' }));
    });
    return c.json<One<GroupWithMembers>>({ data: withUsers(group) });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await manage(() => c.get('highrise').delete(`/groups/${id}.xml`));
    return c.body(null, 204);
  })
  .post('/:id/members', async (c) => {
    const groupId = idParam(c);
    const { userId } = await jsonBody(c, groupMemberInput);
    const highrise = c.get('highrise');
    const data = await manage(async () => {
      // Asked first: Highrise refuses a second membership with "User has already been taken", but say it plainly either way.
      if ((await membershipsOf(highrise, groupId, userId)).length) throw new HttpError(409, ALREADY_MEMBER, { code: 'already_member', fields: { userId: [ALREADY_MEMBER] } });
      const write: MembershipWrite = { userId, groupId };
      try {
        return await highrise.create(membershipResource, '/memberships.xml', buildXml(membershipResource, write, { mode: 'create' }));
      } catch (e) {
        throw membershipRefusal(e);
      }
    });
    return c.json<One<Membership>>({ data }, 201);
  })
  .delete('/:id/members/:userId', async (c) => {
    const groupId = idParam(c);
    const userId = idParam(c, 'userId');
    const highrise = c.get('highrise');
    await manage(async () => {
      const found = await membershipsOf(highrise, groupId, userId);
      if (!found.length) throw new HttpError(404, NOT_MEMBER, { code: 'not_member' });
      // Normally one; remove every copy so the person is really out of the group.
      for (const m of found) await highrise.delete(`/memberships/${m.id}.xml`);
    }, NOT_MEMBER);
    return c.body(null, 204);
  });
