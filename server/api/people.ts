import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { buildXml } from '../highrise/codec/build.js';
import { personResource, type PersonWrite } from '../highrise/models/person.js';
import { HttpError } from '../http-error.js';
import { sendPage } from './list-page.js';
import { optionalIdQuery } from './companies.js';
import { idParam, jsonBody, pageParam } from './params.js';
import { personCreateInput, personUpdateInput } from './schemas/person.js';
import type { One, Person } from './types.js';

/** Highrise's page size for people (REAL-WORLD #20). */
export const PEOPLE_PAGE_SIZE = 500;

export const peopleRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const page = pageParam(c);
    // Highrise filters people by tag (`tag_id`) and by exact title (`title`).
    const tagId = optionalIdQuery(c.req.query('tag'), 'tag');
    const title = c.req.query('title')?.trim() || undefined;
    if (title && title.length > 255) throw new HttpError(400, 'Keep the title under 255 characters.', { code: 'bad_query', fields: { title: ['Keep it under 255 characters.'] } });
    const list = await c.get('highrise').getManyJson(personResource, '/people.xml', { n: (page - 1) * PEOPLE_PAGE_SIZE, tag_id: tagId, title });
    return sendPage<Person>(c, list, page, PEOPLE_PAGE_SIZE);
  })
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<Person>>({ data: await c.get('highrise').getOne(personResource, `/people/${id}.xml`) });
  })
  .post('/', async (c) => {
    const input: PersonWrite = await jsonBody(c, personCreateInput);
    const xml = buildXml(personResource, input, { mode: 'create' });
    const data = await c.get('highrise').create(personResource, '/people.xml', xml);
    return c.json<One<Person>>({ data }, 201);
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const input: PersonWrite = await jsonBody(c, personUpdateInput);
    const xml = buildXml(personResource, input, { mode: 'update' });
    const data = await c.get('highrise').update(personResource, `/people/${id}.xml`, xml);
    return c.json<One<Person>>({ data });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await c.get('highrise').delete(`/people/${id}.xml`);
    return c.body(null, 204);
  });
