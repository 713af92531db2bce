import { Unprocessable, VISIBILITIES, applyContactData, applySubjectDatas } from '../party-write.js';
import { renderPeople, renderPerson } from '../render.js';
import {
  type Db, type PartyFields, type PartyRow, bundleParties, companyExists, countPeople, deleteParty, findCompanyByName, getAccount, getParty,
  insertParty, isoSeconds, queryParties, updateParty,
} from '../store.js';
import { type XmlNode, child, intLeaf, leaf } from '../xml-read.js';
import { deleteSubjectDependents, recordView } from '../records.js';
import { listFilters } from './parties-list.js';
import { notFound, ok, readXmlBody, unprocessable, xml } from './respond.js';
import type { HighriseRequest, Route } from './types.js';

export const PERSON_TEXT_FIELDS: [string, keyof PartyFields][] = [
  ['first-name', 'first_name'], ['last-name', 'last_name'], ['title', 'title'], ['background', 'background'],
  ['linkedin-url', 'linkedin_url'],
];

/** Deletes a person or company with its notes, emails and tasks; deals keep existing without their party. */
export function destroyParty(db: Db, row: PartyRow, nowIso: string): void {
  db.transaction(() => {
    deleteSubjectDependents(db, row.account_id, 'Party', row.id, nowIso);
    db.prepare('UPDATE deals SET party_id = NULL WHERE party_id = ?').run(row.id);
    deleteParty(db, row, nowIso);
  })();
}

function loadPerson(r: HighriseRequest, id: number) {
  const row = getParty(r.db, r.account.id, r.user.id, 'Person', id);
  return row ? bundleParties(r.db, [row])[0] : undefined;
}

/** company-id wins when valid; otherwise company-name finds (case-insensitively) or creates a company. */
function resolveCompany(db: Db, accountId: number, root: XmlNode, nowIso: string): { company_id: number | null } | undefined {
  const companyId = intLeaf(root, 'company-id');
  if (companyId === 'invalid') throw new Unprocessable(['Company is invalid']);
  if (typeof companyId === 'number') {
    if (!companyExists(db, accountId, companyId)) throw new Unprocessable(['Company does not exist']);
    return { company_id: companyId };
  }
  const name = leaf(root, 'company-name');
  if (name === undefined) return companyId === null ? { company_id: null } : undefined;
  if (name === null || name.trim() === '') return { company_id: null };
  const found = findCompanyByName(db, accountId, name.trim());
  if (found) return { company_id: found.id };
  // Companies created on the fly have no author, as in recorded Highrise exports.
  const id = insertParty(db, { account_id: accountId, type: 'Company', name: name.trim(), author_id: null, created_at: nowIso, updated_at: nowIso });
  return { company_id: id };
}

export function readFields(r: HighriseRequest, root: XmlNode, textFields = PERSON_TEXT_FIELDS): PartyFields {
  const fields: PartyFields = {};
  for (const [el, col] of textFields) {
    const v = leaf(root, el);
    if (v !== undefined) (fields as Record<string, string | null>)[col] = v;
  }
  const visibleTo = leaf(root, 'visible-to');
  if (visibleTo !== undefined) {
    if (visibleTo === null || !VISIBILITIES.includes(visibleTo)) throw new Unprocessable(['Visible to is not included in the list']);
    fields.visible_to = visibleTo;
  }
  for (const [el, col] of [['owner-id', 'owner_id'], ['group-id', 'group_id']] as const) {
    const v = intLeaf(root, el);
    if (v === 'invalid') throw new Unprocessable([`${el} is invalid`]);
    if (v !== undefined) fields[col] = v;
  }
  if (fields.visible_to === 'Owner' && fields.owner_id == null) fields.owner_id = r.user.id;
  return fields;
}

async function list(r: HighriseRequest): Promise<Response> {
  const f = listFilters(r.query, true);
  if ('error' in f) return unprocessable(r.c, [f.error]);
  const rows = queryParties(r.db, { accountId: r.account.id, viewerId: r.user.id, type: 'Person', ...f });
  return xml(r.c, renderPeople(r, bundleParties(r.db, rows)));
}

