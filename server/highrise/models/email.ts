import { resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';
import { recordingFields } from './note.js';

/** An email recorded in Highrise (emails.md): a note with a title. Attachments are read-only. */
export const emailSchema = {
  ...recordingFields,
  title: text('title', { writable: true }),
};

export const emailResource = resource('email', 'emails', emailSchema);
export type Email = Infer<typeof emailSchema>;
export type EmailWrite = Write<typeof emailSchema>;
