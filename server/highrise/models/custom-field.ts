import { integer, list, resource, text } from '../codec/schema.js';
import type { Infer } from '../codec/schema.js';

/**
 * Custom field values on parties and deals. Highrise writes them with underscores inside otherwise
 * dashed XML; we read both spellings and write underscores (REAL-WORLD #1).
 */
export const subjectDataSchema = {
  id: integer('id'),
  subjectFieldId: integer('subject_field_id', { writable: true, aliases: ['subject-field-id'] }),
  subjectFieldLabel: text('subject_field_label', { aliases: ['subject-field-label'] }),
  value: text('value', { writable: true }),
};

export const customFields = list('subject_datas', 'subject_data', subjectDataSchema, {
  writable: true,
  removableById: true,
  aliases: ['subject-datas'],
  itemAliases: ['subject-data'],
});

/** A bare `<subject_datas>` document (the data reference shows one on its own). */
export const subjectDataResource = resource('subject_data', 'subject_datas', subjectDataSchema);
export type SubjectData = Infer<typeof subjectDataSchema>;
