import { integer, resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';
import { partyFields } from './party-fields.js';

export const companySchema = {
  id: integer('id'),
  name: text('name', { writable: true }),
  background: text('background', { writable: true }),
  avatarUrl: text('avatar-url', { aliases: ['avatar_url'] }),
  ...partyFields,
};

export const companyResource = resource('company', 'companies', companySchema);
export type Company = Infer<typeof companySchema>;
export type CompanyWrite = Write<typeof companySchema>;
