import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { meResource } from '../highrise/models/user.js';
import type { One, User } from './types.js';

export const meRoutes = new Hono<AppEnv>().use('*', requireAccount()).get('/', async (c) => {
  // /me.xml carries the person's API token and dropbox address: they stay here.
  const { token: _token, dropbox: _dropbox, ...user } = await c.get('highrise').getOne(meResource, '/me.xml');
  return c.json<One<User>>({ data: user });
});
