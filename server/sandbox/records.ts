// Storage for everything beyond people and companies: deals, cases, categories, notes/emails/comments,
// tasks, groups and memberships, tags on deals and cases, recently viewed parties and the deletion log.
import { type Db, RECORDING_ID_STARTS, nextId, stmt, visibleSql } from './store.js';

// ---- rows -------------------------------------------------------------------------------------

export interface Visibility { visible_to: string; owner_id: number | null; group_id: number | null }

export interface DealRow extends Visibility {
  id: number; account_id: number; name: string; background: string | null; category_id: number | null; currency: string | null;
  duration: number | null; price: number | null; price_type: string | null; party_id: number | null;
  responsible_party_id: number | null; status: string; status_changed_on: string | null; author_id: number | null;
  created_at: string; updated_at: string;
}
export interface KaseRow extends Visibility {
  id: number; account_id: number; name: string; background: string | null; closed_at: string | null; author_id: number | null;
  created_at: string; updated_at: string;
}
export type CategoryKind = 'task' | 'deal';
export interface CategoryRow { id: number; account_id: number; name: string; color: string; created_at: string; updated_at: string }
export type RecordingType = 'Note' | 'Email' | 'Comment';
export type SubjectType = 'Party' | 'Deal' | 'Kase';
export interface RecordingRow extends Visibility {
  id: number; account_id: number; type: RecordingType; title: string | null; body: string; author_id: number | null;
  subject_type: SubjectType | null; subject_id: number | null; parent_id: number | null; created_at: string; updated_at: string;
}
export interface AttachmentRow { id: number; recording_id: number; name: string; size: number; content_type: string }
export interface TaskRow {
  id: number; account_id: number; body: string; due_at: string | null; alert_at: string | null; done_at: string | null;
  author_id: number | null; owner_id: number | null; category_id: number | null; subject_type: SubjectType | null;
  subject_id: number | null; recording_id: number | null; public: number; notify: number; recurring_period: number | null;
  anchor_type: number; created_at: string; updated_at: string;
}
export interface GroupRow { id: number; account_id: number; name: string; created_at: string; updated_at: string }
export interface MembershipRow { id: number; account_id: number; group_id: number; user_id: number; created_at: string; updated_at: string }

// ---- generic helpers --------------------------------------------------------------------------

