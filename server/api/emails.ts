import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { forgetRecordingsAfterWrite } from './recordings-cache.js';
import { buildXml } from '../highrise/codec/build.js';
import { commentResource, type Comment } from '../highrise/models/comment.js';
import { emailResource, type Email, type EmailWrite } from '../highrise/models/email.js';
import { newestFirst, notYours, page, RECORDINGS_PAGE_SIZE, subjectParam, withProxiedFiles } from './notes.js';
import { idParam, jsonBody, pageParam } from './params.js';
import { emailCreateInput, emailUpdateInput } from './schemas/email.js';
import { SUBJECT_TYPE_OF } from './schemas/note.js';
import type { One, Page } from './types.js';

/** GET/POST /api/{subject}/{id}/emails: emails logged against a contact, deal or case. */
export const subjectEmailsRoutes = new Hono<AppEnv>()
  .get('/:subject/:id/emails', requireAccount(), async (c) => {
    const subject = subjectParam(c);
    const id = idParam(c);
    const n = pageParam(c);
    const rows = await c.get('highrise').getMany(emailResource, `/${subject}/${id}/emails.xml`, { n: (n - 1) * RECORDINGS_PAGE_SIZE });
    return c.json<Page<Email>>(page(newestFirst(rows).map(withProxiedFiles), n));
  })
  .post('/:subject/:id/emails', requireAccount(), forgetRecordingsAfterWrite, async (c) => {
    const subject = subjectParam(c);
    const id = idParam(c);
    const input: EmailWrite = await jsonBody(c, emailCreateInput);
    const xml = buildXml(emailResource, { ...input, subjectId: id, subjectType: SUBJECT_TYPE_OF[subject] }, { mode: 'create' });
    const data = await c.get('highrise').create(emailResource, '/emails.xml', xml);
    return c.json<One<Email>>({ data: withProxiedFiles(data) }, 201);
  });

export const emailsRoutes = new Hono<AppEnv>()
  .use('*', forgetRecordingsAfterWrite)
  .use('*', requireAccount())
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<Email>>({ data: withProxiedFiles(await c.get('highrise').getOne(emailResource, `/emails/${id}.xml`)) });
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const input: EmailWrite = await jsonBody(c, emailUpdateInput);
    const xml = buildXml(emailResource, input, { mode: 'update' });
    const data = await notYours('email', () => c.get('highrise').update(emailResource, `/emails/${id}.xml`, xml));
    return c.json<One<Email>>({ data: withProxiedFiles(data) });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await notYours('email', () => c.get('highrise').delete(`/emails/${id}.xml`));
    return c.body(null, 204);
  })
  .get('/:id/comments', async (c) => {
    const id = idParam(c);
    return c.json<{ data: Comment[] }>({ data: await c.get('highrise').getMany(commentResource, `/emails/${id}/comments.xml`) });
  });
