import { boolean, datetime, integer, resource, text } from '../codec/schema.js';
import type { Infer } from '../codec/schema.js';

export const userSchema = {
  id: integer('id'),
  name: text('name'),
  emailAddress: text('email-address'),
  admin: boolean('admin'),
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
};

export const userResource = resource('user', 'users', userSchema);
export type User = Infer<typeof userSchema>;

/** /me.xml adds the API token and dropbox address; the token must never leave the BFF. */
export const meResource = resource('user', 'users', { ...userSchema, token: text('token'), dropbox: text('dropbox') });
