import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { buildXml } from '../highrise/codec/build.js';
import { taskCategoryResource, type CategoryWrite, type TaskCategory } from '../highrise/models/category.js';
import { idParam, jsonBody } from './params.js';
import { taskCategoryInput, taskCategoryUpdateInput } from './schemas/task.js';
import type { One } from './types.js';

/** Task categories (categories.md): /task_categories.xml, not paginated. */
export const taskCategoriesRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => c.json<{ data: TaskCategory[] }>({ data: await c.get('highrise').getMany(taskCategoryResource, '/task_categories.xml') }))
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<TaskCategory>>({ data: await c.get('highrise').getOne(taskCategoryResource, `/task_categories/${id}.xml`) });
  })
  .post('/', async (c) => {
    const input: CategoryWrite = await jsonBody(c, taskCategoryInput);
    const data = await c.get('highrise').create(taskCategoryResource, '/task_categories.xml', buildXml(taskCategoryResource, input, { mode: 'create' }));
    return c.json<One<TaskCategory>>({ data }, 201);
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const input: CategoryWrite = await jsonBody(c, taskCategoryUpdateInput);
    const data = await c.get('highrise').update(taskCategoryResource, `/task_categories/${id}.xml`, buildXml(taskCategoryResource, input, { mode: 'update' }));
    return c.json<One<TaskCategory>>({ data });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await c.get('highrise').delete(`/task_categories/${id}.xml`);
    return c.body(null, 204);
  });
