import { datetime, integer, resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';

/**
 * Deal and task categories (categories.md): the same record under two URLs and two root elements,
 * `<deal-category>` / `<deal-categories>` and `<task-category>` / `<task-categories>`.
 * Name and color (hex without `#`, e.g. `ffcc33`; Highrise defaults to `000000`) are writable.
 */
export const categorySchema = {
  id: integer('id'),
  name: text('name', { writable: true }),
  color: text('color', { writable: true }),
  accountId: integer('account-id'),
  elementsCount: integer('elements-count'),
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
};

export const dealCategoryResource = resource('deal-category', 'deal-categories', categorySchema);
export const taskCategoryResource = resource('task-category', 'task-categories', categorySchema);
export type Category = Infer<typeof categorySchema>;
export type CategoryWrite = Write<typeof categorySchema>;
export type DealCategory = Category;
export type TaskCategory = Category;
