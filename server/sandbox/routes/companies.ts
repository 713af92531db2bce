import { renderCompanies, renderCompany, renderPeople } from '../render.js';
import { bundleParties, getParty, queryParties } from '../store.js';
import { PAGE_SIZE, listFilters } from './parties-list.js';
import { notFound, offsetParam, unprocessable, xml } from './respond.js';
import type { HighriseRequest, Route } from './types.js';

async function list(r: HighriseRequest): Promise<Response> {
  const f = listFilters(r.query, false);
  if ('error' in f) return unprocessable(r.c, [f.error]);
  const rows = queryParties(r.db, { accountId: r.account.id, viewerId: r.user.id, type: 'Company', ...f });
  return xml(r.c, renderCompanies(r, bundleParties(r.db, rows)));
}

async function show(r: HighriseRequest): Promise<Response> {
  const row = getParty(r.db, r.account.id, r.user.id, 'Company', Number(r.params[0]));
  return row ? xml(r.c, renderCompany(r, bundleParties(r.db, [row])[0])) : notFound(r.c);
}

async function people(r: HighriseRequest): Promise<Response> {
  const companyId = Number(r.params[0]);
  if (!getParty(r.db, r.account.id, r.user.id, 'Company', companyId)) return notFound(r.c);
  const rows = queryParties(r.db, {
    accountId: r.account.id, viewerId: r.user.id, type: 'Person', companyId, offset: offsetParam(r.query), limit: PAGE_SIZE,
  });
  return xml(r.c, renderPeople(r, bundleParties(r.db, rows)));
}

export const companyRoutes: Route[] = [
  { method: 'GET', pattern: /^\/companies\.xml$/, handler: list },
  { method: 'GET', pattern: /^\/companies\/(\d+)\.xml$/, handler: show },
  { method: 'GET', pattern: /^\/companies\/(\d+)\/people\.xml$/, handler: people },
];
