// Deals: list (n, status, since), new template, get, create, update (status ignored, nested parties
// refused; custom field values in <subject_datas>), status changes with status-changed-on, delete (with its
// notes, emails and files).
import { applyDealSubjectDatas, dealSubjectDatas, dealSubjectDatasElement } from '../deal-fields.js';
import { Unprocessable } from '../party-write.js';
import {
  type DealRow, countPendingDeals, dealPartyIds, deleteSubjectDependents, getCategory, getDeal, insertRow, queryDeals,
  recordDeletion, updateRow,
} from '../records.js';
import { dealElement, dealTemplate } from '../render-records.js';
import { getUser, isoSeconds, stmt } from '../store.js';
import { dateString, localDate } from '../time.js';
import { type XmlNode, child, leaf } from '../xml-read.js';
import { array, xmlDocument } from '../xml.js';
import { PAGE_SIZE } from './parties-list.js';
import { created, guard, insufficientStorage, optionalInt, readVisibility, resolveSubjectByType, sinceParam, visiblePartyBundles } from './common.js';
import { notFound, offsetParam, ok, readXmlBody, unprocessable, xml } from './respond.js';
import { subjectTags } from './tags.js';
import type { HighriseRequest, Route } from './types.js';

export const DEAL_STATUSES = ['pending', 'won', 'lost'];
const PRICE_TYPES = ['fixed', 'hour', 'month', 'year'];

function dealXml(r: HighriseRequest, deals: DealRow[]) {
  const partyIds = new Set<number>();
  const lists = new Map<number, number[]>();
  for (const d of deals) {
    const ids = dealPartyIds(r.db, d.id);
    lists.set(d.id, ids);
    ids.forEach((i) => partyIds.add(i));
    if (d.party_id != null) partyIds.add(d.party_id);
  }
  const bundles = new Map(visiblePartyBundles(r, [...partyIds]).map((b) => [b.party.id, b]));
  const datas = dealSubjectDatas(r.db, deals.map((d) => d.id));
  return deals.map((d) => dealElement(r, d, {
    category: d.category_id != null ? getCategory(r.db, 'deal', r.account.id, d.category_id) : undefined,
    party: d.party_id != null ? bundles.get(d.party_id) : undefined,
    parties: (lists.get(d.id) ?? []).map((i) => bundles.get(i)).filter((b) => b !== undefined),
    tags: subjectTags(r.db, 'Deal', d.id),
    subjectDatas: dealSubjectDatasElement(datas.get(d.id) ?? []),
  }));
}

async function list(r: HighriseRequest): Promise<Response> {
  const since = sinceParam(r);
  if (!since.ok) return since.response;
  const status = r.query.get('status') || undefined;
  if (status && !DEAL_STATUSES.includes(status)) return unprocessable(r.c, ['Status is not included in the list']);
  const rows = queryDeals(r.db, { accountId: r.account.id, viewerId: r.user.id, status, sinceIso: since.iso, offset: offsetParam(r.query), limit: PAGE_SIZE });
  return xml(r.c, xmlDocument(array('deals', dealXml(r, rows))));
}

function show(r: HighriseRequest): Response {
  const d = getDeal(r.db, r.account.id, r.user.id, Number(r.params[0]));
  return d ? xml(r.c, xmlDocument(dealXml(r, [d])[0])) : notFound(r.c);
}

/** Writable deal fields; status is never read here (it changes through /status.xml only). */
function readDeal(r: HighriseRequest, root: XmlNode, creating: boolean): Record<string, unknown> {
  // Echoed reads carry nested records; Highrise refuses them (REAL-WORLD #11), often without a message.
  if (child(root, 'party', 'parties', 'category')) throw new Unprocessable([]);
  const f: Record<string, unknown> = {};
  const name = leaf(root, 'name');
  if (name !== undefined) {
    if (name === null || name.trim() === '') throw new Unprocessable(["Name can't be blank"]);
    f.name = name;
  } else if (creating) throw new Unprocessable(["Name can't be blank"]);
  for (const col of ['background', 'currency']) {
    const v = leaf(root, col);
    if (v !== undefined) f[col] = v;
  }
  const priceType = leaf(root, 'price-type', 'price_type');
  if (priceType !== undefined) {
    if (priceType !== null && !PRICE_TYPES.includes(priceType)) throw new Unprocessable(['Price type is not included in the list']);
    f.price_type = priceType;
  }
  for (const [el, col] of [['price', 'price'], ['duration', 'duration']] as const) {
    const v = optionalInt(root, [el], el[0].toUpperCase() + el.slice(1));
    if (v !== undefined) f[col] = v;
  }
  // The party is set when the deal is created and cannot be changed through the API (REAL-WORLD #18):
  // an update that names one leaves the deal's party and parties as they were.
  const partyId = creating ? optionalInt(root, ['party-id', 'party_id'], 'Party') : undefined;
  if (partyId !== undefined) {
    if (partyId !== null && !resolveSubjectByType(r, 'Party', partyId)) throw new Unprocessable(['Party does not exist']);
    f.party_id = partyId;
  }
  const responsible = optionalInt(root, ['responsible-party-id', 'responsible_party_id'], 'Responsible party');
  if (responsible !== undefined) {
    if (responsible !== null && !getUser(r.db, r.account.id, responsible)) throw new Unprocessable(['Responsible party does not exist']);
    f.responsible_party_id = responsible;
  }
  const categoryId = optionalInt(root, ['category-id', 'category_id'], 'Category');
  if (categoryId !== undefined) {
    if (categoryId !== null && !getCategory(r.db, 'deal', r.account.id, categoryId)) throw new Unprocessable(['Category does not exist']);
    f.category_id = categoryId;
  }
  Object.assign(f, readVisibility(r, root, creating));
  return f;
}

