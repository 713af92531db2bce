import { z } from 'zod';
import { noteBody } from './note.js';

/** A comment under a note or email (`parentId` is that note's or email's id). */
export const commentCreateInput = z.object({ parentId: z.number().int().positive(), body: noteBody }).strict();
export const commentUpdateInput = z.object({ body: noteBody }).strict();

export type CommentCreateInput = z.input<typeof commentCreateInput>;
export type CommentUpdateInput = z.input<typeof commentUpdateInput>;
