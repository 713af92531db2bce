import { z } from 'zod';

/** Highrise shows a label on every contact form, so it is one line: line breaks and tabs are refused with the characters XML 1.0 cannot carry at all. */
const CONTROL = /[\u0000-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const customFieldLabel = z
  .string({ error: 'Enter a label for the field.' })
  .trim()
  .min(1, 'Enter a label for the field.')
  .max(255, 'Keep the label to 255 characters or fewer.')
  .refine((s) => !CONTROL.test(s), 'Remove the control character or line break: a label is one line of plain text.');

/** `type` is accepted so a request for a deal field can be answered with why it cannot be made (custom_fields.md). */
export const customFieldCreateInput = z
  .object({
    label: customFieldLabel,
    type: z.enum(['party', 'deal'], { error: 'Type must be party (Highrise only lets apps add party fields).' }).optional(),
  })
  .strict();

export const customFieldUpdateInput = z.object({ label: customFieldLabel }).strict();

export type CustomFieldCreateInput = z.input<typeof customFieldCreateInput>;
export type CustomFieldUpdateInput = z.input<typeof customFieldUpdateInput>;
