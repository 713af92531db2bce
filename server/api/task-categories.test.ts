import { describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { One, TaskCategory } from './types.js';

const json = async <T>(res: Response) => (await res.json()) as T;

const env = useSignedInApp();

describe('task categories', () => {
  it('lists, creates, renames, recolours and deletes', async () => {
    const before = (await json<{ data: TaskCategory[] }>(await call(env.app, env.jar, 'GET', '/api/task-categories'))).data;
    const res = await call(env.app, env.jar, 'POST', '/api/task-categories', { name: 'Follow-up & calls', color: '#FFCC33' });
    expect(res.status).toBe(201);
    const cat = (await json<One<TaskCategory>>(res)).data;
    expect(cat).toMatchObject({ name: 'Follow-up & calls', color: 'ffcc33' });
    const after = (await json<{ data: TaskCategory[] }>(await call(env.app, env.jar, 'GET', '/api/task-categories'))).data;
    expect(after.length).toBe(before.length + 1);
    const renamed = await call(env.app, env.jar, 'PATCH', `/api/task-categories/${cat.id}`, { name: 'Calls' });
    expect(renamed.status).toBe(200);
    expect((await json<One<TaskCategory>>(renamed)).data).toMatchObject({ name: 'Calls', color: 'ffcc33' });
    expect((await call(env.app, env.jar, 'DELETE', `/api/task-categories/${cat.id}`)).status).toBe(204);
    expect((await call(env.app, env.jar, 'GET', `/api/task-categories/${cat.id}`)).status).toBe(404);
  });

  it('validates name and colour', async () => {
    expect((await call(env.app, env.jar, 'POST', '/api/task-categories', { name: '' })).status).toBe(400);
    expect((await call(env.app, env.jar, 'POST', '/api/task-categories', { name: 'x', color: 'red' })).status).toBe(400);
  });
});
