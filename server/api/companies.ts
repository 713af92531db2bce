import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { companyResource } from '../highrise/models/company.js';
import { idParam, pageParam } from './params.js';
import type { Company, One, Page } from './types.js';

export const COMPANIES_PAGE_SIZE = 500;

export const companiesRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const page = pageParam(c);
    const data = await c.get('highrise').getMany(companyResource, '/companies.xml', { n: (page - 1) * COMPANIES_PAGE_SIZE });
    return c.json<Page<Company>>({ data, page: { number: page, size: COMPANIES_PAGE_SIZE, hasMore: data.length === COMPANIES_PAGE_SIZE } });
  })
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<Company>>({ data: await c.get('highrise').getOne(companyResource, `/companies/${id}.xml`) });
  });
