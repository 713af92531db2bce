import { z } from 'zod';
import { contactDataInput, customFieldInput, optionalText, visibilityInput } from './contact-data.js';

const personFields = {
  firstName: z.string().trim().min(1, 'Enter a first name.').max(255, 'Keep it under 255 characters.'),
  lastName: optionalText(255),
  title: optionalText(255),
  background: optionalText(10_000),
  linkedinUrl: optionalText(1024),
  companyId: z.number().int().positive().nullable().optional(),
  companyName: optionalText(255),
  ...visibilityInput,
  contactData: contactDataInput.optional(),
  customFields: z.array(customFieldInput).optional(),
};

function groupNeedsId<T extends { visibleTo?: string; groupId?: number | null }>(v: T) {
  return v.visibleTo !== 'NamedGroup' || typeof v.groupId === 'number';
}
const groupMessage = { message: 'Choose the group that may see this contact.', path: ['groupId'] };

export const personCreateInput = z.object(personFields).strict().refine(groupNeedsId, groupMessage);
/** An update is partial: only the fields present are sent to Highrise. */
export const personUpdateInput = z.object(personFields).partial().strict().refine(groupNeedsId, groupMessage);

export type PersonCreateInput = z.input<typeof personCreateInput>;
export type PersonUpdateInput = z.input<typeof personUpdateInput>;
