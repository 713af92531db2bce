import { variantResource } from '../codec/schema.js';
import type { InferVariant } from '../codec/schema.js';
import { commentSchema } from './comment.js';
import { emailSchema } from './email.js';
import { noteSchema } from './note.js';

/**
 * GET /recordings.xml: notes, emails and comments in one list, told apart by a `type` ATTRIBUTE
 * (`<recording type="Note">`). Parse with `parseManyVariants(recordingResource, xml)`; members of
 * other types are skipped.
 */
export const recordingVariants = { Note: noteSchema, Email: emailSchema, Comment: commentSchema };
export const recordingResource = variantResource('recording', 'recordings', recordingVariants);
export type Recording = InferVariant<typeof recordingVariants>;
