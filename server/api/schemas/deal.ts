import { z } from 'zod';
import { customFieldInput, optionalText, visibilityInput } from './contact-data.js';
import { isCurrencyCode } from './currencies.js';

/** Mirrors server/highrise/models/deal.ts (kept here so this module stays pure zod for the SPA). */
export const DEAL_STATUS_VALUES = ['pending', 'won', 'lost'] as const;
export const PRICE_TYPE_VALUES = ['fixed', 'hour', 'month', 'year'] as const;

const id = z.number().int().positive();

/**
 * Deal fields a person may write. Never the nested party/parties/category (REAL-WORLD #11, #18) and
 * never the status (it changes through its own endpoint; an update silently ignores it).
 */
const dealFields = {
  name: z.string().trim().min(1, 'Enter a name for the deal.').max(255, 'Keep it under 255 characters.'),
  background: optionalText(10_000),
  partyId: id.nullable().optional(),
  categoryId: id.nullable().optional(),
  responsiblePartyId: id.nullable().optional(),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrencyCode, 'Use a three-letter ISO 4217 currency code, like USD or EUR.')
    .nullable()
    .optional(),
  price: z.number({ error: 'Enter the price as a number.' }).int('Enter a whole number (no cents).').min(0, 'The price cannot be negative.').max(2_000_000_000, 'That price is too large.').nullable().optional(),
  priceType: z.enum(PRICE_TYPE_VALUES, { error: 'Choose fixed, per hour, per month or per year.' }).optional(),
  duration: z.number({ error: 'Enter the duration as a number.' }).int('Enter a whole number.').positive('The duration is at least 1.').max(100_000, 'That duration is too long.').nullable().optional(),
  ...visibilityInput,
  customFields: z.array(customFieldInput).optional(),
};

type DealShape = { priceType?: string; duration?: number | null; visibleTo?: string; groupId?: number | null };

function durationWhenTimed(v: DealShape): boolean {
  return v.priceType === undefined || v.priceType === 'fixed' || (typeof v.duration === 'number' && v.duration > 0);
}
const durationMessage = { message: 'Enter how many hours, months or years the deal runs.', path: ['duration'] };
function groupNeedsId(v: DealShape) {
  return v.visibleTo !== 'NamedGroup' || typeof v.groupId === 'number';
}
const groupMessage = { message: 'Choose the group that may see this deal.', path: ['groupId'] };

export const dealCreateInput = z.object(dealFields).strict().refine(durationWhenTimed, durationMessage).refine(groupNeedsId, groupMessage);
/**
 * An update is partial: only the fields present are sent to Highrise. The deal's contact is not among
 * them: Highrise keeps the one it was created with (REAL-WORLD #18), so asking is refused, not ignored.
 */
export const dealUpdateInput = z
  .object({
    ...dealFields,
    partyId: z.never({ error: 'A deal keeps the contact it was created with: Highrise does not let it change. Create a new deal for another contact.' }),
  })
  .partial()
  .strict().refine(durationWhenTimed, durationMessage).refine(groupNeedsId, groupMessage);
/** PUT /api/deals/:id/status; any string passes here so an unknown status is answered like Highrise does (422). */
export const dealStatusInput = z.object({ status: z.string().trim().min(1, 'Choose pending, won or lost.') }).strict();

export type DealCreateInput = z.input<typeof dealCreateInput>;
export type DealUpdateInput = z.input<typeof dealUpdateInput>;
export type DealStatusInput = z.input<typeof dealStatusInput>;
