import { integer, text } from '../codec/schema.js';

/** Who may see a record: Everyone, only its owner, or a named group (people, companies, deals, cases, notes). */
export const VISIBILITIES = ['Everyone', 'Owner', 'NamedGroup'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const visibilityFields = {
  visibleTo: text('visible-to', { writable: true }),
  ownerId: integer('owner-id', { writable: true }),
  groupId: integer('group-id', { writable: true }),
};
