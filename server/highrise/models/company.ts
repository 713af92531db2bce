import { datetime, integer, resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';
import { contactData } from './contact-data.js';
import { customFields } from './custom-field.js';
import { tags } from './tag.js';
import { visibilityFields } from './visibility.js';

export const companySchema = {
  id: integer('id'),
  name: text('name', { writable: true }),
  background: text('background', { writable: true }),
  avatarUrl: text('avatar-url', { aliases: ['avatar_url'] }),
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
  ...visibilityFields,
  authorId: integer('author-id'),
  contactData,
  customFields,
  tags,
};

export const companyResource = resource('company', 'companies', companySchema);
export type Company = Infer<typeof companySchema>;
export type CompanyWrite = Write<typeof companySchema>;
