// Groups and memberships: administrators only (403 with no body for everyone else).
import { Unprocessable } from '../party-write.js';
import { getGroup, getMembership, groupUserIds, insertRow, listGroups, listMemberships, updateRow } from '../records.js';
import { groupElement, membershipElement } from '../render-records.js';
import { getUser, isoSeconds, stmt } from '../store.js';
import { array, xmlDocument } from '../xml.js';
import { created, forbidden, guard, optionalInt, requiredText } from './common.js';
import { notFound, ok, readXmlBody, unprocessable, xml } from './respond.js';
import type { HighriseRequest, Route, RouteHandler } from './types.js';

const adminOnly = (handler: RouteHandler): RouteHandler => (r) => (r.user.admin === 1 ? handler(r) : forbidden(r));

function groupXml(r: HighriseRequest, id: number) {
  const g = getGroup(r.db, r.account.id, id);
  if (!g) return undefined;
  const users = groupUserIds(r.db, g.id).map((u) => getUser(r.db, r.account.id, u)).filter((u) => u !== undefined);
  return groupElement(g, users);
}

async function createGroup(r: HighriseRequest): Promise<Response> {
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  if (body.root.name !== 'group') return unprocessable(r.c, ["Name can't be blank"]);
  return guard(r, () => {
    const now = isoSeconds(r.nowMs);
    const id = insertRow(r.db, 'groups', { account_id: r.account.id, name: requiredText(body.root, ['name'], "Name can't be blank").trim(), created_at: now, updated_at: now });
    return created(r, `groups/${id}.xml`, xmlDocument(groupXml(r, id)!));
  });
}

async function renameGroup(r: HighriseRequest): Promise<Response> {
  const id = Number(r.params[0]);
  if (!getGroup(r.db, r.account.id, id)) return notFound(r.c);
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  return guard(r, () => {
    updateRow(r.db, 'groups', id, { name: requiredText(body.root, ['name'], "Name can't be blank").trim(), updated_at: isoSeconds(r.nowMs) });
    return ok(r.c);
  });
}

function deleteGroup(r: HighriseRequest): Response {
  const id = Number(r.params[0]);
  if (!getGroup(r.db, r.account.id, id)) return notFound(r.c);
  // Memberships go with the group; NamedGroup records of that group become visible to nobody but keep their group-id.
  stmt(r.db, 'DELETE FROM groups WHERE id = ?').run(id);
  return ok(r.c);
}

async function createMembership(r: HighriseRequest): Promise<Response> {
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  if (body.root.name !== 'membership') return unprocessable(r.c, ["User can't be blank"]);
  return guard(r, () => {
    const userId = optionalInt(body.root, ['user_id', 'user-id'], 'User');
    const groupId = optionalInt(body.root, ['group_id', 'group-id'], 'Group');
    if (userId == null || !getUser(r.db, r.account.id, userId)) throw new Unprocessable(['User does not exist']);
    if (groupId == null || !getGroup(r.db, r.account.id, groupId)) throw new Unprocessable(['Group does not exist']);
    if (stmt(r.db, 'SELECT 1 FROM memberships WHERE group_id = ? AND user_id = ?').get(groupId, userId)) throw new Unprocessable(['User has already been taken']);
    const now = isoSeconds(r.nowMs);
    const id = insertRow(r.db, 'memberships', { account_id: r.account.id, group_id: groupId, user_id: userId, created_at: now, updated_at: now });
    return created(r, `memberships/${id}.xml`, xmlDocument(membershipElement(getMembership(r.db, r.account.id, id)!)));
  });
}

export const groupRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/groups\.xml$/,
    handler: adminOnly((r) => xml(r.c, xmlDocument(array('groups', listGroups(r.db, r.account.id).map((g) => groupXml(r, g.id)!))))),
  },
  {
    method: 'GET', pattern: /^\/groups\/(\d+)\.xml$/,
    handler: adminOnly((r) => {
      const el = groupXml(r, Number(r.params[0]));
      return el ? xml(r.c, xmlDocument(el)) : notFound(r.c);
    }),
  },
  { method: 'POST', pattern: /^\/groups\.xml$/, handler: adminOnly(createGroup) },
  { method: 'PUT', pattern: /^\/groups\/(\d+)\.xml$/, handler: adminOnly(renameGroup) },
  { method: 'DELETE', pattern: /^\/groups\/(\d+)\.xml$/, handler: adminOnly(deleteGroup) },
  {
    method: 'GET', pattern: /^\/memberships\.xml$/,
    handler: adminOnly((r) => xml(r.c, xmlDocument(array('memberships', listMemberships(r.db, r.account.id).map(membershipElement))))),
  },
  {
    method: 'GET', pattern: /^\/memberships\/(\d+)\.xml$/,
    handler: adminOnly((r) => {
      const m = getMembership(r.db, r.account.id, Number(r.params[0]));
      return m ? xml(r.c, xmlDocument(membershipElement(m))) : notFound(r.c);
    }),
  },
  { method: 'POST', pattern: /^\/memberships\.xml$/, handler: adminOnly(createMembership) },
  {
    method: 'DELETE', pattern: /^\/memberships\/(\d+)\.xml$/,
    handler: adminOnly((r) => {
      const m = getMembership(r.db, r.account.id, Number(r.params[0]));
      if (!m) return notFound(r.c);
      stmt(r.db, 'DELETE FROM memberships WHERE id = ?').run(m.id);
      return ok(r.c);
    }),
  },
];
