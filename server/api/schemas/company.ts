import { z } from 'zod';
import { optionalText } from './contact-data.js';
import { groupMessage, groupNeedsId, partyFields } from './party.js';

/** Company input for the JSON API (pure zod; the SPA validates its form with the same rules). */
const companyFields = {
  name: z.string().trim().min(1, 'Enter the company name.').max(255, 'Keep it under 255 characters.'),
  background: optionalText(10_000),
  ...partyFields,
};

export const companyCreateInput = z.object(companyFields).strict().refine(groupNeedsId, groupMessage);
/** An update is partial: only the fields present are sent to Highrise. */
export const companyUpdateInput = z.object(companyFields).partial().strict().refine(groupNeedsId, groupMessage);

export type CompanyCreateInput = z.input<typeof companyCreateInput>;
export type CompanyUpdateInput = z.input<typeof companyUpdateInput>;
