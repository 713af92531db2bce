import { describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { Comment, One } from './types.js';

const json = async <T>(res: Response) => (await res.json()) as T;

const env = useSignedInApp();

describe('comments', () => {
  it('reads the seeded comments of a note, oldest first', async () => {
    const row = env.sb.sandbox.db
      .prepare("SELECT c.parent_id AS id FROM recordings c JOIN recordings p ON p.id = c.parent_id WHERE c.type = 'Comment' AND p.type = 'Note' AND p.account_id = 1 AND p.visible_to = 'Everyone' LIMIT 1")
      .get() as { id: number } | undefined;
    if (!row) return;
    const list = await json<{ data: Comment[] }>(await call(env.app, env.jar, 'GET', `/api/notes/${row.id}/comments`));
    expect(list.data.length).toBeGreaterThan(0);
    expect(list.data.every((c) => c.parentId === row.id)).toBe(true);
  });

  it('needs a parent and a body, and refuses a comment as a parent', async () => {
    expect((await call(env.app, env.jar, 'POST', '/api/comments', { body: 'orphan' })).status).toBe(400);
    const note = env.sb.sandbox.db.prepare("SELECT id FROM recordings WHERE account_id = 1 AND type = 'Note' AND visible_to = 'Everyone' LIMIT 1").get() as { id: number };
    const res = await call(env.app, env.jar, 'POST', '/api/comments', { parentId: note.id, body: 'first' });
    expect(res.status).toBe(201);
    const c = (await json<One<Comment>>(res)).data;
    const nested = await call(env.app, env.jar, 'POST', '/api/comments', { parentId: c.id, body: 'nested' });
    expect(nested.status).toBe(422);
    expect((await call(env.app, env.jar, 'PATCH', `/api/comments/${c.id}`, { body: '' })).status).toBe(400);
    expect((await call(env.app, env.jar, 'DELETE', `/api/comments/${c.id}`)).status).toBe(204);
    expect((await call(env.app, env.jar, 'GET', `/api/comments/${c.id}`)).status).toBe(404);
  });
});
