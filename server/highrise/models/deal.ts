import { choice, date, datetime, integer, record, resource, text, variantList } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';
import { buildXml } from '../codec/build.js';
import { customFields } from './custom-field.js';
import { party, partyVariants } from './party.js';
import { tags } from './tag.js';
import { visibilityFields } from './visibility.js';

export const DEAL_STATUSES = ['pending', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const PRICE_TYPES = ['fixed', 'hour', 'month', 'year'] as const;
export type PriceType = (typeof PRICE_TYPES)[number];

/**
 * A deal (deals.md, data_reference.md "Deal"). Writable: what the create/update samples send.
 * Never written: `status` (an update silently ignores it; use the status body below), and the nested
 * `category`, `party`, `parties` a read carries — echoing them is a 422 (REAL-WORLD #11, #18).
 * No `<category>` element means no category (#6); `price` and `duration` may be nil.
 */
export const dealSchema = {
  id: integer('id'),
  name: text('name', { writable: true }),
  background: text('background', { writable: true }),
  accountId: integer('account-id'),
  authorId: integer('author-id'),
  categoryId: integer('category-id', { writable: true }),
  // Chosen when the deal is created; Highrise does not change it afterwards (REAL-WORLD #18).
  partyId: integer('party-id', { writable: true, createOnly: true }),
  responsiblePartyId: integer('responsible-party-id', { writable: true }),
  currency: text('currency', { writable: true }),
  price: integer('price', { writable: true }),
  priceType: choice('price-type', PRICE_TYPES, { writable: true }),
  duration: integer('duration', { writable: true }),
  status: choice('status', DEAL_STATUSES),
  statusChangedOn: date('status-changed-on'),
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
  ...visibilityFields,
  category: record('category', { id: integer('id'), name: text('name') }),
  party,
  parties: variantList('parties', 'party', partyVariants),
  customFields,
  tags,
};

export const dealResource = resource('deal', 'deals', dealSchema);
export type Deal = Infer<typeof dealSchema>;
export type DealWrite = Write<typeof dealSchema>;

/** PUT /deals/{id}/status.xml: `<status><name>won</name></status>`. */
export const dealStatusSchema = { name: choice('name', DEAL_STATUSES, { writable: true }) };
export const dealStatusResource = resource('status', 'statuses', dealStatusSchema);

export function buildDealStatus(status: DealStatus): string {
  return buildXml(dealStatusResource, { name: status }, { mode: 'update' });
}
