import { datetime, integer, resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';

/** A comment on a note or email (comments.md); `parent-id` names that note or email and is set on create only. */
export const commentSchema = {
  id: integer('id'),
  parentId: integer('parent-id', { writable: true, createOnly: true }),
  body: text('body', { writable: true }),
  authorId: integer('author-id'),
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
};

export const commentResource = resource('comment', 'comments', commentSchema);
export type Comment = Infer<typeof commentSchema>;
export type CommentWrite = Write<typeof commentSchema>;
