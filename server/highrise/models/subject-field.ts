import { integer, resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';

/**
 * A custom field definition (custom_fields.md): `/subject_fields.xml` answers with DASHED names,
 * `<subject-fields><subject-field>`, unlike the underscored values on a record (REAL-WORLD #1).
 * Only the label is written (create and rename); `type` is `party` or `deal` and deal fields cannot be
 * created through the API.
 */
export const subjectFieldSchema = {
  id: integer('id'),
  label: text('label', { writable: true }),
  type: text('type'),
};

export const subjectFieldResource = resource('subject-field', 'subject-fields', subjectFieldSchema);
export type SubjectField = Infer<typeof subjectFieldSchema>;
export type SubjectFieldWrite = Write<typeof subjectFieldSchema>;
