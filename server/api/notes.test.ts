import { describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { RequestLog } from '../highrise/request-log.js';
import type { Comment, Note, One, Page } from './types.js';

const logs: RequestLog[] = [];
const json = async <T>(res: Response) => (await res.json()) as T;

const env = useSignedInApp({ deps: () => ({ log: (l) => logs.push(l) }) });

function somePersonWithNotes(): number {
  const row = env.sb.sandbox.db
    .prepare(
      "SELECT r.subject_id AS id, COUNT(*) AS n FROM recordings r JOIN parties p ON p.id = r.subject_id WHERE r.account_id = 1 AND r.type = 'Note' AND r.subject_type = 'Party' AND r.visible_to = 'Everyone' AND p.type = 'Person' AND p.visible_to = 'Everyone' GROUP BY r.subject_id ORDER BY n DESC LIMIT 1",
    )
    .get() as { id: number; n: number };
  return row.id;
}

describe('notes', () => {
  it('lists a person’s notes newest first, 25 a page, with the offset Highrise expects', async () => {
    const id = somePersonWithNotes();
    const res = await call(env.app, env.jar, 'GET', `/api/people/${id}/notes`);
    expect(res.status).toBe(200);
    const body = await json<Page<Note>>(res);
    expect(body.page.size).toBe(25);
    expect(body.data.length).toBeGreaterThan(0);
    const times = body.data.map((n) => n.createdAt ?? '');
    expect([...times].sort().reverse()).toEqual(times);
    await call(env.app, env.jar, 'GET', `/api/people/${id}/notes?page=2`);
    expect(logs.at(-1)?.path).toBe(`/people/${id}/notes.xml?n=25`);
  });

  it('creates a note with markup and ampersands as text, edits, comments and deletes it', async () => {
    const id = somePersonWithNotes();
    const text = 'Met <script>window.x=1</script> & Co.\nSee https://example.com/a?b=1&c=2';
    const created = await call(env.app, env.jar, 'POST', `/api/people/${id}/notes`, { body: text });
    expect(created.status).toBe(201);
    const note = (await json<One<Note>>(created)).data;
    expect(JSON.stringify(note.body)).toBe(JSON.stringify(text));
    expect(note.subjectType).toBe('Party');
    expect(note.subjectId).toBe(id);

    const edited = await call(env.app, env.jar, 'PATCH', `/api/notes/${note.id}`, { body: 'Changed', visibleTo: 'Owner' });
    expect(edited.status).toBe(200);
    expect((await json<One<Note>>(edited)).data).toMatchObject({ body: 'Changed', visibleTo: 'Owner' });

    const c1 = await call(env.app, env.jar, 'POST', '/api/comments', { parentId: note.id, body: 'Agreed & done' });
    expect(c1.status).toBe(201);
    const comment = (await json<One<Comment>>(c1)).data;
    const list = await json<{ data: Comment[] }>(await call(env.app, env.jar, 'GET', `/api/notes/${note.id}/comments`));
    expect(list.data.map((c) => c.body)).toEqual(['Agreed & done']);
    expect((await call(env.app, env.jar, 'PATCH', `/api/comments/${comment.id}`, { body: 'Rephrased' })).status).toBe(200);
    expect((await json<One<Comment>>(await call(env.app, env.jar, 'GET', `/api/comments/${comment.id}`))).data.body).toBe('Rephrased');
    expect((await call(env.app, env.jar, 'DELETE', `/api/comments/${comment.id}`)).status).toBe(204);

    expect((await call(env.app, env.jar, 'DELETE', `/api/notes/${note.id}`)).status).toBe(204);
    expect((await call(env.app, env.jar, 'GET', `/api/notes/${note.id}`)).status).toBe(404);
  });

  it('rejects an empty note and unknown fields with field messages', async () => {
    const id = somePersonWithNotes();
    const res = await call(env.app, env.jar, 'POST', `/api/people/${id}/notes`, { body: '   ' });
    expect(res.status).toBe(400);
    expect((await json<{ error: { fields: Record<string, string[]> } }>(res)).error.fields.body).toBeDefined();
    expect((await call(env.app, env.jar, 'POST', `/api/people/${id}/notes`, { body: 'x', authorId: 3 })).status).toBe(400);
  });

  it('404s an unknown subject segment without asking Highrise', async () => {
    const before = logs.length;
    expect((await call(env.app, env.jar, 'GET', '/api/planets/1/notes')).status).toBe(404);
    expect(logs.length).toBe(before);
  });

  it('says plainly when a note by someone else cannot be changed', async () => {
    const other = env.sb.sandbox.db
      .prepare("SELECT r.id FROM recordings r JOIN users u ON u.id = r.author_id WHERE r.account_id = 1 AND r.type = 'Note' AND r.visible_to = 'Everyone' AND u.identity_id != 2 AND u.admin = 0 LIMIT 1")
      .get() as { id: number } | undefined;
    const me = env.sb.sandbox.db.prepare('SELECT admin FROM users WHERE account_id = 1 AND identity_id = 2').get() as { admin: number };
    if (!other || me.admin === 1) return; // an admin may edit anything
    const res = await call(env.app, env.jar, 'PATCH', `/api/notes/${other.id}`, { body: 'mine now' });
    expect(res.status).toBe(403);
    expect((await json<{ error: { message: string } }>(res)).error.message).toMatch(/only its author/);
  });

  it('hands out attachment links through the BFF and streams the file', async () => {
    const row = env.sb.sandbox.db
      .prepare("SELECT a.id, a.recording_id, r.subject_id, a.name FROM attachments a JOIN recordings r ON r.id = a.recording_id WHERE r.account_id = 1 AND r.type = 'Note' AND r.visible_to = 'Everyone' AND r.subject_type = 'Party' LIMIT 1")
      .get() as { id: number; recording_id: number; subject_id: number; name: string } | undefined;
    expect(row).toBeDefined();
    const note = (await json<One<Note>>(await call(env.app, env.jar, 'GET', `/api/notes/${row!.recording_id}`))).data;
    const a = note.attachments.find((x) => x.id === row!.id)!;
    expect(a.url).toBe(`/api/files/${row!.id}?name=${encodeURIComponent(row!.name)}`);
    expect(JSON.stringify(note)).not.toContain(env.sb.origin);
    const file = await call(env.app, env.jar, 'GET', a.url!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(file.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect((await call(env.app, env.jar, 'GET', '/api/files/99999999')).status).toBe(404);
  });
});
