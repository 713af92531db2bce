import { z } from 'zod';

/** Tag input for the JSON API (pure zod, importable by the SPA). */

export const TAG_SUBJECTS = ['people', 'companies', 'deals', 'kases'] as const;
export type TagSubject = (typeof TAG_SUBJECTS)[number];

export const tagName = z
  .string()
  .trim()
  .min(1, 'Enter a tag name.')
  .max(255, 'Keep tag names under 255 characters.');

export const tagAddInput = z.object({ name: tagName }).strict();

/** Most contacts one bulk request may touch; the SPA sends larger selections in chunks and shows progress. */
export const BULK_MAX = 50;

export const bulkContactRef = z
  .object({ subject: z.enum(['people', 'companies']), id: z.number().int().positive() })
  .strict();

export const bulkTagInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), name: tagName, contacts: z.array(bulkContactRef).min(1, 'Choose at least one contact.').max(BULK_MAX) }).strict(),
  z.object({ action: z.literal('remove'), tagId: z.number().int().positive(), contacts: z.array(bulkContactRef).min(1, 'Choose at least one contact.').max(BULK_MAX) }).strict(),
]);

export type TagAddInput = z.input<typeof tagAddInput>;
export type BulkTagInput = z.input<typeof bulkTagInput>;
export type BulkContactRef = z.infer<typeof bulkContactRef>;
