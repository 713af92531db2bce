import { z } from 'zod';

/**
 * Launchpad's GET /authorization.json (launchpad-authentication.md). Accounts of every product come
 * back (Basecamp, Campfire…); Highrise ones have `product: "highrise"`. Unknown keys are dropped;
 * `app_href` and the identity's names may be missing on older answers.
 */
export const launchpadAccountSchema = z.object({
  product: z.string(),
  id: z.coerce.number().int(),
  name: z.string().nullable().optional(),
  href: z.string().url(),
  app_href: z.string().url().nullable().optional(),
});

export const launchpadIdentitySchema = z.object({
  id: z.coerce.number().int().optional(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  email_address: z.string().nullable().optional(),
});

export const authorizationSchema = z.object({
  /** ISO 8601 with an offset, e.g. `2012-03-22T16:56:48-05:00`. */
  expires_at: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'expires_at is not a date')
    .nullable()
    .optional(),
  identity: launchpadIdentitySchema,
  accounts: z.array(launchpadAccountSchema),
});

export type LaunchpadAccount = z.infer<typeof launchpadAccountSchema>;
export type LaunchpadAuthorization = z.infer<typeof authorizationSchema>;

/** The Highrise accounts only, in Launchpad's order. */
export function highriseAccounts(auth: LaunchpadAuthorization): LaunchpadAccount[] {
  return auth.accounts.filter((a) => a.product === 'highrise');
}
