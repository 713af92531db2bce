import { z } from 'zod';
import { contactDataInput, customFieldInput, visibilityInput } from './contact-data.js';

/** Input fields a person and a company share, spread last into each (pure zod, for the SPA too). */
export const partyFields = {
  ...visibilityInput,
  contactData: contactDataInput.optional(),
  customFields: z.array(customFieldInput).optional(),
};

/** A contact visible to a named group must say which group. */
export function groupNeedsId<T extends { visibleTo?: string; groupId?: number | null }>(v: T) {
  return v.visibleTo !== 'NamedGroup' || typeof v.groupId === 'number';
}
export const groupMessage = { message: 'Choose the group that may see this contact.', path: ['groupId'] };
