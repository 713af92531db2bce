import { integer, list, resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';
import { userSchema } from './user.js';

/** A group of users (groups.md); only the name is written, members come and go through memberships. */
export const groupSchema = {
  id: integer('id'),
  name: text('name', { writable: true }),
  users: list('users', 'user', userSchema),
};

export const groupResource = resource('group', 'groups', groupSchema);
export type Group = Infer<typeof groupSchema>;
export type GroupWrite = Write<typeof groupSchema>;
