import { z } from 'zod';
import { optionalText, visibilityInput } from './contact-data.js';

const caseFields = {
  name: z.string().trim().min(1, 'Enter a name for the case.').max(255, 'Keep it under 255 characters.'),
  background: optionalText(10_000),
  ...visibilityInput,
};

function groupNeedsId(v: { visibleTo?: string; groupId?: number | null }) {
  return v.visibleTo !== 'NamedGroup' || typeof v.groupId === 'number';
}
const groupMessage = { message: 'Choose the group that may see this case.', path: ['groupId'] };

export const caseCreateInput = z.object(caseFields).strict().refine(groupNeedsId, groupMessage);

/**
 * Partial update. `closed: true` closes the case now (closed-at = the server's now), `closed: false`
 * reopens it (an empty closed-at). Parties cannot be changed through the API (REAL-WORLD #18).
 */
export const caseUpdateInput = z
  .object({ ...caseFields, closed: z.boolean() })
  .partial()
  .strict()
  .refine(groupNeedsId, groupMessage);

export const CASE_LISTS = ['open', 'closed'] as const;

export type CaseCreateInput = z.input<typeof caseCreateInput>;
export type CaseUpdateInput = z.input<typeof caseUpdateInput>;
