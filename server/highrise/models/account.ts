import { boolean, datetime, integer, resource, text } from '../codec/schema.js';
import type { Infer } from '../codec/schema.js';

/** GET /account.xml (account.md): read-only. Two names are underscored in the sample; both spellings are read. */
export const accountSchema = {
  id: integer('id'),
  name: text('name'),
  subdomain: text('subdomain'),
  plan: text('plan'),
  ownerId: integer('owner-id', { aliases: ['owner_id'] }),
  peopleCount: integer('people-count', { aliases: ['people_count'] }),
  /** Bytes used. */
  storage: integer('storage'),
  colorTheme: text('color_theme', { aliases: ['color-theme'] }),
  sslEnabled: boolean('ssl_enabled', { aliases: ['ssl-enabled'] }),
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
};

export const accountResource = resource('account', 'accounts', accountSchema);
export type Account = Infer<typeof accountSchema>;
