import { z } from 'zod';
import { visibilityInput } from './contact-data.js';

/** URL segments of the subjects notes, emails and tasks hang on, and the Highrise subject-type each maps to. */
export const SUBJECT_SEGMENTS = ['people', 'companies', 'deals', 'kases'] as const;
export type SubjectSegment = (typeof SUBJECT_SEGMENTS)[number];
export const SUBJECT_TYPE_OF: Record<SubjectSegment, 'Party' | 'Deal' | 'Kase'> = { people: 'Party', companies: 'Party', deals: 'Deal', kases: 'Kase' };

export const BODY_MAX = 100_000;
export const noteBody = z
  .string()
  .max(BODY_MAX, `Keep it under ${BODY_MAX} characters.`)
  .refine((s) => s.trim().length > 0, 'Write something first.');

function groupNeedsId<T extends { visibleTo?: string; groupId?: number | null }>(v: T) {
  return v.visibleTo !== 'NamedGroup' || typeof v.groupId === 'number';
}
const groupMessage = { message: 'Choose the group that may see this note.', path: ['groupId'] };

const noteFields = { body: noteBody, ...visibilityInput };

/** A new note: the subject comes from the URL (`/api/people/5/notes`). */
export const noteCreateInput = z.object(noteFields).strict().refine(groupNeedsId, groupMessage);
/** An edit sends only what changed. */
export const noteUpdateInput = z.object(noteFields).partial().strict().refine(groupNeedsId, groupMessage);

export type NoteCreateInput = z.input<typeof noteCreateInput>;
export type NoteUpdateInput = z.input<typeof noteUpdateInput>;
