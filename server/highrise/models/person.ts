import { integer, resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';
import { partyFields } from './party-fields.js';

export const personSchema = {
  id: integer('id'),
  firstName: text('first-name', { writable: true }),
  lastName: text('last-name', { writable: true }),
  title: text('title', { writable: true }),
  background: text('background', { writable: true }),
  linkedinUrl: text('linkedin-url', { writable: true }),
  // Renamed at some point; read-only either way (REAL-WORLD #7, #11).
  avatarUrl: text('avatar-url', { aliases: ['avatar_url'] }),
  companyId: integer('company-id', { writable: true }),
  // On write, Highrise looks the company up by name or creates it.
  companyName: text('company-name', { writable: true }),
  ...partyFields,
};

export const personResource = resource('person', 'people', personSchema);
export type Person = Infer<typeof personSchema>;
export type PersonWrite = Write<typeof personSchema>;
