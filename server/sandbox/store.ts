// SQLite schema and queries for the sandbox. Everything the emulator knows lives here so routes
// stay thin and tests can reach the same functions.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, subdomain TEXT NOT NULL,
  people_limit INTEGER, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS identities (
  id INTEGER PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL, email_address TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL REFERENCES accounts(id),
  identity_id INTEGER REFERENCES identities(id), name TEXT NOT NULL, email_address TEXT NOT NULL,
  token TEXT NOT NULL UNIQUE, admin INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parties (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL REFERENCES accounts(id),
  type TEXT NOT NULL CHECK (type IN ('Person','Company')),
  first_name TEXT, last_name TEXT, name TEXT, title TEXT, background TEXT, linkedin_url TEXT,
  company_id INTEGER, visible_to TEXT NOT NULL DEFAULT 'Everyone', owner_id INTEGER, group_id INTEGER,
  author_id INTEGER, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS parties_account ON parties(account_id, type, updated_at);
CREATE TABLE IF NOT EXISTS contacts (
  id INTEGER PRIMARY KEY AUTOINCREMENT, party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, location TEXT, address TEXT, number TEXT, street TEXT, city TEXT, state TEXT,
  zip TEXT, country TEXT, protocol TEXT, username TEXT, url TEXT
);
CREATE INDEX IF NOT EXISTS contacts_party ON contacts(party_id);
CREATE TABLE IF NOT EXISTS tags (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS taggings (
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
  PRIMARY KEY (tag_id, party_id)
);
CREATE INDEX IF NOT EXISTS taggings_party ON taggings(party_id);
CREATE TABLE IF NOT EXISTS subject_fields (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, label TEXT NOT NULL,
  type TEXT NOT NULL DEFAULT 'party'
);
CREATE TABLE IF NOT EXISTS subject_datas (
  id INTEGER PRIMARY KEY AUTOINCREMENT, party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
  subject_field_id INTEGER NOT NULL REFERENCES subject_fields(id) ON DELETE CASCADE, value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS subject_datas_party ON subject_datas(party_id);
CREATE TABLE IF NOT EXISTS deletions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, record_type TEXT NOT NULL,
  record_id INTEGER NOT NULL, deleted_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS oauth_codes (
  code TEXT PRIMARY KEY, client_id TEXT NOT NULL, redirect_uri TEXT NOT NULL,
  identity_id INTEGER NOT NULL, expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS oauth_tokens (
  token TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('access','refresh')), client_id TEXT NOT NULL,
  identity_id INTEGER NOT NULL, expires_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0
);
`;

// Distinct id ranges per table so a client that confuses a contact id with a party id (or a tag id
// with a user id) fails loudly instead of by coincidence.
const ID_STARTS: Record<string, number> = {
  users: 70000, parties: 1_000_000, contacts: 5_000_000, tags: 9_000, subject_fields: 300, subject_datas: 8_000_000,
};

export function openDb(dbPath: string): Db {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  if (dbPath !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  const seq = db.prepare('INSERT INTO sqlite_sequence(name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)');
  for (const [table, start] of Object.entries(ID_STARTS)) seq.run(table, start, table);
  return db;
}

// ---- time -------------------------------------------------------------------------------------

/** ISO-8601 UTC without milliseconds, the only datetime spelling Highrise uses. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `since=yyyymmddhhmmss` (UTC) → stored ISO form, or null when malformed. */
export function sinceToIso(since: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(since.trim());
  if (!m) return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

// ---- rows -------------------------------------------------------------------------------------

export interface AccountRow { id: number; name: string; subdomain: string; people_limit: number | null; created_at: string; updated_at: string }
export interface IdentityRow { id: number; first_name: string; last_name: string; email_address: string }
export interface UserRow {
  id: number; account_id: number; identity_id: number | null; name: string; email_address: string;
  token: string; admin: number; created_at: string; updated_at: string;
}
export interface PartyRow {
  id: number; account_id: number; type: 'Person' | 'Company';
  first_name: string | null; last_name: string | null; name: string | null; title: string | null;
  background: string | null; linkedin_url: string | null; company_id: number | null;
  visible_to: string; owner_id: number | null; group_id: number | null; author_id: number | null;
  created_at: string; updated_at: string;
}
export type ContactKind = 'email' | 'phone' | 'address' | 'im' | 'twitter' | 'web';
export interface ContactRow {
  id: number; party_id: number; kind: ContactKind; location: string | null; address: string | null;
  number: string | null; street: string | null; city: string | null; state: string | null; zip: string | null;
  country: string | null; protocol: string | null; username: string | null; url: string | null;
}
export const CONTACT_VALUE_COLUMNS = ['location', 'address', 'number', 'street', 'city', 'state', 'zip', 'country', 'protocol', 'username', 'url'] as const;
export type ContactColumn = (typeof CONTACT_VALUE_COLUMNS)[number];
export type ContactValues = Partial<Record<ContactColumn, string | null>>;

export interface TagRow { id: number; account_id: number; name: string }
export interface SubjectFieldRow { id: number; account_id: number; label: string; type: string }
export interface SubjectDataRow { id: number; party_id: number; subject_field_id: number; subject_field_label: string; value: string }
export interface DeletionRow { record_type: string; record_id: number; deleted_at: string }

/** Party plus everything rendered with it, loaded in bulk for lists. */
export interface PartyBundle {
  party: PartyRow;
  companyName: string | null;
  contacts: ContactRow[];
  tags: TagRow[];
  subjectDatas: SubjectDataRow[];
}

// ---- accounts, users, identities --------------------------------------------------------------

export function getAccount(db: Db, id: number): AccountRow | undefined {
  return db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
}
export function getIdentity(db: Db, id: number): IdentityRow | undefined {
  return db.prepare('SELECT * FROM identities WHERE id = ?').get(id) as IdentityRow | undefined;
}
export function listIdentities(db: Db): IdentityRow[] {
  return db.prepare('SELECT * FROM identities ORDER BY id').all() as IdentityRow[];
}
export function listUsers(db: Db, accountId: number): UserRow[] {
  return db.prepare('SELECT * FROM users WHERE account_id = ? ORDER BY id').all(accountId) as UserRow[];
}
export function getUser(db: Db, accountId: number, id: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE account_id = ? AND id = ?').get(accountId, id) as UserRow | undefined;
}
export function userByToken(db: Db, accountId: number, token: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE account_id = ? AND token = ?').get(accountId, token) as UserRow | undefined;
}
export function userByIdentity(db: Db, accountId: number, identityId: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE account_id = ? AND identity_id = ? ORDER BY id LIMIT 1').get(accountId, identityId) as UserRow | undefined;
}
export function accountsOfIdentity(db: Db, identityId: number): AccountRow[] {
  return db.prepare('SELECT DISTINCT a.* FROM accounts a JOIN users u ON u.account_id = a.id WHERE u.identity_id = ? ORDER BY a.id').all(identityId) as AccountRow[];
}

// ---- parties ----------------------------------------------------------------------------------

/** Owner-only records are visible to their owner alone; groups are not modelled yet, so NamedGroup is visible. */
const VISIBLE = `(p.visible_to <> 'Owner' OR p.owner_id = @viewer)`;

export interface PartyQuery {
  accountId: number; viewerId: number; type: 'Person' | 'Company';
  title?: string; tagId?: number; sinceIso?: string; companyId?: number; offset: number; limit: number;
}

export function queryParties(db: Db, q: PartyQuery): PartyRow[] {
  const where = ['p.account_id = @accountId', 'p.type = @type', VISIBLE];
  if (q.title !== undefined) where.push('p.title = @title');
  if (q.tagId !== undefined) where.push('EXISTS (SELECT 1 FROM taggings t WHERE t.party_id = p.id AND t.tag_id = @tagId)');
  if (q.sinceIso !== undefined) where.push('p.updated_at >= @sinceIso');
  if (q.companyId !== undefined) where.push('p.company_id = @companyId');
  // Highrise lists alphabetically; with `since` it switches to oldest-change-first so syncs can resume.
  const order = q.sinceIso !== undefined
    ? 'p.updated_at, p.id'
    : q.type === 'Person'
      ? "lower(coalesce(p.last_name, '')), lower(coalesce(p.first_name, '')), p.id"
      : "lower(coalesce(p.name, '')), p.id";
  const sql = `SELECT p.* FROM parties p WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  return db.prepare(sql).all({
    accountId: q.accountId, viewer: q.viewerId, type: q.type, title: q.title, tagId: q.tagId,
    sinceIso: q.sinceIso, companyId: q.companyId, limit: q.limit, offset: q.offset,
  }) as PartyRow[];
}

export function getParty(db: Db, accountId: number, viewerId: number, type: 'Person' | 'Company', id: number): PartyRow | undefined {
  return db.prepare(`SELECT p.* FROM parties p WHERE p.account_id = @accountId AND p.type = @type AND p.id = @id AND ${VISIBLE}`)
    .get({ accountId, type, id, viewer: viewerId }) as PartyRow | undefined;
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

export function bundleParties(db: Db, parties: PartyRow[]): PartyBundle[] {
  if (parties.length === 0) return [];
  const ids = parties.map((p) => p.id);
  const ph = placeholders(ids.length);
  const contacts = db.prepare(`SELECT * FROM contacts WHERE party_id IN (${ph}) ORDER BY id`).all(...ids) as ContactRow[];
  const tags = db.prepare(`SELECT g.party_id, t.* FROM taggings g JOIN tags t ON t.id = g.tag_id WHERE g.party_id IN (${ph}) ORDER BY t.name, t.id`)
    .all(...ids) as (TagRow & { party_id: number })[];
  const datas = db.prepare(`SELECT d.id, d.party_id, d.subject_field_id, f.label AS subject_field_label, d.value
    FROM subject_datas d JOIN subject_fields f ON f.id = d.subject_field_id WHERE d.party_id IN (${ph}) ORDER BY d.id`).all(...ids) as SubjectDataRow[];
  const companyIds = [...new Set(parties.map((p) => p.company_id).filter((v): v is number => v != null))];
  const companyNames = new Map<number, string>();
  if (companyIds.length > 0) {
    const rows = db.prepare(`SELECT id, name FROM parties WHERE id IN (${placeholders(companyIds.length)})`).all(...companyIds) as { id: number; name: string }[];
    for (const r of rows) companyNames.set(r.id, r.name);
  }
  const group = <T extends { party_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) (m.get(r.party_id) ?? m.set(r.party_id, []).get(r.party_id)!).push(r);
    return m;
  };
  const byContacts = group(contacts);
  const byTags = group(tags);
  const byDatas = group(datas);
  return parties.map((party) => ({
    party,
    companyName: party.company_id != null ? companyNames.get(party.company_id) ?? null : null,
    contacts: byContacts.get(party.id) ?? [],
    tags: (byTags.get(party.id) ?? []).map(({ id, account_id, name }) => ({ id, account_id, name })),
    subjectDatas: byDatas.get(party.id) ?? [],
  }));
}

export type PartyFields = Partial<Pick<PartyRow,
  'first_name' | 'last_name' | 'name' | 'title' | 'background' | 'linkedin_url' | 'company_id' | 'visible_to' | 'owner_id' | 'group_id'>>;

export function insertParty(db: Db, row: { account_id: number; type: 'Person' | 'Company'; author_id: number | null; created_at: string; updated_at: string } & PartyFields): number {
  const cols = Object.keys(row);
  const info = db.prepare(`INSERT INTO parties (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(row);
  return Number(info.lastInsertRowid);
}

export function updateParty(db: Db, id: number, fields: PartyFields & { updated_at: string }): void {
  const cols = Object.keys(fields);
  db.prepare(`UPDATE parties SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
}

export function deleteParty(db: Db, party: PartyRow, deletedAt: string): void {
  db.transaction(() => {
    // People keep pointing at a deleted company in Highrise only until it is gone; detach them.
    if (party.type === 'Company') db.prepare('UPDATE parties SET company_id = NULL WHERE company_id = ?').run(party.id);
    db.prepare('DELETE FROM parties WHERE id = ?').run(party.id);
    db.prepare('INSERT INTO deletions (account_id, record_type, record_id, deleted_at) VALUES (?, ?, ?, ?)')
      .run(party.account_id, party.type, party.id, deletedAt);
  })();
}

export function countPeople(db: Db, accountId: number): number {
  return (db.prepare("SELECT count(*) AS n FROM parties WHERE account_id = ? AND type = 'Person'").get(accountId) as { n: number }).n;
}

export function findCompanyByName(db: Db, accountId: number, name: string): PartyRow | undefined {
  // Case-insensitive exact match like Highrise; lower() covers ASCII, upper-case accents are compared as stored.
  return db.prepare("SELECT * FROM parties WHERE account_id = ? AND type = 'Company' AND lower(name) = lower(?) ORDER BY id LIMIT 1")
    .get(accountId, name) as PartyRow | undefined;
}

export function companyExists(db: Db, accountId: number, id: number): boolean {
  return db.prepare("SELECT 1 FROM parties WHERE account_id = ? AND type = 'Company' AND id = ?").get(accountId, id) !== undefined;
}

// ---- contact data, tags, custom fields --------------------------------------------------------

export function insertContact(db: Db, partyId: number, kind: ContactKind, values: ContactValues): number {
  const cols = Object.keys(values);
  const info = db.prepare(`INSERT INTO contacts (party_id, kind${cols.map((c) => ',' + c).join('')}) VALUES (@party_id, @kind${cols.map((c) => ',@' + c).join('')})`)
    .run({ ...values, party_id: partyId, kind });
  return Number(info.lastInsertRowid);
}
export function getContact(db: Db, partyId: number, kind: ContactKind, id: number): ContactRow | undefined {
  return db.prepare('SELECT * FROM contacts WHERE party_id = ? AND kind = ? AND id = ?').get(partyId, kind, id) as ContactRow | undefined;
}
export function updateContact(db: Db, id: number, values: ContactValues): void {
  const cols = Object.keys(values);
  if (cols.length === 0) return;
  db.prepare(`UPDATE contacts SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...values, id });
}
export function deleteContact(db: Db, partyId: number, id: number): void {
  db.prepare('DELETE FROM contacts WHERE party_id = ? AND id = ?').run(partyId, id);
}

export function listTags(db: Db, accountId: number): TagRow[] {
  return db.prepare('SELECT * FROM tags WHERE account_id = ? ORDER BY name, id').all(accountId) as TagRow[];
}
export function insertTag(db: Db, accountId: number, name: string): number {
  return Number(db.prepare('INSERT INTO tags (account_id, name) VALUES (?, ?)').run(accountId, name).lastInsertRowid);
}
export function tagParty(db: Db, tagId: number, partyId: number): void {
  db.prepare('INSERT OR IGNORE INTO taggings (tag_id, party_id) VALUES (?, ?)').run(tagId, partyId);
}

export function listSubjectFields(db: Db, accountId: number, type: 'party' | 'deal' | 'all'): SubjectFieldRow[] {
  return (type === 'all'
    ? db.prepare('SELECT * FROM subject_fields WHERE account_id = ? ORDER BY id').all(accountId)
    : db.prepare('SELECT * FROM subject_fields WHERE account_id = ? AND type = ? ORDER BY id').all(accountId, type)) as SubjectFieldRow[];
}
export function insertSubjectField(db: Db, accountId: number, label: string, type: 'party' | 'deal' = 'party'): number {
  return Number(db.prepare('INSERT INTO subject_fields (account_id, label, type) VALUES (?, ?, ?)').run(accountId, label, type).lastInsertRowid);
}
export function subjectFieldExists(db: Db, accountId: number, id: number): boolean {
  return db.prepare("SELECT 1 FROM subject_fields WHERE account_id = ? AND id = ? AND type = 'party'").get(accountId, id) !== undefined;
}
export function setSubjectData(db: Db, partyId: number, fieldId: number, value: string): void {
  const existing = db.prepare('SELECT id FROM subject_datas WHERE party_id = ? AND subject_field_id = ?').get(partyId, fieldId) as { id: number } | undefined;
  if (existing) db.prepare('UPDATE subject_datas SET value = ? WHERE id = ?').run(value, existing.id);
  else db.prepare('INSERT INTO subject_datas (party_id, subject_field_id, value) VALUES (?, ?, ?)').run(partyId, fieldId, value);
}
export function updateSubjectDataById(db: Db, partyId: number, id: number, value: string | null): boolean {
  // A blank value removes the custom field from the record, as the Highrise UI does.
  const info = value == null || value === ''
    ? db.prepare('DELETE FROM subject_datas WHERE party_id = ? AND id = ?').run(partyId, id)
    : db.prepare('UPDATE subject_datas SET value = ? WHERE party_id = ? AND id = ?').run(value, partyId, id);
  return info.changes > 0;
}
export function deleteSubjectDataByField(db: Db, partyId: number, fieldId: number): void {
  db.prepare('DELETE FROM subject_datas WHERE party_id = ? AND subject_field_id = ?').run(partyId, fieldId);
}

export function listDeletions(db: Db, accountId: number, sinceIso: string | undefined, offset: number, limit: number): DeletionRow[] {
  return db.prepare(`SELECT record_type, record_id, deleted_at FROM deletions WHERE account_id = ? ${sinceIso ? 'AND deleted_at >= ?' : ''}
    ORDER BY deleted_at, seq LIMIT ? OFFSET ?`).all(...(sinceIso ? [accountId, sinceIso, limit, offset] : [accountId, limit, offset])) as DeletionRow[];
}
