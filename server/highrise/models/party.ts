import { variant, variantResource } from '../codec/schema.js';
import type { InferVariant } from '../codec/schema.js';
import { companySchema } from './company.js';
import { personSchema } from './person.js';

/**
 * A party is a person or a company (REAL-WORLD #5): a `<type>` child inside deals and cases, a `type`
 * attribute in search, tag and recently-viewed results. The codec reads either (child first).
 */
export const partyVariants = { Person: personSchema, Company: companySchema };
export const party = variant('party', partyVariants);
/** GET /parties/search.xml, /tags/{id}.xml, /parties/parties.xml?scope=recently_viewed. */
export const partyResource = variantResource('party', 'parties', partyVariants);
export type Party = InferVariant<typeof partyVariants>;
