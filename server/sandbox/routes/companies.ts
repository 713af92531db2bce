// Companies: list, get (records a view), people of a company, create, update (reload=true), delete.
import { Unprocessable, applyContactData, applySubjectDatas } from '../party-write.js';
import { recordView } from '../records.js';
import { renderCompanies, renderCompany, renderPeople } from '../render.js';
import { type PartyFields, bundleParties, getParty, insertParty, isoSeconds, queryParties, updateParty } from '../store.js';
import { type XmlNode, child } from '../xml-read.js';
import { PAGE_SIZE, listFilters } from './parties-list.js';
import { destroyParty, readFields } from './people.js';
import { created, guard } from './common.js';
import { notFound, offsetParam, ok, readXmlBody, unprocessable, xml } from './respond.js';
import type { HighriseRequest, Route } from './types.js';

const COMPANY_TEXT_FIELDS: [string, keyof PartyFields][] = [['name', 'name'], ['background', 'background']];

async function list(r: HighriseRequest): Promise<Response> {
  const f = listFilters(r.query, false);
  if ('error' in f) return unprocessable(r.c, [f.error]);
  const rows = queryParties(r.db, { accountId: r.account.id, viewerId: r.user.id, type: 'Company', ...f });
  return xml(r.c, renderCompanies(r, bundleParties(r.db, rows)));
}

function load(r: HighriseRequest, id: number) {
  const row = getParty(r.db, r.account.id, r.user.id, 'Company', id);
  return row ? bundleParties(r.db, [row])[0] : undefined;
}

async function show(r: HighriseRequest): Promise<Response> {
  const b = load(r, Number(r.params[0]));
  if (!b) return notFound(r.c);
  recordView(r.db, r.user.id, b.party.id);
  return xml(r.c, renderCompany(r, b));
}

async function people(r: HighriseRequest): Promise<Response> {
  const companyId = Number(r.params[0]);
  if (!getParty(r.db, r.account.id, r.user.id, 'Company', companyId)) return notFound(r.c);
  const rows = queryParties(r.db, {
    accountId: r.account.id, viewerId: r.user.id, type: 'Person', companyId, offset: offsetParam(r.query), limit: PAGE_SIZE,
  });
  return xml(r.c, renderPeople(r, bundleParties(r.db, rows)));
}

function readCompany(r: HighriseRequest, root: XmlNode, creating: boolean): PartyFields {
  const fields = readFields(r, root, COMPANY_TEXT_FIELDS);
  if ((creating || fields.name !== undefined) && (fields.name == null || fields.name.trim() === '')) throw new Unprocessable(["Name can't be blank"]);
  return fields;
}

async function create(r: HighriseRequest): Promise<Response> {
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  const root = body.root;
  if (root.name !== 'company') return unprocessable(r.c, ["Name can't be blank"]);
  if (child(root, 'tags', 'avatar_url', 'avatar-url', 'avatar')) return unprocessable(r.c, []);
  return guard(r, () => {
    const now = isoSeconds(r.nowMs);
    const id = r.db.transaction(() => {
      const newId = insertParty(r.db, {
        visible_to: 'Everyone', ...readCompany(r, root, true), account_id: r.account.id, type: 'Company', author_id: r.user.id, created_at: now, updated_at: now,
      });
      applyContactData(r.db, newId, child(root, 'contact-data'));
      applySubjectDatas(r.db, r.account.id, newId, root);
      return newId;
    })();
    const b = load(r, id);
    return b ? created(r, `companies/${id}.xml`, renderCompany(r, b)) : notFound(r.c);
  });
}

async function update(r: HighriseRequest): Promise<Response> {
  const id = Number(r.params[0]);
  if (!load(r, id)) return notFound(r.c);
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  return guard(r, () => {
    r.db.transaction(() => {
      updateParty(r.db, id, { ...readCompany(r, body.root, false), updated_at: isoSeconds(r.nowMs) });
      applyContactData(r.db, id, child(body.root, 'contact-data'));
      applySubjectDatas(r.db, r.account.id, id, body.root);
    })();
    if (r.query.get('reload') !== 'true') return ok(r.c);
    const b = load(r, id);
    return b ? xml(r.c, renderCompany(r, b)) : notFound(r.c);
  });
}

function destroy(r: HighriseRequest): Response {
  const row = getParty(r.db, r.account.id, r.user.id, 'Company', Number(r.params[0]));
  if (!row) return notFound(r.c);
  destroyParty(r.db, row, isoSeconds(r.nowMs));
  return ok(r.c);
}

export const companyRoutes: Route[] = [
  { method: 'GET', pattern: /^\/companies\.xml$/, handler: list },
  { method: 'POST', pattern: /^\/companies\.xml$/, handler: create },
  { method: 'GET', pattern: /^\/companies\/(\d+)\.xml$/, handler: show },
  { method: 'PUT', pattern: /^\/companies\/(\d+)\.xml$/, handler: update },
  { method: 'DELETE', pattern: /^\/companies\/(\d+)\.xml$/, handler: destroy },
  { method: 'GET', pattern: /^\/companies\/(\d+)\/people\.xml$/, handler: people },
];
