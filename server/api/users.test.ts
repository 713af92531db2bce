import { beforeAll, describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { RequestLog } from '../highrise/request-log.js';
import type { One, User } from './types.js';
import { clearUsersCache } from './users.js';

const logs: RequestLog[] = [];

beforeAll(() => clearUsersCache());
const env = useSignedInApp({ deps: () => ({ log: (l) => logs.push(l) }) });

describe('/api/users', () => {
  it('lists the account users without tokens, and serves a repeat from its cache', async () => {
    const res = await call(env.app, env.jar, 'GET', '/api/users');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: User[] };
    const n = (env.sb.sandbox.db.prepare('SELECT COUNT(*) AS n FROM users WHERE account_id = 1').get() as { n: number }).n;
    expect(body.data.length).toBe(n);
    expect(body.data[0]).toHaveProperty('name');
    expect(JSON.stringify(body)).not.toMatch(/token/i);
    const before = logs.filter((l) => l.path.startsWith('/users.xml')).length;
    expect((await call(env.app, env.jar, 'GET', '/api/users')).status).toBe(200);
    expect(logs.filter((l) => l.path.startsWith('/users.xml')).length).toBe(before);
  });

  it('gets one user and 404s an unknown one', async () => {
    const list = ((await (await call(env.app, env.jar, 'GET', '/api/users')).json()) as { data: User[] }).data;
    const one = await call(env.app, env.jar, 'GET', `/api/users/${list[0].id}`);
    expect(one.status).toBe(200);
    expect(((await one.json()) as One<User>).data.id).toBe(list[0].id);
    expect((await call(env.app, env.jar, 'GET', '/api/users/999999')).status).toBe(404);
  });

  it('needs a session', async () => {
    expect((await env.app.request('/api/users')).status).toBe(401);
  });
});