async function show(r: HighriseRequest): Promise<Response> {
  const b = loadPerson(r, Number(r.params[0]));
  if (!b) return notFound(r.c);
  recordView(r.db, r.user.id, b.party.id);
  return xml(r.c, renderPerson(r, b));
}

async function create(r: HighriseRequest): Promise<Response> {
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  const root = body.root;
  if (root.name !== 'person') return unprocessable(r.c, ['First name can\'t be blank']);
  // Echoing a fetched record back is refused, often without a message (REAL-WORLD #11).
  if (child(root, 'tags', 'avatar_url', 'avatar-url', 'avatar')) return unprocessable(r.c, []);
  const nowIso = isoSeconds(r.nowMs);
  try {
    const id = r.db.transaction(() => {
      const limits = [getAccount(r.db, r.account.id)?.people_limit, r.plan.people].filter((v): v is number => v != null);
      if (limits.length > 0 && countPeople(r.db, r.account.id) >= Math.min(...limits)) return 'full' as const;
      const fields = readFields(r, root);
      if (!fields.first_name || fields.first_name.trim() === '') throw new Unprocessable(["First name can't be blank"]);
      const company = resolveCompany(r.db, r.account.id, root, nowIso);
      const newId = insertParty(r.db, {
        visible_to: 'Everyone', ...fields, ...company,
        account_id: r.account.id, type: 'Person', author_id: r.user.id, created_at: nowIso, updated_at: nowIso,
      });
      applyContactData(r.db, newId, child(root, 'contact-data'));
      applySubjectDatas(r.db, r.account.id, newId, root);
      return newId;
    })();
    if (id === 'full') return r.c.body(null, 507);
    const b = loadPerson(r, id);
    if (!b) return notFound(r.c);
    return xml(r.c, renderPerson(r, b), 201, { Location: `${r.base}/highrise/${r.account.id}/people/${id}.xml` });
  } catch (e) {
    if (e instanceof Unprocessable) return unprocessable(r.c, e.messages);
    throw e;
  }
}

async function update(r: HighriseRequest): Promise<Response> {
  const id = Number(r.params[0]);
  if (!loadPerson(r, id)) return notFound(r.c);
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  const root = body.root;
  const nowIso = isoSeconds(r.nowMs);
  try {
    r.db.transaction(() => {
      const fields = readFields(r, root);
      if (fields.first_name !== undefined && (fields.first_name === null || fields.first_name.trim() === '')) {
        throw new Unprocessable(["First name can't be blank"]);
      }
      const company = resolveCompany(r.db, r.account.id, root, nowIso);
      updateParty(r.db, id, { ...fields, ...company, updated_at: nowIso });
      applyContactData(r.db, id, child(root, 'contact-data'));
      applySubjectDatas(r.db, r.account.id, id, root);
    })();
  } catch (e) {
    if (e instanceof Unprocessable) return unprocessable(r.c, e.messages);
    throw e;
  }
  if (r.query.get('reload') !== 'true') return ok(r.c);
  const b = loadPerson(r, id);
  return b ? xml(r.c, renderPerson(r, b)) : notFound(r.c);
}

async function destroy(r: HighriseRequest): Promise<Response> {
  const row = getParty(r.db, r.account.id, r.user.id, 'Person', Number(r.params[0]));
  if (!row) return notFound(r.c);
  destroyParty(r.db, row, isoSeconds(r.nowMs));
  return ok(r.c);
}

export const peopleRoutes: Route[] = [
  { method: 'GET', pattern: /^\/people\.xml$/, handler: list },
  { method: 'POST', pattern: /^\/people\.xml$/, handler: create },
  { method: 'GET', pattern: /^\/people\/(\d+)\.xml$/, handler: show },
  { method: 'PUT', pattern: /^\/people\/(\d+)\.xml$/, handler: update },
  { method: 'DELETE', pattern: /^\/people\/(\d+)\.xml$/, handler: destroy },
];
