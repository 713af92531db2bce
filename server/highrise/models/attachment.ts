import { integer, list, resource, text } from '../codec/schema.js';
import type { Infer } from '../codec/schema.js';

/** A file on a note or email (data_reference.md "Note"). Attachments cannot be added through the API: read-only. */
export const attachmentSchema = {
  id: integer('id'),
  url: text('url'),
  name: text('name'),
  size: integer('size'),
};

export const attachmentResource = resource('attachment', 'attachments', attachmentSchema);
export const attachments = list('attachments', 'attachment', attachmentSchema);
export type Attachment = Infer<typeof attachmentSchema>;
