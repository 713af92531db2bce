import { z } from 'zod';

/** Hex web color without `#` (Highrise stores `ffcc33`); a leading `#` is accepted and dropped. */
export const categoryColor = z
  .string()
  .trim()
  .transform((s) => s.replace(/^#/, '').toLowerCase())
  .refine((s) => /^[0-9a-f]{6}$/.test(s), 'Use a six-digit hex color like ffcc33.');

export const categoryCreateInput = z
  .object({
    name: z.string().trim().min(1, 'Enter a name for the category.').max(255, 'Keep it under 255 characters.'),
    color: categoryColor.optional(),
  })
  .strict();

export const categoryUpdateInput = categoryCreateInput.partial().strict();

export type CategoryCreateInput = z.input<typeof categoryCreateInput>;
export type CategoryUpdateInput = z.input<typeof categoryUpdateInput>;
