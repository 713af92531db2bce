import { z } from 'zod';
import { visibilityInput } from './contact-data.js';
import { noteBody } from './note.js';

const emailFields = {
  title: z.string().trim().min(1, 'Enter a subject line.').max(255, 'Keep it under 255 characters.'),
  body: noteBody,
  ...visibilityInput,
};

/** Log an email against the subject in the URL. */
export const emailCreateInput = z.object(emailFields).strict();
export const emailUpdateInput = z.object(emailFields).partial().strict();

export type EmailCreateInput = z.input<typeof emailCreateInput>;
export type EmailUpdateInput = z.input<typeof emailUpdateInput>;
