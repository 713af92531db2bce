import { Hono, type Context } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { malformed, parseManyVariants } from '../highrise/codec/parse.js';
import { partyResource, type Party } from '../highrise/models/party.js';
import { buildTagAdd, tagResource } from '../highrise/models/tag.js';
import { isXml } from '../highrise/upstream-errors.js';
import { HttpError } from '../http-error.js';
import { idParam, jsonBody, pageParam } from './params.js';
import { bulkTagInput, tagAddInput, TAG_SUBJECTS, type TagSubject } from './schemas/tag.js';
import type { One, Page, Tag } from './types.js';

/** `/tags/{id}.xml` pages by 500 like the other party lists (REAL-WORLD #20). */
export const TAGGED_PAGE_SIZE = 500;

function subjectParam(c: Context): TagSubject {
  const raw = c.req.param('subject') ?? '';
  if (!(TAG_SUBJECTS as readonly string[]).includes(raw)) {
    throw new HttpError(400, `Tags go on ${TAG_SUBJECTS.join(', ')}.`, { code: 'bad_subject', fields: { subject: [`Must be one of: ${TAG_SUBJECTS.join(', ')}.`] } });
  }
  return raw as TagSubject;
}

export interface BulkTagResult {
  subject: 'people' | 'companies';
  id: number;
  ok: boolean;
  error?: string;
}

export const tagsRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const data = await c.get('highrise').getMany(tagResource, '/tags.xml');
    data.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', undefined, { sensitivity: 'base' }));
    return c.json<{ data: Tag[] }>({ data });
  })
  .get('/:id/parties', async (c) => {
    const id = idParam(c);
    const page = pageParam(c);
    const res = await c.get('highrise').request('GET', `/tags/${id}.xml`, { query: { n: (page - 1) * TAGGED_PAGE_SIZE } });
    if (!isXml(res)) throw malformed('expected XML from /tags/{id}.xml');
    const data = parseManyVariants(partyResource, res.body);
    return c.json<Page<Party>>({ data, page: { number: page, size: TAGGED_PAGE_SIZE, hasMore: data.length === TAGGED_PAGE_SIZE } });
  })
  /** Several contacts at once. Sequential on purpose: the Highrise client paces each request per account. */
  .post('/bulk', async (c) => {
    const input = await jsonBody(c, bulkTagInput);
    const hr = c.get('highrise');
    const results: BulkTagResult[] = [];
    for (const ref of input.contacts) {
      try {
        if (input.action === 'add') await hr.request('POST', `/${ref.subject}/${ref.id}/tags.xml`, { body: buildTagAdd(input.name) });
        else await hr.request('DELETE', `/${ref.subject}/${ref.id}/tags/${input.tagId}.xml`);
        results.push({ ...ref, ok: true });
      } catch (e) {
        // One contact's failure (deleted meanwhile, not visible) does not stop the rest; a rate-limit exhaustion does.
        if (e instanceof HttpError && (e.status === 503 || e.status === 401)) throw e;
        results.push({ ...ref, ok: false, error: e instanceof Error ? e.message : 'Failed.' });
      }
    }
    return c.json<{ data: BulkTagResult[] }>({ data: results });
  })
  /** One subject's tags (people, companies, deals, kases): `GET /{subject}/{id}/tags.xml`. */
  .get('/:subject/:id', async (c) => {
    const subject = subjectParam(c);
    const id = idParam(c);
    const data = await c.get('highrise').getMany(tagResource, `/${subject}/${id}/tags.xml`);
    data.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', undefined, { sensitivity: 'base' }));
    return c.json<{ data: Tag[] }>({ data });
  })
  .post('/:subject/:id', async (c) => {
    const subject = subjectParam(c);
    const id = idParam(c);
    const { name } = await jsonBody(c, tagAddInput);
    const data = await c.get('highrise').create(tagResource, `/${subject}/${id}/tags.xml`, buildTagAdd(name));
    return c.json<One<Tag>>({ data }, 201);
  })
  .delete('/:subject/:id/:tagId', async (c) => {
    const subject = subjectParam(c);
    const id = idParam(c);
    const tagId = idParam(c, 'tagId');
    await c.get('highrise').delete(`/${subject}/${id}/tags/${tagId}.xml`);
    return c.body(null, 204);
  });
