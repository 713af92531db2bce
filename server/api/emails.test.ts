import { describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { Comment, Email, One, Page } from './types.js';

const json = async <T>(res: Response) => (await res.json()) as T;

const env = useSignedInApp();

describe('emails', () => {
  it('logs an email on a deal, lists it, comments, edits and deletes it', async () => {
    const deal = env.sb.sandbox.db.prepare("SELECT id FROM deals WHERE account_id = 1 AND visible_to = 'Everyone' LIMIT 1").get() as { id: number };
    const res = await call(env.app, env.jar, 'POST', `/api/deals/${deal.id}/emails`, { title: 'Quote & terms', body: 'Hi <b>there</b>' });
    expect(res.status).toBe(201);
    const email = (await json<One<Email>>(res)).data;
    expect(email).toMatchObject({ title: 'Quote & terms', body: 'Hi <b>there</b>', subjectType: 'Deal', subjectId: deal.id });

    const list = await json<Page<Email>>(await call(env.app, env.jar, 'GET', `/api/deals/${deal.id}/emails`));
    expect(list.data[0].id).toBe(email.id);

    expect((await call(env.app, env.jar, 'POST', '/api/comments', { parentId: email.id, body: 'Sent' })).status).toBe(201);
    expect((await json<{ data: Comment[] }>(await call(env.app, env.jar, 'GET', `/api/emails/${email.id}/comments`))).data).toHaveLength(1);

    const edited = await call(env.app, env.jar, 'PATCH', `/api/emails/${email.id}`, { title: 'Quote v2' });
    expect(edited.status).toBe(200);
    expect((await json<One<Email>>(edited)).data).toMatchObject({ title: 'Quote v2', body: 'Hi <b>there</b>' });
    expect((await call(env.app, env.jar, 'DELETE', `/api/emails/${email.id}`)).status).toBe(204);
    expect((await call(env.app, env.jar, 'GET', `/api/emails/${email.id}`)).status).toBe(404);
  });

  it('needs a title', async () => {
    const person = env.sb.sandbox.db.prepare("SELECT id FROM parties WHERE account_id = 1 AND type = 'Person' AND visible_to = 'Everyone' LIMIT 1").get() as { id: number };
    const res = await call(env.app, env.jar, 'POST', `/api/people/${person.id}/emails`, { body: 'no title' });
    expect(res.status).toBe(400);
    expect((await json<{ error: { fields: Record<string, string[]> } }>(res)).error.fields.title).toBeDefined();
  });
});
