import { variant } from '../codec/schema.js';
import type { InferVariant } from '../codec/schema.js';
import { companySchema } from './company.js';
import { personSchema } from './person.js';

/** A party is a person or a company (REAL-WORLD #5). */
export const partyVariants = { Person: personSchema, Company: companySchema };
export const party = variant('party', partyVariants);
export type Party = InferVariant<typeof partyVariants>;
