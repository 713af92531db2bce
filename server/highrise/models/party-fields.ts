import { datetime, integer } from '../codec/schema.js';
import { contactData } from './contact-data.js';
import { customFields } from './custom-field.js';
import { tags } from './tag.js';
import { visibilityFields } from './visibility.js';

/** The fields a person and a company share, spread last into each schema (key order is element order). */
export const partyFields = {
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
  ...visibilityFields,
  authorId: integer('author-id'),
  contactData,
  customFields,
  tags,
};