export function insertRow(db: Db, table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row);
  return Number(stmt(db, `INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(row).lastInsertRowid);
}

export function updateRow(db: Db, table: string, id: number, fields: Record<string, unknown>): void {
  const cols = Object.keys(fields);
  if (cols.length === 0) return;
  stmt(db, `UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
}

export function recordDeletion(db: Db, accountId: number, type: string, id: number, deletedAt: string): void {
  stmt(db, 'INSERT INTO deletions (account_id, record_type, record_id, deleted_at) VALUES (?, ?, ?, ?)').run(accountId, type, id, deletedAt);
}

// ---- deals ------------------------------------------------------------------------------------

export interface DealQuery { accountId: number; viewerId: number; status?: string; sinceIso?: string; offset: number; limit: number }

export function queryDeals(db: Db, q: DealQuery): DealRow[] {
  const where = ['d.account_id = @accountId', visibleSql('d')];
  if (q.status) where.push('d.status = @status');
  if (q.sinceIso) where.push('d.updated_at >= @sinceIso');
  const order = q.sinceIso ? 'd.updated_at, d.id' : 'd.created_at DESC, d.id DESC';
  return stmt(db, `SELECT d.* FROM deals d WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ accountId: q.accountId, viewer: q.viewerId, status: q.status ?? null, sinceIso: q.sinceIso ?? null, limit: q.limit, offset: q.offset }) as DealRow[];
}

export function getDeal(db: Db, accountId: number, viewerId: number, id: number): DealRow | undefined {
  return stmt(db, `SELECT d.* FROM deals d WHERE d.account_id = @accountId AND d.id = @id AND ${visibleSql('d')}`)
    .get({ accountId, id, viewer: viewerId }) as DealRow | undefined;
}

export function dealPartyIds(db: Db, dealId: number): number[] {
  return (stmt(db, 'SELECT party_id FROM deal_parties WHERE deal_id = ? ORDER BY party_id').all(dealId) as { party_id: number }[]).map((r) => r.party_id);
}

export function countPendingDeals(db: Db, accountId: number): number {
  return (stmt(db, "SELECT count(*) AS n FROM deals WHERE account_id = ? AND status = 'pending'").get(accountId) as { n: number }).n;
}

// ---- cases ------------------------------------------------------------------------------------

export function queryKases(db: Db, accountId: number, viewerId: number, closed: boolean): KaseRow[] {
  return stmt(db, `SELECT k.* FROM kases k WHERE k.account_id = @accountId AND k.closed_at IS ${closed ? 'NOT ' : ''}NULL AND ${visibleSql('k')}
    ORDER BY k.updated_at DESC, k.id DESC`).all({ accountId, viewer: viewerId }) as KaseRow[];
}

export function getKase(db: Db, accountId: number, viewerId: number, id: number): KaseRow | undefined {
  return stmt(db, `SELECT k.* FROM kases k WHERE k.account_id = @accountId AND k.id = @id AND ${visibleSql('k')}`)
    .get({ accountId, id, viewer: viewerId }) as KaseRow | undefined;
}

export function kasePartyIds(db: Db, kaseId: number): number[] {
  return (stmt(db, 'SELECT party_id FROM kase_parties WHERE kase_id = ? ORDER BY party_id').all(kaseId) as { party_id: number }[]).map((r) => r.party_id);
}

export function countKases(db: Db, accountId: number): number {
  return (stmt(db, 'SELECT count(*) AS n FROM kases WHERE account_id = ?').get(accountId) as { n: number }).n;
}

// ---- categories -------------------------------------------------------------------------------

export const categoryTable = (kind: CategoryKind) => (kind === 'task' ? 'task_categories' : 'deal_categories');

export function listCategories(db: Db, kind: CategoryKind, accountId: number): CategoryRow[] {
  return stmt(db, `SELECT * FROM ${categoryTable(kind)} WHERE account_id = ? ORDER BY name, id`).all(accountId) as CategoryRow[];
}
export function getCategory(db: Db, kind: CategoryKind, accountId: number, id: number): CategoryRow | undefined {
  return stmt(db, `SELECT * FROM ${categoryTable(kind)} WHERE account_id = ? AND id = ?`).get(accountId, id) as CategoryRow | undefined;
}
export function categoryElementsCount(db: Db, kind: CategoryKind, id: number): number {
  return (stmt(db, `SELECT count(*) AS n FROM ${kind === 'task' ? 'tasks' : 'deals'} WHERE category_id = ?`).get(id) as { n: number }).n;
}

// ---- recordings (notes, emails, comments) -----------------------------------------------------

export function newRecordingId(db: Db, type: RecordingType): number {
  return nextId(db, `recordings:${type}`, RECORDING_ID_STARTS[type]);
}

/** A comment is visible when its parent note or email is. */
const RECORDING_VISIBLE = `(r.type <> 'Comment' AND ${visibleSql('r')} OR r.type = 'Comment' AND EXISTS (
  SELECT 1 FROM recordings pr WHERE pr.id = r.parent_id AND ${visibleSql('pr')}))`;

export function getRecording(db: Db, accountId: number, viewerId: number, type: RecordingType, id: number): RecordingRow | undefined {
  return stmt(db, `SELECT r.* FROM recordings r WHERE r.account_id = @accountId AND r.type = @type AND r.id = @id AND ${RECORDING_VISIBLE}`)
    .get({ accountId, type, id, viewer: viewerId }) as RecordingRow | undefined;
}

export function getAnyRecording(db: Db, accountId: number, viewerId: number, id: number): RecordingRow | undefined {
  return stmt(db, `SELECT r.* FROM recordings r WHERE r.account_id = @accountId AND r.id = @id AND ${RECORDING_VISIBLE}`)
    .get({ accountId, id, viewer: viewerId }) as RecordingRow | undefined;
}

export interface RecordingQuery {
  accountId: number; viewerId: number; types: RecordingType[]; subject?: { type: SubjectType; id: number };
  sinceIso?: string; offset: number; limit: number;
}

/** Newest first; with `since`, oldest change first (so a sync can resume), like the other lists. */
export function queryRecordings(db: Db, q: RecordingQuery): RecordingRow[] {
  const where = ['r.account_id = @accountId', `r.type IN (${q.types.map((t) => `'${t}'`).join(',')})`, RECORDING_VISIBLE];
  if (q.subject) where.push('r.subject_type = @subjectType AND r.subject_id = @subjectId');
  if (q.sinceIso) where.push('r.updated_at >= @sinceIso');
  const order = q.sinceIso ? 'r.updated_at, r.id' : 'r.created_at DESC, r.id DESC';
  return stmt(db, `SELECT r.* FROM recordings r WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({
    accountId: q.accountId, viewer: q.viewerId, subjectType: q.subject?.type ?? null, subjectId: q.subject?.id ?? null,
    sinceIso: q.sinceIso ?? null, limit: q.limit, offset: q.offset,
  }) as RecordingRow[];
}

/** Comments of one note or email, oldest first as a conversation reads. */
export function listComments(db: Db, parentId: number): RecordingRow[] {
  return stmt(db, "SELECT * FROM recordings WHERE type = 'Comment' AND parent_id = ? ORDER BY created_at, id").all(parentId) as RecordingRow[];
}

export function attachmentsOf(db: Db, ids: number[]): Map<number, AttachmentRow[]> {
  const out = new Map<number, AttachmentRow[]>();
  if (ids.length === 0) return out;
  const rows = stmt(db, `SELECT * FROM attachments WHERE recording_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(...ids) as AttachmentRow[];
  for (const a of rows) (out.get(a.recording_id) ?? out.set(a.recording_id, []).get(a.recording_id)!).push(a);
  return out;
}

export function getAttachment(db: Db, accountId: number, viewerId: number, id: number): AttachmentRow | undefined {
  return stmt(db, `SELECT a.* FROM attachments a JOIN recordings r ON r.id = a.recording_id
    WHERE a.id = @id AND r.account_id = @accountId AND ${RECORDING_VISIBLE}`).get({ id, accountId, viewer: viewerId }) as AttachmentRow | undefined;
}

/** Deletes a note or email with its comments (or a single comment), logging each deletion. */
export function deleteRecording(db: Db, rec: RecordingRow, deletedAt: string): void {
  if (rec.type !== 'Comment') {
    for (const c of listComments(db, rec.id)) {
      stmt(db, 'DELETE FROM recordings WHERE id = ?').run(c.id);
      recordDeletion(db, rec.account_id, 'Comment', c.id, deletedAt);
    }
  }
  stmt(db, 'DELETE FROM recordings WHERE id = ?').run(rec.id);
  recordDeletion(db, rec.account_id, rec.type, rec.id, deletedAt);
}

/** What goes when a person, company, deal or case goes: its notes, emails (with comments, files) and tasks. */
export function deleteSubjectDependents(db: Db, accountId: number, type: SubjectType, id: number, deletedAt: string): void {
  const recs = stmt(db, "SELECT * FROM recordings WHERE subject_type = ? AND subject_id = ? AND type <> 'Comment'").all(type, id) as RecordingRow[];
  for (const r of recs) deleteRecording(db, r, deletedAt);
  const tasks = stmt(db, 'SELECT id FROM tasks WHERE subject_type = ? AND subject_id = ?').all(type, id) as { id: number }[];
  for (const t of tasks) {
    stmt(db, 'DELETE FROM tasks WHERE id = ?').run(t.id);
    recordDeletion(db, accountId, 'Task', t.id, deletedAt);
  }
  stmt(db, 'DELETE FROM subject_taggings WHERE subject_type = ? AND subject_id = ?').run(type, id);
}

// ---- tasks ------------------------------------------------------------------------------------

export function getTask(db: Db, accountId: number, viewerId: number, id: number): TaskRow | undefined {
  return stmt(db, `SELECT * FROM tasks WHERE account_id = @accountId AND id = @id AND (owner_id = @viewer OR author_id = @viewer OR public = 1)`)
    .get({ accountId, id, viewer: viewerId }) as TaskRow | undefined;
}

export type TaskScope = 'upcoming' | 'assigned' | 'completed' | 'today' | 'all' | 'subject';

export function queryTasks(db: Db, accountId: number, viewerId: number, scope: TaskScope,
  opts: { subject?: { type: SubjectType; id: number }; from?: string; to?: string } = {}): TaskRow[] {
  const where = ['account_id = @accountId'];
  switch (scope) {
    case 'upcoming': where.push('done_at IS NULL', 'owner_id = @viewer'); break;
    case 'assigned': where.push('done_at IS NULL', 'author_id = @viewer', 'owner_id IS NOT NULL', 'owner_id <> @viewer'); break;
    case 'completed': where.push('done_at IS NOT NULL', '(owner_id = @viewer OR author_id = @viewer OR public = 1)'); break;
    case 'today': where.push('done_at IS NULL', 'owner_id = @viewer', 'due_at >= @from', 'due_at <= @to'); break;
    case 'all': where.push('(owner_id = @viewer OR author_id = @viewer OR public = 1)'); break;
    case 'subject': where.push('done_at IS NULL', 'subject_type = @subjectType', 'subject_id = @subjectId', '(owner_id = @viewer OR public = 1)'); break;
  }
  const order = scope === 'completed' ? 'done_at DESC, id DESC' : 'due_at IS NULL, due_at, id';
  return stmt(db, `SELECT * FROM tasks WHERE ${where.join(' AND ')} ORDER BY ${order}`).all({
    accountId, viewer: viewerId, subjectType: opts.subject?.type ?? null, subjectId: opts.subject?.id ?? null,
    from: opts.from ?? null, to: opts.to ?? null,
  }) as TaskRow[];
}

// ---- groups and memberships -------------------------------------------------------------------

export function listGroups(db: Db, accountId: number): GroupRow[] {
  return stmt(db, 'SELECT * FROM groups WHERE account_id = ? ORDER BY name, id').all(accountId) as GroupRow[];
}
export function getGroup(db: Db, accountId: number, id: number): GroupRow | undefined {
  return stmt(db, 'SELECT * FROM groups WHERE account_id = ? AND id = ?').get(accountId, id) as GroupRow | undefined;
}
export function groupUserIds(db: Db, groupId: number): number[] {
  return (stmt(db, 'SELECT user_id FROM memberships WHERE group_id = ? ORDER BY user_id').all(groupId) as { user_id: number }[]).map((r) => r.user_id);
}
export function listMemberships(db: Db, accountId: number): MembershipRow[] {
  return stmt(db, 'SELECT * FROM memberships WHERE account_id = ? ORDER BY id').all(accountId) as MembershipRow[];
}
export function getMembership(db: Db, accountId: number, id: number): MembershipRow | undefined {
  return stmt(db, 'SELECT * FROM memberships WHERE account_id = ? AND id = ?').get(accountId, id) as MembershipRow | undefined;
}

// ---- recently viewed --------------------------------------------------------------------------

export function recordView(db: Db, userId: number, partyId: number): void {
  stmt(db, `INSERT INTO party_views (user_id, party_id, seq) VALUES (@userId, @partyId, (SELECT coalesce(max(seq), 0) + 1 FROM party_views))
    ON CONFLICT(user_id, party_id) DO UPDATE SET seq = excluded.seq`).run({ userId, partyId });
}
