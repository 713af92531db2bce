import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { malformed, parseManyVariants } from '../highrise/codec/parse.js';
import { companyResource } from '../highrise/models/company.js';
import { partyResource, type Party } from '../highrise/models/party.js';
import { personResource } from '../highrise/models/person.js';
import { isXml } from '../highrise/upstream-errors.js';
import { HttpError } from '../http-error.js';
import { pageParam } from './params.js';
import type { Page } from './types.js';

/** Highrise returns searches 25 at a time (REAL-WORLD #20). */
export const SEARCH_PAGE_SIZE = 25;

/** Criteria a person can search by besides the name; custom fields come as `cf.<label>`. */
export const SEARCH_CRITERIA = ['city', 'state', 'zip', 'country', 'phone', 'email'] as const;
const SCOPES = ['parties', 'people', 'companies'] as const;
type Scope = (typeof SCOPES)[number];

export interface RecentlyViewed {
  data: Party[];
  /** false when this Highrise does not offer the list (a 404, REAL-WORLD #24): the widget hides, the page does not fail. */
  available: boolean;
}

function bad(field: string, message: string): HttpError {
  return new HttpError(400, message, { code: 'bad_query', fields: { [field]: [message] } });
}

export const searchRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const scope = (c.req.query('scope') ?? 'parties') as Scope;
    if (!SCOPES.includes(scope)) throw bad('scope', 'scope must be parties, people or companies.');
    const page = pageParam(c);
    const term = (c.req.query('term') ?? '').trim();
    if (term.length > 255) throw bad('term', 'Keep the search under 255 characters.');
    const criteria: [string, string][] = [];
    for (const [key, value] of Object.entries(c.req.query())) {
      const v = value.trim();
      if (!v) continue;
      if ((SEARCH_CRITERIA as readonly string[]).includes(key)) criteria.push([key, v]);
      else if (key.startsWith('cf.')) {
        const label = key.slice(3).trim();
        if (!label || label.length > 255) throw bad(key, 'A custom field criterion needs the field name.');
        // Highrise's Contacts tab names a custom field criterion after its label, lower case with underscores.
        criteria.push([label.toLowerCase().replace(/\s+/g, '_'), v]);
      } else if (!['scope', 'page', 'term'].includes(key)) throw bad(key, `Searching by ${key} is not supported.`);
    }
    if (!term && criteria.length === 0) throw bad('term', 'Enter a name or at least one criterion to search for.');

    const query: Record<string, string | number> = { n: (page - 1) * SEARCH_PAGE_SIZE };
    if (term) query.term = term;
    // People and companies take criteria[...]; party search takes them as plain parameters (parties.md).
    for (const [k, v] of criteria) query[scope === 'parties' ? k : `criteria[${k}]`] = v;

    const hr = c.get('highrise');
    let data: Party[];
    if (scope === 'people') data = (await hr.getMany(personResource, '/people/search.xml', query)).map((p) => ({ type: 'Person' as const, ...p }));
    else if (scope === 'companies') data = (await hr.getMany(companyResource, '/companies/search.xml', query)).map((co) => ({ type: 'Company' as const, ...co }));
    else {
      const res = await hr.request('GET', '/parties/search.xml', { query });
      if (!isXml(res)) throw malformed('expected XML from /parties/search.xml');
      data = parseManyVariants(partyResource, res.body);
    }
    return c.json<Page<Party>>({ data, page: { number: page, size: SEARCH_PAGE_SIZE, hasMore: data.length === SEARCH_PAGE_SIZE } });
  })
  .get('/recent', async (c) => {
    try {
      const res = await c.get('highrise').request('GET', '/parties/parties.xml', { query: { scope: 'recently_viewed' } });
      if (!isXml(res)) throw malformed('expected XML from /parties/parties.xml');
      return c.json<RecentlyViewed>({ data: parseManyVariants(partyResource, res.body), available: true });
    } catch (e) {
      if (e instanceof HttpError && e.status === 404) return c.json<RecentlyViewed>({ data: [], available: false });
      throw e;
    }
  });

