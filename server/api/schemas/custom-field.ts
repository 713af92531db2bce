import { z } from 'zod';
import { oneLineName } from './one-line.js';

/** Highrise shows a label on every contact form, so it is one line: line breaks and tabs are refused with the characters XML 1.0 cannot carry at all. */
export const customFieldLabel = oneLineName({ noun: 'label', required: 'Enter a label for the field.' });

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
