import { datetime, integer, resource, text, variantList } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';
import { partyVariants } from './party.js';
import { visibilityFields } from './visibility.js';

/**
 * A case (cases.md): `kase`/`kases` in the XML because `case` is a Ruby keyword. Closed when
 * `closed-at` is set; closing sends `closed-at`, reopening sends it empty. Parties cannot be added
 * through the API (REAL-WORLD #18), so `parties` is read-only; `<associated-parties>` is ignored (#8).
 */
export const kaseSchema = {
  id: integer('id'),
  name: text('name', { writable: true }),
  background: text('background', { writable: true }),
  closedAt: datetime('closed-at', { writable: true }),
  authorId: integer('author-id'),
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
  ...visibilityFields,
  parties: variantList('parties', 'party', partyVariants),
};

export const kaseResource = resource('kase', 'kases', kaseSchema);
export type Kase = Infer<typeof kaseSchema>;
export type KaseWrite = Write<typeof kaseSchema>;
