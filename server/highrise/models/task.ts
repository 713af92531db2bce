import { boolean, choice, datetime, integer, resource, text } from '../codec/schema.js';
import type { Infer, Write } from '../codec/schema.js';

/** `specific` goes with a `due-at`; `overdue` is read-only in practice but documented as a frame. */
export const TASK_FRAMES = ['today', 'tomorrow', 'this_week', 'next_week', 'later', 'overdue', 'specific'] as const;
export type TaskFrame = (typeof TASK_FRAMES)[number];
/** `Party` covers people and companies; the create sample also lists `Company`. */
export const TASK_SUBJECT_TYPES = ['Party', 'Company', 'Kase', 'Deal'] as const;
/** recurring-period: 0 day, 1 week, 2 two weeks, 3 month, 4 three months, 5 six months, 7 year (6 is unused). */
export const RECURRING_PERIODS = { 0: 'Every day', 1: 'Every week', 2: 'Every two weeks', 3: 'Every month', 4: 'Every three months', 5: 'Every six months', 7: 'Every year' } as const;
/** anchor-type: 0 from completion, 1 from the original due time. */
export const ANCHOR_TYPES = { 0: 'From completion', 1: 'From original due time' } as const;

/**
 * A task (tasks.md). Writable: what the create/update samples send. `notify` is write-only (absent from
 * reads, so it parses as null). Reads spell `recurring-period`/`anchor-type` with dashes; the recurring
 * section writes `recurring_period`/`anchor_type` — Rails reads both, we write as that section does and
 * read either. `done-at` is set by POST /tasks/{id}/complete.xml, never written; `alert-at` is read-only.
 */
export const taskSchema = {
  id: integer('id'),
  body: text('body', { writable: true }),
  frame: choice('frame', TASK_FRAMES, { writable: true }),
  dueAt: datetime('due-at', { writable: true }),
  alertAt: datetime('alert-at'),
  doneAt: datetime('done-at'),
  categoryId: integer('category-id', { writable: true }),
  ownerId: integer('owner-id', { writable: true }),
  authorId: integer('author-id'),
  public: boolean('public', { writable: true }),
  notify: boolean('notify', { writable: true }),
  recordingId: integer('recording-id', { writable: true }),
  subjectId: integer('subject-id', { writable: true }),
  subjectType: choice('subject-type', TASK_SUBJECT_TYPES, { writable: true }),
  subjectName: text('subject-name'),
  recurringPeriod: integer('recurring_period', { writable: true, aliases: ['recurring-period'] }),
  anchorType: integer('anchor_type', { writable: true, aliases: ['anchor-type'] }),
  createdAt: datetime('created-at'),
  updatedAt: datetime('updated-at'),
};

export const taskResource = resource('task', 'tasks', taskSchema);
export type Task = Infer<typeof taskSchema>;
export type TaskWrite = Write<typeof taskSchema>;
