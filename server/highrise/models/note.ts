import { choice, datetime, integer, resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';
import { attachments } from './attachment.js';
import { visibilityFields } from './visibility.js';

/** What a note, email or task hangs on: `Party` for people and companies, `Deal`, `Kase`. */
export const SUBJECT_TYPES = ['Party', 'Deal', 'Kase'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/**
 * Fields notes and emails share (notes.md, emails.md). The subject is writable (posting to
 * `/notes.xml` needs `subject-id` + `subject-type`, and an update may move a note to a case —
 * REAL-WORLD #16); its name, the collection, the author and attachments are read-only.
 */
export const recordingFields = {
  id: integer('id'),
  body: text('body', { writable: true }),
  authorId: integer('author-id'),
  subjectId: integer('subject-id', { writable: true }),
  subjectType: choice('subject-type', SUBJECT_TYPES, { writable: true }),
  subjectName: text('subject-name'),
  collectionId: integer('collection-id'),
  collectionType: text('collection-type'),
  ...visibilityFields,
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
  attachments,
};

export const noteSchema = recordingFields;
export const noteResource = resource('note', 'notes', noteSchema);
export type Note = Infer<typeof noteSchema>;
export type NoteWrite = Write<typeof noteSchema>;
