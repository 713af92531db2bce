// SQLite schema and queries for the sandbox. Everything the emulator knows lives here so routes
// stay thin and tests can reach the same functions.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, subdomain TEXT NOT NULL,
  people_limit INTEGER, time_zone TEXT NOT NULL DEFAULT 'UTC', created_at TEXT NOT NULL, updated_at TEXT NOT NULL
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
CREATE TABLE IF NOT EXISTS sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS groups (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS memberships (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL,
  group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (group_id, user_id)
);
CREATE INDEX IF NOT EXISTS memberships_user ON memberships(user_id);
CREATE TABLE IF NOT EXISTS task_categories (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL, color TEXT NOT NULL DEFAULT '000000',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deal_categories (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL, color TEXT NOT NULL DEFAULT '000000',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deals (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL, background TEXT,
  category_id INTEGER, currency TEXT, duration INTEGER, price INTEGER, price_type TEXT, party_id INTEGER,
  responsible_party_id INTEGER, status TEXT NOT NULL DEFAULT 'pending', status_changed_on TEXT,
  visible_to TEXT NOT NULL DEFAULT 'Everyone', owner_id INTEGER, group_id INTEGER, author_id INTEGER,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deals_account ON deals(account_id, updated_at);
CREATE TABLE IF NOT EXISTS deal_subject_datas (
  id INTEGER PRIMARY KEY AUTOINCREMENT, deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  subject_field_id INTEGER NOT NULL REFERENCES subject_fields(id) ON DELETE CASCADE, value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deal_subject_datas_deal ON deal_subject_datas(deal_id);
CREATE TABLE IF NOT EXISTS deal_parties (
  deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE, PRIMARY KEY (deal_id, party_id)
);
CREATE TABLE IF NOT EXISTS kases (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL, background TEXT, closed_at TEXT,
  visible_to TEXT NOT NULL DEFAULT 'Everyone', owner_id INTEGER, group_id INTEGER, author_id INTEGER,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kase_parties (
  kase_id INTEGER NOT NULL REFERENCES kases(id) ON DELETE CASCADE,
  party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE, PRIMARY KEY (kase_id, party_id)
);
CREATE TABLE IF NOT EXISTS subject_taggings (
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE, subject_type TEXT NOT NULL, subject_id INTEGER NOT NULL,
  PRIMARY KEY (tag_id, subject_type, subject_id)
);
CREATE INDEX IF NOT EXISTS subject_taggings_subject ON subject_taggings(subject_type, subject_id);
CREATE TABLE IF NOT EXISTS recordings (
  id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, type TEXT NOT NULL CHECK (type IN ('Note','Email','Comment')),
  title TEXT, body TEXT NOT NULL DEFAULT '', author_id INTEGER, subject_type TEXT, subject_id INTEGER,
  parent_id INTEGER, visible_to TEXT NOT NULL DEFAULT 'Everyone', owner_id INTEGER, group_id INTEGER,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS recordings_subject ON recordings(subject_type, subject_id, type, created_at);
CREATE INDEX IF NOT EXISTS recordings_account ON recordings(account_id, updated_at);
CREATE INDEX IF NOT EXISTS recordings_parent ON recordings(parent_id);
CREATE TABLE IF NOT EXISTS attachments (
  id INTEGER PRIMARY KEY AUTOINCREMENT, recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  name TEXT NOT NULL, size INTEGER NOT NULL, content_type TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attachments_recording ON attachments(recording_id);
CREATE TABLE IF NOT EXISTS tasks (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, body TEXT NOT NULL, due_at TEXT, alert_at TEXT,
  done_at TEXT, author_id INTEGER, owner_id INTEGER, category_id INTEGER, subject_type TEXT, subject_id INTEGER,
  recording_id INTEGER, public INTEGER NOT NULL DEFAULT 0, notify INTEGER NOT NULL DEFAULT 1, recurring_period INTEGER,
  anchor_type INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_owner ON tasks(account_id, owner_id, done_at);
CREATE INDEX IF NOT EXISTS tasks_subject ON tasks(subject_type, subject_id);
CREATE TABLE IF NOT EXISTS party_views (
  user_id INTEGER NOT NULL, party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  PRIMARY KEY (user_id, party_id)
);
`;

// Distinct id ranges per table so a client that confuses a contact id with a party id (or a tag id
// with a user id) fails loudly instead of by coincidence.
const ID_STARTS: Record<string, number> = {
  users: 70000, parties: 1_000_000, contacts: 5_000_000, tags: 9_000, subject_fields: 300, subject_datas: 8_000_000, deal_subject_datas: 8_500_000,
  groups: 40_000, memberships: 45_000, task_categories: 50_000, deal_categories: 55_000, deals: 2_000_000, kases: 3_000_000,
  tasks: 4_000_000, attachments: 60_000_000,
};

/** Notes, emails and comments share one table (they are all Recordings) but each type has its own id range. */
export const RECORDING_ID_STARTS = { Note: 20_000_000, Email: 30_000_000, Comment: 40_000_000 } as const;

/** Next id of a named sequence that starts after `start`; never reuses an id, even after deletes. */
export function nextId(db: Db, name: string, start: number): number {
  return (stmt(db, `INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`)
    .get(name, start + 1) as { value: number }).value;
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();
/** Prepared statements are cached per database: the large seed and hot routes reuse them. */
export function stmt(db: Db, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Lower-cases and strips accents, so search for "renee" finds "Renée" (SQLite's lower() is ASCII-only). */
export function fold(value: string): string {
  return value.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Highrise visibility for any record with visible_to/owner_id/group_id: Everyone; Owner → only the owner;
 * NamedGroup → members of the group. Admins get no special view. Needs an @viewer parameter.
 */
export function visibleSql(alias: string): string {
  return `(${alias}.visible_to = 'Everyone' OR (${alias}.visible_to = 'Owner' AND ${alias}.owner_id = @viewer)
    OR (${alias}.visible_to = 'NamedGroup' AND ${alias}.group_id IN (SELECT m.group_id FROM memberships m WHERE m.user_id = @viewer)))`;
}

function migrate(db: Db): void {
  const cols = (db.prepare('PRAGMA table_info(accounts)').all() as { name: string }[]).map((c) => c.name);
  if (!cols.includes('time_zone')) db.exec("ALTER TABLE accounts ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'");
}

export function openDb(dbPath: string): Db {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  if (dbPath !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  migrate(db);
  db.function('fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? fold(v) : v));
  db.function('digits', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? v.replace(/\D/g, '') : v));
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

export interface AccountRow { id: number; name: string; subdomain: string; people_limit: number | null; time_zone: string; created_at: string; updated_at: string }
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
  return stmt(db, 'SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
}
export function getIdentity(db: Db, id: number): IdentityRow | undefined {
  return stmt(db, 'SELECT * FROM identities WHERE id = ?').get(id) as IdentityRow | undefined;
}
export function listIdentities(db: Db): IdentityRow[] {
  return stmt(db, 'SELECT * FROM identities ORDER BY id').all() as IdentityRow[];
}
export function listUsers(db: Db, accountId: number): UserRow[] {
  return stmt(db, 'SELECT * FROM users WHERE account_id = ? ORDER BY id').all(accountId) as UserRow[];
}
export function getUser(db: Db, accountId: number, id: number): UserRow | undefined {
  return stmt(db, 'SELECT * FROM users WHERE account_id = ? AND id = ?').get(accountId, id) as UserRow | undefined;
}
export function userByToken(db: Db, accountId: number, token: string): UserRow | undefined {
  return stmt(db, 'SELECT * FROM users WHERE account_id = ? AND token = ?').get(accountId, token) as UserRow | undefined;
}
export function userByEmail(db: Db, accountId: number, email: string): UserRow | undefined {
  return stmt(db, 'SELECT * FROM users WHERE account_id = ? AND lower(email_address) = lower(?)').get(accountId, email) as UserRow | undefined;
}
export function userByIdentity(db: Db, accountId: number, identityId: number): UserRow | undefined {
  return stmt(db, 'SELECT * FROM users WHERE account_id = ? AND identity_id = ? ORDER BY id LIMIT 1').get(accountId, identityId) as UserRow | undefined;
}
export function accountsOfIdentity(db: Db, identityId: number): AccountRow[] {
  return stmt(db, 'SELECT DISTINCT a.* FROM accounts a JOIN users u ON u.account_id = a.id WHERE u.identity_id = ? ORDER BY a.id').all(identityId) as AccountRow[];
}

// ---- parties ----------------------------------------------------------------------------------

const VISIBLE = visibleSql('p');

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
  return stmt(db, sql).all({
    accountId: q.accountId, viewer: q.viewerId, type: q.type, title: q.title, tagId: q.tagId,
    sinceIso: q.sinceIso, companyId: q.companyId, limit: q.limit, offset: q.offset,
  }) as PartyRow[];
}

export function getParty(db: Db, accountId: number, viewerId: number, type: 'Person' | 'Company', id: number): PartyRow | undefined {
  return stmt(db, `SELECT p.* FROM parties p WHERE p.account_id = @accountId AND p.type = @type AND p.id = @id AND ${VISIBLE}`)
    .get({ accountId, type, id, viewer: viewerId }) as PartyRow | undefined;
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

export function bundleParties(db: Db, parties: PartyRow[]): PartyBundle[] {
  if (parties.length === 0) return [];
  const ids = parties.map((p) => p.id);
  const ph = placeholders(ids.length);
  const contacts = stmt(db, `SELECT * FROM contacts WHERE party_id IN (${ph}) ORDER BY id`).all(...ids) as ContactRow[];
  const tags = stmt(db, `SELECT g.party_id, t.* FROM taggings g JOIN tags t ON t.id = g.tag_id WHERE g.party_id IN (${ph}) ORDER BY t.name, t.id`)
    .all(...ids) as (TagRow & { party_id: number })[];
  const datas = stmt(db, `SELECT d.id, d.party_id, d.subject_field_id, f.label AS subject_field_label, d.value
    FROM subject_datas d JOIN subject_fields f ON f.id = d.subject_field_id WHERE d.party_id IN (${ph}) ORDER BY d.id`).all(...ids) as SubjectDataRow[];
  const companyIds = [...new Set(parties.map((p) => p.company_id).filter((v): v is number => v != null))];
  const companyNames = new Map<number, string>();
  if (companyIds.length > 0) {
    const rows = stmt(db, `SELECT id, name FROM parties WHERE id IN (${placeholders(companyIds.length)})`).all(...companyIds) as { id: number; name: string }[];
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
  const info = stmt(db, `INSERT INTO parties (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(row);
  return Number(info.lastInsertRowid);
}

export function updateParty(db: Db, id: number, fields: PartyFields & { updated_at: string }): void {
  const cols = Object.keys(fields);
  stmt(db, `UPDATE parties SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
}

export function deleteParty(db: Db, party: PartyRow, deletedAt: string): void {
  db.transaction(() => {
    // People keep pointing at a deleted company in Highrise only until it is gone; detach them.
    if (party.type === 'Company') stmt(db, 'UPDATE parties SET company_id = NULL WHERE company_id = ?').run(party.id);
    stmt(db, 'DELETE FROM parties WHERE id = ?').run(party.id);
    stmt(db, 'INSERT INTO deletions (account_id, record_type, record_id, deleted_at) VALUES (?, ?, ?, ?)')
      .run(party.account_id, party.type, party.id, deletedAt);
  })();
}

export function countPeople(db: Db, accountId: number): number {
  return (stmt(db, "SELECT count(*) AS n FROM parties WHERE account_id = ? AND type = 'Person'").get(accountId) as { n: number }).n;
}

export function findCompanyByName(db: Db, accountId: number, name: string): PartyRow | undefined {
  // Case-insensitive exact match like Highrise; lower() covers ASCII, upper-case accents are compared as stored.
  return stmt(db, "SELECT * FROM parties WHERE account_id = ? AND type = 'Company' AND lower(name) = lower(?) ORDER BY id LIMIT 1")
    .get(accountId, name) as PartyRow | undefined;
}

export function companyExists(db: Db, accountId: number, id: number): boolean {
  return stmt(db, "SELECT 1 FROM parties WHERE account_id = ? AND type = 'Company' AND id = ?").get(accountId, id) !== undefined;
}

// ---- contact data, tags, custom fields --------------------------------------------------------

export function insertContact(db: Db, partyId: number, kind: ContactKind, values: ContactValues): number {
  const cols = Object.keys(values);
  const info = stmt(db, `INSERT INTO contacts (party_id, kind${cols.map((c) => ',' + c).join('')}) VALUES (@party_id, @kind${cols.map((c) => ',@' + c).join('')})`)
    .run({ ...values, party_id: partyId, kind });
  return Number(info.lastInsertRowid);
}
export function getContact(db: Db, partyId: number, kind: ContactKind, id: number): ContactRow | undefined {
  return stmt(db, 'SELECT * FROM contacts WHERE party_id = ? AND kind = ? AND id = ?').get(partyId, kind, id) as ContactRow | undefined;
}
export function updateContact(db: Db, id: number, values: ContactValues): void {
  const cols = Object.keys(values);
  if (cols.length === 0) return;
  stmt(db, `UPDATE contacts SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...values, id });
}
export function deleteContact(db: Db, partyId: number, id: number): void {
  stmt(db, 'DELETE FROM contacts WHERE party_id = ? AND id = ?').run(partyId, id);
}

export function listTags(db: Db, accountId: number): TagRow[] {
  return stmt(db, 'SELECT * FROM tags WHERE account_id = ? ORDER BY name, id').all(accountId) as TagRow[];
}
export function insertTag(db: Db, accountId: number, name: string): number {
  return Number(stmt(db, 'INSERT INTO tags (account_id, name) VALUES (?, ?)').run(accountId, name).lastInsertRowid);
}
export function tagParty(db: Db, tagId: number, partyId: number): void {
  stmt(db, 'INSERT OR IGNORE INTO taggings (tag_id, party_id) VALUES (?, ?)').run(tagId, partyId);
}

export function listSubjectFields(db: Db, accountId: number, type: 'party' | 'deal' | 'all'): SubjectFieldRow[] {
  return (type === 'all'
    ? stmt(db, 'SELECT * FROM subject_fields WHERE account_id = ? ORDER BY id').all(accountId)
    : stmt(db, 'SELECT * FROM subject_fields WHERE account_id = ? AND type = ? ORDER BY id').all(accountId, type)) as SubjectFieldRow[];
}
export function insertSubjectField(db: Db, accountId: number, label: string, type: 'party' | 'deal' = 'party'): number {
  return Number(stmt(db, 'INSERT INTO subject_fields (account_id, label, type) VALUES (?, ?, ?)').run(accountId, label, type).lastInsertRowid);
}
export function subjectFieldExists(db: Db, accountId: number, id: number): boolean {
  return stmt(db, "SELECT 1 FROM subject_fields WHERE account_id = ? AND id = ? AND type = 'party'").get(accountId, id) !== undefined;
}
export function setSubjectData(db: Db, partyId: number, fieldId: number, value: string): void {
  const existing = stmt(db, 'SELECT id FROM subject_datas WHERE party_id = ? AND subject_field_id = ?').get(partyId, fieldId) as { id: number } | undefined;
  if (existing) stmt(db, 'UPDATE subject_datas SET value = ? WHERE id = ?').run(value, existing.id);
  else stmt(db, 'INSERT INTO subject_datas (party_id, subject_field_id, value) VALUES (?, ?, ?)').run(partyId, fieldId, value);
}
export function updateSubjectDataById(db: Db, partyId: number, id: number, value: string | null): boolean {
  // A blank value removes the custom field from the record, as the Highrise UI does.
  const info = value == null || value === ''
    ? stmt(db, 'DELETE FROM subject_datas WHERE party_id = ? AND id = ?').run(partyId, id)
    : stmt(db, 'UPDATE subject_datas SET value = ? WHERE party_id = ? AND id = ?').run(value, partyId, id);
  return info.changes > 0;
}
export function deleteSubjectDataByField(db: Db, partyId: number, fieldId: number): void {
  stmt(db, 'DELETE FROM subject_datas WHERE party_id = ? AND subject_field_id = ?').run(partyId, fieldId);
}

export function listDeletions(db: Db, accountId: number, sinceIso: string | undefined, offset: number, limit: number): DeletionRow[] {
  return stmt(db, `SELECT record_type, record_id, deleted_at FROM deletions WHERE account_id = ? ${sinceIso ? 'AND deleted_at >= ?' : ''}
    ORDER BY deleted_at, seq LIMIT ? OFFSET ?`).all(...(sinceIso ? [accountId, sinceIso, limit, offset] : [accountId, limit, offset])) as DeletionRow[];
}
