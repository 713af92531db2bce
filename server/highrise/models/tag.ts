import { integer, list, resource, text } from '../codec/schema.js';
import type { Infer } from '../codec/schema.js';
import { buildElement } from '../codec/build.js';

export const tagSchema = { id: integer('id'), name: text('name', { writable: true }) };
export const tagResource = resource('tag', 'tags', tagSchema);
export const tags = list('tags', 'tag', tagSchema);
export type Tag = Infer<typeof tagSchema>;

/** POST /{subject}/{id}/tags.xml takes a bare `<name>VIP</name>` (REAL-WORLD #17). */
export function buildTagAdd(name: string): string {
  return buildElement('name', name, 'name');
}
