import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { buildXml } from '../highrise/codec/build.js';
import { parseOne } from '../highrise/codec/parse.js';
import { datetime, resource } from '../highrise/codec/schema.js';
import { taskResource, type Task, type TaskWrite } from '../highrise/models/task.js';
import { isXml } from '../highrise/upstream-errors.js';
import { HttpError } from '../http-error.js';
import { subjectParam } from './notes.js';
import { idParam, jsonBody } from './params.js';
import { taskCreateInput, taskUpdateInput } from './schemas/task.js';
import type { One } from './types.js';

/** The task lists Highrise keeps (tasks.md); none of them is paginated. */
export const TASK_VIEWS = ['upcoming', 'today', 'assigned', 'completed', 'all'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

/**
 * Un-completing has no endpoint of its own: Highrise clears a task's completion when `done-at` is sent
 * empty. done-at is read-only on the task model (completion goes through complete.xml), so this
 * one-field resource is the only place it is ever written, and only ever as an empty element.
 */
const taskReopenResource = resource('task', 'tasks', { doneAt: datetime('done-at', { writable: true }) });

function toWrite(input: Record<string, unknown>): TaskWrite {
  const out: TaskWrite = { ...(input as TaskWrite) };
  // A frame task carries no due time; a specific one sends frame "specific" with due-at (tasks.md).
  if (out.frame && out.frame !== 'specific') delete out.dueAt;
  return out;
}

export const subjectTasksRoutes = new Hono<AppEnv>().get('/:subject/:id/tasks', requireAccount(), async (c) => {
  const subject = subjectParam(c);
  const id = idParam(c);
  return c.json<{ data: Task[] }>({ data: await c.get('highrise').getMany(taskResource, `/${subject}/${id}/tasks.xml`) });
});

export const tasksRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const view = c.req.query('view') ?? 'upcoming';
    if (!(TASK_VIEWS as readonly string[]).includes(view)) {
      throw new HttpError(400, `Choose a list: ${TASK_VIEWS.join(', ')}.`, { code: 'bad_view', fields: { view: [`Must be one of: ${TASK_VIEWS.join(', ')}.`] } });
    }
    return c.json<{ data: Task[] }>({ data: await c.get('highrise').getMany(taskResource, `/tasks/${view}.xml`) });
  })
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<Task>>({ data: await c.get('highrise').getOne(taskResource, `/tasks/${id}.xml`) });
  })
  .post('/', async (c) => {
    const input = toWrite(await jsonBody(c, taskCreateInput));
    const data = await c.get('highrise').create(taskResource, '/tasks.xml', buildXml(taskResource, input, { mode: 'create' }));
    return c.json<One<Task>>({ data }, 201);
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const input = toWrite(await jsonBody(c, taskUpdateInput));
    const data = await c.get('highrise').update(taskResource, `/tasks/${id}.xml`, buildXml(taskResource, input, { mode: 'update' }));
    return c.json<One<Task>>({ data });
  })
  .post('/:id/complete', async (c) => {
    const id = idParam(c);
    const res = await c.get('highrise').request('POST', `/tasks/${id}/complete.xml`);
    // complete.xml answers with the task; read it again when the body is empty.
    const data = res.body.trim() && isXml(res) ? parseOne(taskResource, res.body) : await c.get('highrise').getOne(taskResource, `/tasks/${id}.xml`);
    return c.json<One<Task>>({ data });
  })
  .post('/:id/reopen', async (c) => {
    const id = idParam(c);
    const data = await c.get('highrise').update(taskResource, `/tasks/${id}.xml`, buildXml(taskReopenResource, { doneAt: null }, { mode: 'update' }));
    if (data.doneAt) {
      throw new HttpError(409, 'Highrise kept this task completed: this account does not let a task be reopened through the API. Create a new task instead.', {
        code: 'reopen_unsupported',
      });
    }
    return c.json<One<Task>>({ data });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await c.get('highrise').delete(`/tasks/${id}.xml`);
    return c.body(null, 204);
  });
