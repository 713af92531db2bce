import { Hono, type Context } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { forgetRecordingsAfterWrite } from './recordings-cache.js';
import { buildXml } from '../highrise/codec/build.js';
import type { Attachment } from '../highrise/models/attachment.js';
import { commentResource, type Comment } from '../highrise/models/comment.js';

import { noteResource, type Note, type NoteWrite } from '../highrise/models/note.js';
import { HttpError } from '../http-error.js';
import { idParam, jsonBody, pageParam } from './params.js';
import { noteCreateInput, noteUpdateInput, SUBJECT_SEGMENTS, SUBJECT_TYPE_OF, type SubjectSegment } from './schemas/note.js';
import type { One, Page } from './types.js';

/** Highrise pages notes, emails and recordings 25 at a time (REAL-WORLD #20). */
export const RECORDINGS_PAGE_SIZE = 25;

/** `people|companies|deals|kases` in a path; anything else is a 404 before Highrise is asked. */
export function subjectParam(c: Context): SubjectSegment {
  const raw = c.req.param('subject') ?? '';
  if (!(SUBJECT_SEGMENTS as readonly string[]).includes(raw)) throw new HttpError(404, 'There is no such API route.', { code: 'no_route' });
  return raw as SubjectSegment;
}

/**
 * Attachment URLs point at Highrise and only open with the person's token: the SPA gets a BFF path
 * instead (`/api/files/{id}`), which streams the file with the session's token. The Highrise URL
 * never leaves the BFF.
 */
export function proxiedAttachments(list: Attachment[]): Attachment[] {
  return list.map((a) => ({ ...a, url: a.id != null ? `/api/files/${a.id}${a.name ? `?name=${encodeURIComponent(a.name)}` : ''}` : null }));
}

export function withProxiedFiles<T extends { attachments: Attachment[] }>(r: T): T {
  return { ...r, attachments: proxiedAttachments(r.attachments) };
}

/** Newest first, whatever order the page arrived in (the reference says oldest first for `since`). */
export function newestFirst<T extends { createdAt: string | null; id: number | null }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || (b.id ?? 0) - (a.id ?? 0));
}

export function page<T>(data: T[], number: number): Page<T> {
  return { data, page: { number, size: RECORDINGS_PAGE_SIZE, hasMore: data.length === RECORDINGS_PAGE_SIZE } };
}

/** Editing or deleting someone else's note may be refused by Highrise (REAL-WORLD #16): say so plainly. */
export async function notYours<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof HttpError && e.status === 403) {
      throw new HttpError(403, `Highrise did not let you change this ${what}: only its author or an account administrator can. Nothing was changed.`, { code: 'forbidden' });
    }
    throw e;
  }
}

/** GET/POST /api/{subject}/{id}/notes. Mounted at the API root, so each route carries its own account check. */
export const subjectNotesRoutes = new Hono<AppEnv>()
  .get('/:subject/:id/notes', requireAccount(), async (c) => {
    const subject = subjectParam(c);
    const id = idParam(c);
    const n = pageParam(c);
    const rows = await c.get('highrise').getMany(noteResource, `/${subject}/${id}/notes.xml`, { n: (n - 1) * RECORDINGS_PAGE_SIZE });
    return c.json<Page<Note>>(page(newestFirst(rows).map(withProxiedFiles), n));
  })
  .post('/:subject/:id/notes', requireAccount(), forgetRecordingsAfterWrite, async (c) => {
    const subject = subjectParam(c);
    const id = idParam(c);
    const input: NoteWrite = await jsonBody(c, noteCreateInput);
    // Post to /notes.xml with the subject in the body (REAL-WORLD #16): one URL for every subject.
    const xml = buildXml(noteResource, { ...input, subjectId: id, subjectType: SUBJECT_TYPE_OF[subject] }, { mode: 'create' });
    const data = await c.get('highrise').create(noteResource, '/notes.xml', xml);
    return c.json<One<Note>>({ data: withProxiedFiles(data) }, 201);
  });

export const notesRoutes = new Hono<AppEnv>()
  .use('*', forgetRecordingsAfterWrite)
  .use('*', requireAccount())
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<Note>>({ data: withProxiedFiles(await c.get('highrise').getOne(noteResource, `/notes/${id}.xml`)) });
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const input: NoteWrite = await jsonBody(c, noteUpdateInput);
    const xml = buildXml(noteResource, input, { mode: 'update' });
    const data = await notYours('note', () => c.get('highrise').update(noteResource, `/notes/${id}.xml`, xml));
    return c.json<One<Note>>({ data: withProxiedFiles(data) });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await notYours('note', () => c.get('highrise').delete(`/notes/${id}.xml`));
    return c.body(null, 204);
  })
  .get('/:id/comments', async (c) => {
    const id = idParam(c);
    return c.json<{ data: Comment[] }>({ data: await c.get('highrise').getMany(commentResource, `/notes/${id}/comments.xml`) });
  });

