// Custom field values on deals (data_reference.md "Party and Deal Custom fields"): the same
// <subject_datas> block as parties, against fields of type "deal". Stored apart from the party values
// (deal_subject_datas, ids 8,500,001+) so a deal value is never mistaken for a party's.
import { Unprocessable } from './party-write.js';
import { type Db, stmt } from './store.js';
import { type XmlNode, child, childrenNamed, intLeaf, leaf } from './xml-read.js';
import { type XmlElement, array, group, int, str } from './xml.js';

export interface DealDataRow { id: number; deal_id: number; subject_field_id: number; subject_field_label: string; value: string }

export function dealSubjectDatas(db: Db, dealIds: number[]): Map<number, DealDataRow[]> {
  const out = new Map<number, DealDataRow[]>();
  if (dealIds.length === 0) return out;
  const rows = db.prepare(`SELECT d.id, d.deal_id, d.subject_field_id, f.label AS subject_field_label, d.value
    FROM deal_subject_datas d JOIN subject_fields f ON f.id = d.subject_field_id
    WHERE d.deal_id IN (${dealIds.map(() => '?').join(',')}) ORDER BY d.id`).all(...dealIds) as DealDataRow[];
  for (const r of rows) out.set(r.deal_id, [...(out.get(r.deal_id) ?? []), r]);
  return out;
}

/** Omitted when empty, like the party block (REAL-WORLD #2). */
export function dealSubjectDatasElement(rows: DealDataRow[]): XmlElement[] {
  if (rows.length === 0) return [];
  return [array('subject_datas', rows.map((d) => group('subject_data', [
    int('id', d.id), str('value', d.value), int('subject_field_id', d.subject_field_id), str('subject_field_label', d.subject_field_label),
  ])))];
}

function dealFieldExists(db: Db, accountId: number, id: number): boolean {
  return stmt(db, "SELECT 1 FROM subject_fields WHERE account_id = ? AND id = ? AND type = 'deal'").get(accountId, id) !== undefined;
}

function setByField(db: Db, accountId: number, dealId: number, fieldId: number, value: string | null | undefined): void {
  if (!dealFieldExists(db, accountId, fieldId)) throw new Unprocessable([`Subject field ${fieldId} does not exist`]);
  if (value == null) {
    stmt(db, 'DELETE FROM deal_subject_datas WHERE deal_id = ? AND subject_field_id = ?').run(dealId, fieldId);
    return;
  }
  const existing = stmt(db, 'SELECT id FROM deal_subject_datas WHERE deal_id = ? AND subject_field_id = ?').get(dealId, fieldId) as { id: number } | undefined;
  if (existing) stmt(db, 'UPDATE deal_subject_datas SET value = ? WHERE id = ?').run(value, existing.id);
  else stmt(db, 'INSERT INTO deal_subject_datas (deal_id, subject_field_id, value) VALUES (?, ?, ?)').run(dealId, fieldId, value);
}

function setById(db: Db, dealId: number, id: number, value: string | null): boolean {
  // A blank value removes the field from the deal, as for parties.
  const info = value == null || value === ''
    ? stmt(db, 'DELETE FROM deal_subject_datas WHERE deal_id = ? AND id = ?').run(dealId, id)
    : stmt(db, 'UPDATE deal_subject_datas SET value = ? WHERE deal_id = ? AND id = ?').run(value, dealId, id);
  return info.changes > 0;
}

/**
 * Applies a <subject_datas> block (either spelling) as for parties: by id (a negative id removes), else by
 * subject_field_id (an empty value removes). Fields must be deal fields of the account; otherwise 422.
 */
export function applyDealSubjectDatas(db: Db, accountId: number, dealId: number, root: XmlNode): void {
  const block = child(root, 'subject_datas', 'subject-datas');
  if (!block) return;
  for (const row of childrenNamed(block, 'subject_data', 'subject-data')) {
    const id = intLeaf(row, 'id');
    const fieldId = intLeaf(row, 'subject_field_id', 'subject-field-id');
    const value = leaf(row, 'value');
    if (typeof id === 'number' && id < 0) setById(db, dealId, -id, null);
    else if (typeof id === 'number' && id > 0) {
      if (!setById(db, dealId, id, value ?? null) && typeof fieldId === 'number') setByField(db, accountId, dealId, fieldId, value);
    } else if (typeof fieldId === 'number') setByField(db, accountId, dealId, fieldId, value);
  }
}
