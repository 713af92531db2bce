import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { buildXml } from '../highrise/codec/build.js';
import { dealCategoryResource, type CategoryWrite } from '../highrise/models/category.js';
import { idParam, jsonBody } from './params.js';
import { categoryCreateInput, categoryUpdateInput } from './schemas/category.js';
import type { DealCategory, One } from './types.js';

export const dealCategoriesRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const data = await c.get('highrise').getMany(dealCategoryResource, '/deal_categories.xml');
    return c.json<{ data: DealCategory[] }>({ data });
  })
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<DealCategory>>({ data: await c.get('highrise').getOne(dealCategoryResource, `/deal_categories/${id}.xml`) });
  })
  .post('/', async (c) => {
    const input: CategoryWrite = await jsonBody(c, categoryCreateInput);
    const data = await c.get('highrise').create(dealCategoryResource, '/deal_categories.xml', buildXml(dealCategoryResource, input, { mode: 'create' }));
    return c.json<One<DealCategory>>({ data }, 201);
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const input: CategoryWrite = await jsonBody(c, categoryUpdateInput);
    const data = await c.get('highrise').update(dealCategoryResource, `/deal_categories/${id}.xml`, buildXml(dealCategoryResource, input, { mode: 'update' }));
    return c.json<One<DealCategory>>({ data });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await c.get('highrise').delete(`/deal_categories/${id}.xml`);
    return c.body(null, 204);
  });
