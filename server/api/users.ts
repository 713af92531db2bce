import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { userResource } from '../highrise/models/user.js';
import { idParam } from './params.js';
import type { One, User } from './types.js';

/**
 * The account's users (owner pickers, author names). /users.xml is not paginated. Users change
 * rarely, so the list is kept per account for a minute: every timeline and task list needs it.
 */
const USERS_TTL_MS = 60_000;
const cache = new Map<string, { at: number; data: User[] }>();

export function clearUsersCache(): void {
  cache.clear();
}

export const usersRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const key = accountKey(c.get('session'));
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < USERS_TTL_MS) return c.json<{ data: User[] }>({ data: hit.data });
    const data = await c.get('highrise').getMany(userResource, '/users.xml');
    cache.set(key, { at: Date.now(), data });
    return c.json<{ data: User[] }>({ data });
  })
  .get('/:id', async (c) => {
    const id = idParam(c);
    return c.json<One<User>>({ data: await c.get('highrise').getOne(userResource, `/users/${id}.xml`) });
  });

/** Cache key for per-account BFF caches: the account href (never the token). */
export function accountKey(session: { accounts: { id: number; href: string }[]; accountId: number | null } | null): string {
  const account = session?.accounts.find((a) => a.id === session.accountId);
  return account?.href ?? 'none';
}
