import { z } from 'zod';
import { contactDataInput, customFieldInput, optionalText, visibilityInput } from './contact-data.js';

/** Company input for the JSON API (pure zod; the SPA validates its form with the same rules). */
const companyFields = {
  name: z.string().trim().min(1, 'Enter the company name.').max(255, 'Keep it under 255 characters.'),
  background: optionalText(10_000),
  ...visibilityInput,
  contactData: contactDataInput.optional(),
  customFields: z.array(customFieldInput).optional(),
};

function groupNeedsId<T extends { visibleTo?: string; groupId?: number | null }>(v: T) {
  return v.visibleTo !== 'NamedGroup' || typeof v.groupId === 'number';
}
const groupMessage = { message: 'Choose the group that may see this contact.', path: ['groupId'] };

export const companyCreateInput = z.object(companyFields).strict().refine(groupNeedsId, groupMessage);
/** An update is partial: only the fields present are sent to Highrise. */
export const companyUpdateInput = z.object(companyFields).partial().strict().refine(groupNeedsId, groupMessage);

export type CompanyCreateInput = z.input<typeof companyCreateInput>;
export type CompanyUpdateInput = z.input<typeof companyUpdateInput>;
