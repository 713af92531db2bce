import { attribute, datetime, integer, resource } from '../codec/schema.js';
import type { Infer } from '../codec/schema.js';

/** Kinds seen in GET /deletions.xml and /parties/deletions.xml (deletions.md); others may appear and are kept. */
export const DELETION_TYPES = ['Company', 'Person', 'Deal', 'Kase', 'Task', 'Note', 'Email', 'Comment', 'TaskRecording', 'DealRecording', 'ProjectRecording'] as const;

/** `<deletion type="Person"><id>…</id><deleted-at>…</deleted-at></deletion>`: the kind is an attribute. */
export const deletionSchema = {
  type: attribute('type'),
  id: integer('id'),
  deletedAt: datetime('deleted-at'),
};

export const deletionResource = resource('deletion', 'deletions', deletionSchema);
export type Deletion = Infer<typeof deletionSchema>;
