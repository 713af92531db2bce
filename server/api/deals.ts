import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { buildXml } from '../highrise/codec/build.js';
import { parseManyVariants } from '../highrise/codec/parse.js';
import { buildDealStatus, dealResource, DEAL_STATUSES, type DealStatus, type DealWrite } from '../highrise/models/deal.js';
import { noteResource } from '../highrise/models/note.js';
import { partyResource, type Party } from '../highrise/models/party.js';
import { HttpError } from '../http-error.js';
import { sendPage } from './list-page.js';
import { idParam, jsonBody, pageParam } from './params.js';
import { dealCreateInput, dealStatusInput, dealUpdateInput } from './schemas/deal.js';
import type { Deal, Note, One, Page, PartySummary } from './types.js';

/** Highrise's page size for deals (REAL-WORLD #20). */
export const DEALS_PAGE_SIZE = 500;
/** Highrise's page size for searches and notes. */
export const SEARCH_PAGE_SIZE = 25;

/** A person or company as a one-line choice (the deal form's party combobox). */
export function partySummary(p: Party): PartySummary {
  if (p.type === 'Company') return { id: p.id ?? 0, type: 'Company', name: p.name?.trim() || 'Unnamed company', detail: null };
  const name = [p.firstName, p.lastName].filter((s) => s && s.trim()).join(' ').trim() || 'Unnamed person';
  return { id: p.id ?? 0, type: 'Person', name, detail: [p.title, p.companyName].filter((s) => s && s.trim()).join(' at ') || null };
}

function isStatus(s: string): s is DealStatus {
  return (DEAL_STATUSES as readonly string[]).includes(s);
}

export const dealsRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const page = pageParam(c);
    const status = c.req.query('status');
    if (status !== undefined && !isStatus(status)) {
      throw new HttpError(400, 'A deal status is pending, won or lost.', { code: 'invalid', fields: { status: ['Must be pending, won or lost.'] } });
    }
    const list = await c.get('highrise').getManyJson(dealResource, '/deals.xml', { n: (page - 1) * DEALS_PAGE_SIZE, status });
    return sendPage<Deal>(c, list, page, DEALS_PAGE_SIZE);
  })
  // Before /:id so the word is not taken for an id.
  .get('/party-search', async (c) => {
    const term = (c.req.query('term') ?? '').trim();
    if (term.length === 0) throw new HttpError(400, 'Type part of a name to search for.', { code: 'invalid', fields: { term: ['Type at least one character.'] } });
    if (term.length > 255) throw new HttpError(400, 'That search is too long.', { code: 'invalid', fields: { term: ['Keep it under 255 characters.'] } });
    const res = await c.get('highrise').request('GET', '/parties/search.xml', { query: { term } });
    const data = parseManyVariants(partyResource, res.body).filter((p) => p.id !== null).map(partySummary);
    return c.json<{ data: PartySummary[] }>({ data });
  })
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<Deal>>({ data: await c.get('highrise').getOne(dealResource, `/deals/${id}.xml`) });
  })
  .get('/:id/notes', async (c) => {
    const id = idParam(c);
    const page = pageParam(c);
    const data = await c.get('highrise').getMany(noteResource, `/deals/${id}/notes.xml`, { n: (page - 1) * SEARCH_PAGE_SIZE });
    return c.json<Page<Note>>({ data, page: { number: page, size: SEARCH_PAGE_SIZE, hasMore: data.length === SEARCH_PAGE_SIZE } });
  })
  .post('/', async (c) => {
    const input: DealWrite = await jsonBody(c, dealCreateInput);
    const xml = buildXml(dealResource, input, { mode: 'create' });
    const data = await c.get('highrise').create(dealResource, '/deals.xml', xml);
    return c.json<One<Deal>>({ data }, 201);
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    // Only the writable scalars the person changed: never party/parties/category nested (REAL-WORLD #11, #18).
    const input: DealWrite = await jsonBody(c, dealUpdateInput);
    const xml = buildXml(dealResource, input, { mode: 'update' });
    const data = await c.get('highrise').update(dealResource, `/deals/${id}.xml`, xml);
    return c.json<One<Deal>>({ data });
  })
  .put('/:id/status', async (c) => {
    const id = idParam(c);
    const { status } = await jsonBody(c, dealStatusInput);
    if (!isStatus(status)) {
      // Highrise answers an unknown status with 422; say so before spending a request.
      throw new HttpError(422, 'A deal can only be pending, won or lost.', { code: 'rejected', fields: { status: ['Must be pending, won or lost.'] } });
    }
    const hr = c.get('highrise');
    try {
      await hr.request('PUT', `/deals/${id}/status.xml`, { body: buildDealStatus(status) });
    } catch (e) {
      if (e instanceof HttpError && e.status === 507) {
        throw new HttpError(507, 'Your Highrise plan allows no more pending deals, so this deal cannot go back to pending. Mark another pending deal won or lost (or upgrade the plan), then try again.', {
          code: 'plan_limit',
        });
      }
      throw e;
    }
    return c.json<One<Deal>>({ data: await hr.getOne(dealResource, `/deals/${id}.xml`) });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await c.get('highrise').delete(`/deals/${id}.xml`);
    return c.body(null, 204);
  });