async function create(r: HighriseRequest): Promise<Response> {
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  if (body.root.name !== 'deal') return unprocessable(r.c, ["Name can't be blank"]);
  return guard(r, () => {
    const now = isoSeconds(r.nowMs);
    const id = r.db.transaction(() => {
      const fields = readDeal(r, body.root, true);
      if (r.plan.deals !== undefined && countPendingDeals(r.db, r.account.id) >= r.plan.deals) return 'full' as const;
      const newId = insertRow(r.db, 'deals', {
        currency: 'USD', price_type: 'fixed', ...fields, status: 'pending', account_id: r.account.id, author_id: r.user.id, created_at: now, updated_at: now,
      });
      if (typeof fields.party_id === 'number') stmt(r.db, 'INSERT OR IGNORE INTO deal_parties (deal_id, party_id) VALUES (?, ?)').run(newId, fields.party_id);
      applyDealSubjectDatas(r.db, r.account.id, newId, body.root);
      return newId;
    })();
    if (id === 'full') return insufficientStorage(r);
    const d = getDeal(r.db, r.account.id, r.user.id, id);
    return d ? created(r, `deals/${id}.xml`, xmlDocument(dealXml(r, [d])[0])) : notFound(r.c);
  });
}

async function update(r: HighriseRequest): Promise<Response> {
  const id = Number(r.params[0]);
  if (!getDeal(r.db, r.account.id, r.user.id, id)) return notFound(r.c);
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  return guard(r, () => {
    r.db.transaction(() => {
      const fields = readDeal(r, body.root, false);
      updateRow(r.db, 'deals', id, { ...fields, updated_at: isoSeconds(r.nowMs) });
      applyDealSubjectDatas(r.db, r.account.id, id, body.root);
    })();
    if (r.query.get('reload') !== 'true') return ok(r.c);
    return show(r);
  });
}

async function status(r: HighriseRequest): Promise<Response> {
  const id = Number(r.params[0]);
  const deal = getDeal(r.db, r.account.id, r.user.id, id);
  if (!deal) return notFound(r.c);
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  const name = body.root.name === 'status' ? leaf(body.root, 'name') : leaf(body.root, 'status');
  if (name == null || !DEAL_STATUSES.includes(name.trim())) return unprocessable(r.c, ['Status is not included in the list']);
  const next = name.trim();
  if (next === 'pending' && deal.status !== 'pending' && r.plan.deals !== undefined && countPendingDeals(r.db, r.account.id) >= r.plan.deals) {
    return insufficientStorage(r);
  }
  // status-changed-on is a date: the account's local day of the change.
  updateRow(r.db, 'deals', id, {
    status: next, status_changed_on: dateString(localDate(r.account.time_zone, r.nowMs)), updated_at: isoSeconds(r.nowMs),
  });
  return ok(r.c);
}

function destroy(r: HighriseRequest): Response {
  const deal = getDeal(r.db, r.account.id, r.user.id, Number(r.params[0]));
  if (!deal) return notFound(r.c);
  const now = isoSeconds(r.nowMs);
  r.db.transaction(() => {
    deleteSubjectDependents(r.db, r.account.id, 'Deal', deal.id, now);
    stmt(r.db, 'DELETE FROM deals WHERE id = ?').run(deal.id);
    recordDeletion(r.db, r.account.id, 'Deal', deal.id, now);
  })();
  return ok(r.c);
}

export const dealRoutes: Route[] = [
  { method: 'GET', pattern: /^\/deals\.xml$/, handler: list },
  { method: 'GET', pattern: /^\/deals\/new\.xml$/, handler: (r) => xml(r.c, dealTemplate()) },
  { method: 'POST', pattern: /^\/deals\.xml$/, handler: create },
  { method: 'GET', pattern: /^\/deals\/(\d+)\.xml$/, handler: show },
  { method: 'PUT', pattern: /^\/deals\/(\d+)\.xml$/, handler: update },
  { method: 'PUT', pattern: /^\/deals\/(\d+)\/status\.xml$/, handler: status },
  { method: 'DELETE', pattern: /^\/deals\/(\d+)\.xml$/, handler: destroy },
];
