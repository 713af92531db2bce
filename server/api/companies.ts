import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { buildXml } from '../highrise/codec/build.js';
import { companyResource, type CompanyWrite } from '../highrise/models/company.js';
import { personResource } from '../highrise/models/person.js';
import { HttpError } from '../http-error.js';
import { sendPage } from './list-page.js';
import { idParam, jsonBody, pageParam } from './params.js';
import { companyCreateInput, companyUpdateInput } from './schemas/company.js';
import type { Company, One, Person } from './types.js';

/** Highrise's page size for companies (REAL-WORLD #20). */
export const COMPANIES_PAGE_SIZE = 500;

/** `?tag=ID` (optional): a positive whole number or a 400. */
export function optionalIdQuery(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new HttpError(400, `${name} must be a record id (a whole number).`, { code: 'bad_query', fields: { [name]: ['Must be a positive whole number.'] } });
  return Number(raw);
}

export const companiesRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const page = pageParam(c);
    const tagId = optionalIdQuery(c.req.query('tag'), 'tag');
    const list = await c.get('highrise').getManyJson(companyResource, '/companies.xml', { n: (page - 1) * COMPANIES_PAGE_SIZE, tag_id: tagId });
    return sendPage<Company>(c, list, page, COMPANIES_PAGE_SIZE);
  })
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<Company>>({ data: await c.get('highrise').getOne(companyResource, `/companies/${id}.xml`) });
  })
  .get('/:id/people', async (c) => {
    const id = idParam(c);
    const data = await c.get('highrise').getMany(personResource, `/companies/${id}/people.xml`);
    return c.json<{ data: Person[] }>({ data });
  })
  .post('/', async (c) => {
    const input: CompanyWrite = await jsonBody(c, companyCreateInput);
    const xml = buildXml(companyResource, input, { mode: 'create' });
    const data = await c.get('highrise').create(companyResource, '/companies.xml', xml);
    return c.json<One<Company>>({ data }, 201);
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const input: CompanyWrite = await jsonBody(c, companyUpdateInput);
    const xml = buildXml(companyResource, input, { mode: 'update' });
    const data = await c.get('highrise').update(companyResource, `/companies/${id}.xml`, xml);
    return c.json<One<Company>>({ data });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await c.get('highrise').delete(`/companies/${id}.xml`);
    return c.body(null, 204);
  });
