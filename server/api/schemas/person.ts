import { z } from 'zod';
import { optionalText } from './contact-data.js';
import { groupMessage, groupNeedsId, partyFields } from './party.js';

const personFields = {
  firstName: z.string().trim().min(1, 'Enter a first name.').max(255, 'Keep it under 255 characters.'),
  lastName: optionalText(255),
  title: optionalText(255),
  background: optionalText(10_000),
  linkedinUrl: optionalText(1024),
  companyId: z.number().int().positive().nullable().optional(),
  companyName: optionalText(255),
  ...partyFields,
};

export const personCreateInput = z.object(personFields).strict().refine(groupNeedsId, groupMessage);
/** An update is partial: only the fields present are sent to Highrise. */
export const personUpdateInput = z.object(personFields).partial().strict().refine(groupNeedsId, groupMessage);

export type PersonCreateInput = z.input<typeof personCreateInput>;
export type PersonUpdateInput = z.input<typeof personUpdateInput>;
