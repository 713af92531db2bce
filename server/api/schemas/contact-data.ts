import { z } from 'zod';

/**
 * Input schemas for the JSON API. Pure zod, no server runtime: the SPA may import them to validate
 * forms with exactly the rules the BFF enforces (one set of rules, two places it runs).
 */

const optionalText = (max: number) => z.string().max(max, `Keep it under ${max} characters.`).nullable().optional();

/**
 * A removal needs only the row's id (it goes out as the negated id); whatever else the form sends
 * along is ignored, so a row whose text is now invalid can still be removed.
 */
const removal = z.object({ id: z.number().int().positive(), remove: z.literal(true) }).loose();

/** A row of contact data: new (no id), changed (id), or removed (id + remove). Every row gets a location (REAL-WORLD #13). */
function row<S extends z.ZodRawShape>(shape: S, locations: readonly [string, ...string[]]) {
  const kept = z
    .object({
      id: z.number().int().positive().optional(),
      remove: z.literal(false).optional(),
      location: z.enum(locations, { error: `Choose one of: ${locations.join(', ')}.` }).default(locations[0]),
      ...shape,
    })
    .strict();
  return z.union([removal, kept]);
}

export const emailAddressInput = row(
  { address: z.string().trim().min(1, 'Enter an email address.').max(255, 'Keep it under 255 characters.').regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address like name@example.com.') },
  ['Work', 'Home', 'Other'],
);
export const phoneNumberInput = row({ number: z.string().trim().min(1, 'Enter a phone number.').max(64, 'Keep it under 64 characters.') }, ['Work', 'Mobile', 'Fax', 'Pager', 'Home', 'Skype', 'Other']);
export const addressInput = row(
  { street: optionalText(255), city: optionalText(255), state: optionalText(255), zip: optionalText(32), country: optionalText(255) },
  ['Work', 'Home', 'Other'],
);
export const instantMessengerInput = row(
  {
    address: z.string().trim().min(1, 'Enter a user name.').max(255, 'Keep it under 255 characters.'),
    protocol: z.enum(['AIM', 'MSN', 'ICQ', 'Jabber', 'Yahoo', 'Skype', 'QQ', 'Sametime', 'Gadu-Gadu', 'Google Talk', 'other']).default('other'),
  },
  ['Work', 'Personal', 'Other'],
);
export const twitterAccountInput = row({ username: z.string().trim().min(1, 'Enter a Twitter user name.').max(64, 'Keep it under 64 characters.') }, ['Personal', 'Business', 'Other']);
export const webAddressInput = row(
  { url: z.string().trim().min(1, 'Enter a web address.').max(1024, 'Keep it under 1024 characters.') },
  ['Work', 'Personal', 'Other'],
);

export const contactDataInput = z
  .object({
    emailAddresses: z.array(emailAddressInput).optional(),
    phoneNumbers: z.array(phoneNumberInput).optional(),
    addresses: z.array(addressInput).optional(),
    instantMessengers: z.array(instantMessengerInput).optional(),
    twitterAccounts: z.array(twitterAccountInput).optional(),
    webAddresses: z.array(webAddressInput).optional(),
  })
  .strict();

export const customFieldInput = z
  .object({
    id: z.number().int().positive().optional(),
    subjectFieldId: z.number().int().positive().optional(),
    value: z.string().max(2000, 'Keep it under 2000 characters.').nullable().optional(),
    remove: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.id !== undefined || v.subjectFieldId !== undefined, { message: 'A custom field needs its id or its field id.' });

export const visibilityInput = {
  visibleTo: z.enum(['Everyone', 'Owner', 'NamedGroup']).optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  groupId: z.number().int().positive().nullable().optional(),
};

export { optionalText };
