import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { forgetRecordingsAfterWrite } from './recordings-cache.js';
import { buildXml } from '../highrise/codec/build.js';
import { commentResource, type Comment, type CommentWrite } from '../highrise/models/comment.js';
import { notYours } from './notes.js';
import { idParam, jsonBody } from './params.js';
import { commentCreateInput, commentUpdateInput } from './schemas/comment.js';
import type { One } from './types.js';

/** Comments under notes and emails; lists live at /api/notes/:id/comments and /api/emails/:id/comments. */
export const commentsRoutes = new Hono<AppEnv>()
  .use('*', forgetRecordingsAfterWrite)
  .use('*', requireAccount())
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<Comment>>({ data: await c.get('highrise').getOne(commentResource, `/comments/${id}.xml`) });
  })
  .post('/', async (c) => {
    const input: CommentWrite = await jsonBody(c, commentCreateInput);
    const data = await c.get('highrise').create(commentResource, '/comments.xml', buildXml(commentResource, input, { mode: 'create' }));
    return c.json<One<Comment>>({ data }, 201);
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const input: CommentWrite = await jsonBody(c, commentUpdateInput);
    const xml = buildXml(commentResource, input, { mode: 'update' });
    return c.json<One<Comment>>({ data: await notYours('comment', () => c.get('highrise').update(commentResource, `/comments/${id}.xml`, xml)) });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await notYours('comment', () => c.get('highrise').delete(`/comments/${id}.xml`));
    return c.body(null, 204);
  });
