import { describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { One, Task } from './types.js';

const json = async <T>(res: Response) => (await res.json()) as T;
const list = async (view: string) => (await json<{ data: Task[] }>(await call(env.app, env.jar, 'GET', `/api/tasks?view=${view}`))).data;

const env = useSignedInApp();

describe('tasks', () => {
  it('reads every view and refuses an unknown one', async () => {
    for (const view of ['upcoming', 'today', 'assigned', 'completed', 'all']) {
      expect((await call(env.app, env.jar, 'GET', `/api/tasks?view=${view}`)).status).toBe(200);
    }
    expect((await call(env.app, env.jar, 'GET', '/api/tasks?view=someday')).status).toBe(400);
  });

  it('creates a task for a specific UTC time tied to a person, with owner and category, and stores that instant', async () => {
    const person = env.sb.sandbox.db.prepare("SELECT id FROM parties WHERE account_id = 1 AND type = 'Person' AND visible_to = 'Everyone' LIMIT 1").get() as { id: number };
    const owner = env.sb.sandbox.db.prepare('SELECT id FROM users WHERE account_id = 1 ORDER BY id DESC LIMIT 1').get() as { id: number };
    const cat = env.sb.sandbox.db.prepare('SELECT id FROM task_categories WHERE account_id = 1 LIMIT 1').get() as { id: number } | undefined;
    const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const res = await call(env.app, env.jar, 'POST', '/api/tasks', {
      body: 'Call back & confirm', frame: 'specific', dueAt, ownerId: owner.id, categoryId: cat?.id ?? null, public: true, subjectType: 'Party', subjectId: person.id,
    });
    expect(res.status).toBe(201);
    const task = (await json<One<Task>>(res)).data;
    expect(Date.parse(task.dueAt!)).toBe(Date.parse(dueAt));
    expect(task).toMatchObject({ body: 'Call back & confirm', ownerId: owner.id, public: true, subjectType: 'Party', subjectId: person.id });
    const row = env.sb.sandbox.db.prepare('SELECT due_at FROM tasks WHERE id = ?').get(task.id) as { due_at: string };
    expect(Date.parse(row.due_at)).toBe(Date.parse(dueAt));
    const forPerson = await json<{ data: Task[] }>(await call(env.app, env.jar, 'GET', `/api/people/${person.id}/tasks`));
    expect(forPerson.data.some((t) => t.id === task.id)).toBe(true);
  });

  it('needs a due time for "specific" and a body', async () => {
    expect((await call(env.app, env.jar, 'POST', '/api/tasks', { body: 'x', frame: 'specific' })).status).toBe(400);
    expect((await call(env.app, env.jar, 'POST', '/api/tasks', { body: '', frame: 'today' })).status).toBe(400);
  });

  it('an edit without a frame changes only what it sends: the due time stays as Highrise has it', async () => {
    const task = (await json<One<Task>>(await call(env.app, env.jar, 'POST', '/api/tasks', { body: 'Day task', frame: 'tomorrow' }))).data;
    const edited = await call(env.app, env.jar, 'PATCH', `/api/tasks/${task.id}`, { body: 'Day task, renamed' });
    expect(edited.status).toBe(200);
    const after = (await json<One<Task>>(edited)).data;
    expect(after).toMatchObject({ body: 'Day task, renamed', dueAt: task.dueAt, frame: task.frame });
    const stored = env.sb.sandbox.db.prepare('SELECT body, due_at FROM tasks WHERE id = ?').get(task.id) as { body: string; due_at: string };
    expect(stored.body).toBe('Day task, renamed');
    expect(Date.parse(stored.due_at)).toBe(Date.parse(task.dueAt!));
  });

  it('edits, completes (found under completed), reopens where Highrise allows, and deletes', async () => {
    const task = (await json<One<Task>>(await call(env.app, env.jar, 'POST', '/api/tasks', { body: 'Frame task', frame: 'tomorrow' }))).data;
    expect(task.dueAt).not.toBeNull();
    const edited = await call(env.app, env.jar, 'PATCH', `/api/tasks/${task.id}`, { body: 'Later task', frame: 'later' });
    expect(edited.status).toBe(200);
    expect((await json<One<Task>>(edited)).data.body).toBe('Later task');

    const done = (await json<One<Task>>(await call(env.app, env.jar, 'POST', `/api/tasks/${task.id}/complete`))).data;
    expect(done.doneAt).not.toBeNull();
    expect((await list('completed')).some((t) => t.id === task.id)).toBe(true);
    expect((await list('upcoming')).some((t) => t.id === task.id)).toBe(false);

    // PUT with an empty done-at clears the completion (the sandbox does; so does Highrise where allowed).
    const reopen = await call(env.app, env.jar, 'POST', `/api/tasks/${task.id}/reopen`);
    expect(reopen.status).toBe(200);
    expect((await json<One<Task>>(reopen)).data).toMatchObject({ id: task.id, doneAt: null, body: 'Later task' });
    expect((await list('upcoming')).some((t) => t.id === task.id)).toBe(true);
    expect((await list('completed')).some((t) => t.id === task.id)).toBe(false);
    const row = env.sb.sandbox.db.prepare('SELECT done_at FROM tasks WHERE id = ?').get(task.id) as { done_at: string | null };
    expect(row.done_at).toBeNull();

    expect((await call(env.app, env.jar, 'DELETE', `/api/tasks/${task.id}`)).status).toBe(204);
    expect((await call(env.app, env.jar, 'GET', `/api/tasks/${task.id}`)).status).toBe(404);
  });

  it('reopen answers 409 reopen_unsupported when Highrise keeps the task completed', async () => {
    const task = (await json<One<Task>>(await call(env.app, env.jar, 'POST', '/api/tasks', { body: 'Stubborn', frame: 'today' }))).data;
    await call(env.app, env.jar, 'POST', `/api/tasks/${task.id}/complete`);
    // A Highrise that ignores done-at answers the PUT with the task still completed.
    const token = (env.sb.sandbox.db.prepare('SELECT token FROM users WHERE id = 70002').get() as { token: string }).token;
    const still = await (await fetch(`${env.sb.origin}/sandbox/highrise/1/tasks/${task.id}.xml`, { headers: { Authorization: `Basic ${Buffer.from(`${token}:X`).toString('base64')}` } })).text();
    expect(still).toMatch(/<done-at type="datetime">\d/);
    await env.sb.fault({ match: { method: 'PUT', path: `/tasks/${task.id}.xml` }, count: 1, action: { status: 200, headers: { 'Content-Type': 'application/xml; charset=utf-8' }, body: still } });
    const res = await call(env.app, env.jar, 'POST', `/api/tasks/${task.id}/reopen`);
    expect(res.status).toBe(409);
    expect((await json<{ error: { code: string; message: string } }>(res)).error).toMatchObject({ code: 'reopen_unsupported', message: expect.stringContaining('Create a new task') });
    await env.sb.clearFaults();
  });

  it('a weekly recurring task schedules the next one a week later when completed', async () => {
    const dueAt = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const res = await call(env.app, env.jar, 'POST', '/api/tasks', { body: `Weekly ${Date.now()}`, frame: 'specific', dueAt, recurringPeriod: 1, anchorType: 1 });
    expect(res.status).toBe(201);
    const task = (await json<One<Task>>(res)).data;
    expect(task).toMatchObject({ recurringPeriod: 1, anchorType: 1 });
    await call(env.app, env.jar, 'POST', `/api/tasks/${task.id}/complete`);
    const next = (await list('upcoming')).find((t) => t.body === task.body && t.id !== task.id);
    expect(next).toBeDefined();
    expect(Date.parse(next!.dueAt!) - Date.parse(dueAt)).toBe(7 * 86_400_000);
  });
});
