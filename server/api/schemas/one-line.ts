import { z } from 'zod';

/** Characters XML 1.0 cannot carry at all, plus line breaks and tabs: a one-line name shown in lists and menus has none of them. */
const CONTROL = /[\u0000-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A one-line name Highrise shows in lists and menus (a custom field's label, a group's name):
 * trimmed, required, at most 255 characters (Highrise's string columns), one line of plain text.
 * `noun` names it in the messages ("label", "name"); `required` is the sentence for a blank one.
 */
export function oneLineName({ noun, required }: { noun: string; required: string }) {
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(255, `Keep the ${noun} to 255 characters or fewer.`)
    .refine((s) => !CONTROL.test(s), `Remove the control character or line break: a ${noun} is one line of plain text.`);
}
