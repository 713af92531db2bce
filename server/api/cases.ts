import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { buildXml } from '../highrise/codec/build.js';
import { kaseResource, type KaseWrite } from '../highrise/models/kase.js';
import { noteResource } from '../highrise/models/note.js';
import { tagResource } from '../highrise/models/tag.js';
import { HttpError } from '../http-error.js';
import { idParam, jsonBody, pageParam } from './params.js';
import { caseCreateInput, caseUpdateInput } from './schemas/case.js';
import type { Kase, Note, One, Page, Tag } from './types.js';

const NOTES_PAGE_SIZE = 25;

export const casesRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const which = c.req.query('status') ?? 'open';
    if (which !== 'open' && which !== 'closed') {
      throw new HttpError(400, 'Cases are listed as open or closed.', { code: 'invalid', fields: { status: ['Must be open or closed.'] } });
    }
    const data = await c.get('highrise').getMany(kaseResource, `/kases/${which}.xml`);
    return c.json<{ data: Kase[] }>({ data });
  })
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<Kase>>({ data: await c.get('highrise').getOne(kaseResource, `/kases/${id}.xml`) });
  })
  .get('/:id/notes', async (c) => {
    const id = idParam(c);
    const page = pageParam(c);
    const data = await c.get('highrise').getMany(noteResource, `/kases/${id}/notes.xml`, { n: (page - 1) * NOTES_PAGE_SIZE });
    return c.json<Page<Note>>({ data, page: { number: page, size: NOTES_PAGE_SIZE, hasMore: data.length === NOTES_PAGE_SIZE } });
  })
  // The kase record carries no tags (cases.md); Highrise lists them per subject.
  .get('/:id/tags', async (c) => {
    const id = idParam(c);
    return c.json<{ data: Tag[] }>({ data: await c.get('highrise').getMany(tagResource, `/kases/${id}/tags.xml`) });
  })
  .post('/', async (c) => {
    const input: KaseWrite = await jsonBody(c, caseCreateInput);
    const data = await c.get('highrise').create(kaseResource, '/kases.xml', buildXml(kaseResource, input, { mode: 'create' }));
    return c.json<One<Kase>>({ data }, 201);
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const { closed, ...rest } = await jsonBody(c, caseUpdateInput);
    const input: KaseWrite = { ...rest };
    // Closing stamps now; reopening sends an empty closed-at (cases.md).
    if (closed !== undefined) input.closedAt = closed ? new Date().toISOString() : null;
    const data = await c.get('highrise').update(kaseResource, `/kases/${id}.xml`, buildXml(kaseResource, input, { mode: 'update' }));
    return c.json<One<Kase>>({ data });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await c.get('highrise').delete(`/kases/${id}.xml`);
    return c.body(null, 204);
  });
