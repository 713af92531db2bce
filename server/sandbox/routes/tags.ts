// Tags on subjects: tagged parties, the tags of one subject, adding by bare <name> (idempotent by
// name), removing with a 200 and no body.
import type { SubjectType } from '../records.js';
import { renderParties, renderTags, tagElement } from '../render.js';
import { type Db, type PartyRow, type TagRow, bundleParties, insertTag, stmt, tagParty, visibleSql } from '../store.js';
import { leaf } from '../xml-read.js';
import { xmlDocument } from '../xml.js';
import { PAGE_SIZE } from './parties-list.js';
import { SUBJECT_SEGMENT, created, resolveSubject } from './common.js';
import { notFound, offsetParam, ok, readXmlBody, unprocessable, xml } from './respond.js';
import type { HighriseRequest, Route } from './types.js';

export function subjectTags(db: Db, type: SubjectType, id: number): TagRow[] {
  if (type === 'Party') {
    return stmt(db, 'SELECT t.* FROM taggings g JOIN tags t ON t.id = g.tag_id WHERE g.party_id = ? ORDER BY t.name, t.id').all(id) as TagRow[];
  }
  return stmt(db, 'SELECT t.* FROM subject_taggings g JOIN tags t ON t.id = g.tag_id WHERE g.subject_type = ? AND g.subject_id = ? ORDER BY t.name, t.id')
    .all(type, id) as TagRow[];
}

function tagged(r: HighriseRequest): Response {
  const tagId = Number(r.params[0]);
  if (!stmt(r.db, 'SELECT 1 FROM tags WHERE account_id = ? AND id = ?').get(r.account.id, tagId)) return notFound(r.c);
  // Parties only, never deals or cases (tags.md); attribute-typed <party type="…"> (REAL-WORLD #5), pages of 500.
  const rows = stmt(r.db, `SELECT p.* FROM parties p JOIN taggings g ON g.party_id = p.id WHERE g.tag_id = @tagId AND ${visibleSql('p')}
    ORDER BY p.type DESC, lower(coalesce(p.last_name, p.name, '')), lower(coalesce(p.first_name, '')), p.id LIMIT @limit OFFSET @offset`)
    .all({ tagId, viewer: r.user.id, limit: PAGE_SIZE, offset: offsetParam(r.query) }) as PartyRow[];
  return xml(r.c, renderParties(r, bundleParties(r.db, rows)));
}

function listForSubject(r: HighriseRequest): Response {
  const s = resolveSubject(r, r.params[0], Number(r.params[1]));
  return s ? xml(r.c, renderTags(subjectTags(r.db, s.type, s.id))) : notFound(r.c);
}

async function add(r: HighriseRequest): Promise<Response> {
  const s = resolveSubject(r, r.params[0], Number(r.params[1]));
  if (!s) return notFound(r.c);
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  const raw = body.root.name === 'name' ? body.root.text : leaf(body.root, 'name');
  const name = (raw ?? '').trim();
  if (name === '') return unprocessable(r.c, ["Name can't be blank"]);
  const tag = r.db.transaction((): TagRow => {
    const existing = stmt(r.db, 'SELECT * FROM tags WHERE account_id = ? AND fold(name) = fold(?) ORDER BY id LIMIT 1').get(r.account.id, name) as TagRow | undefined;
    const t = existing ?? { id: insertTag(r.db, r.account.id, name), account_id: r.account.id, name };
    if (s.type === 'Party') tagParty(r.db, t.id, s.id);
    else stmt(r.db, 'INSERT OR IGNORE INTO subject_taggings (tag_id, subject_type, subject_id) VALUES (?, ?, ?)').run(t.id, s.type, s.id);
    return t;
  })();
  return created(r, `tags/${tag.id}.xml`, xmlDocument(tagElement(tag)));
}

function remove(r: HighriseRequest): Response {
  const s = resolveSubject(r, r.params[0], Number(r.params[1]));
  if (!s) return notFound(r.c);
  const tagId = Number(r.params[2]);
  if (!stmt(r.db, 'SELECT 1 FROM tags WHERE account_id = ? AND id = ?').get(r.account.id, tagId)) return notFound(r.c);
  if (s.type === 'Party') stmt(r.db, 'DELETE FROM taggings WHERE tag_id = ? AND party_id = ?').run(tagId, s.id);
  else stmt(r.db, 'DELETE FROM subject_taggings WHERE tag_id = ? AND subject_type = ? AND subject_id = ?').run(tagId, s.type, s.id);
  return ok(r.c);
}

export const tagRoutes: Route[] = [
  { method: 'GET', pattern: /^\/tags\/(\d+)\.xml$/, handler: tagged },
  { method: 'GET', pattern: new RegExp(`^/${SUBJECT_SEGMENT}/(\\d+)/tags\\.xml$`), handler: listForSubject },
  { method: 'POST', pattern: new RegExp(`^/${SUBJECT_SEGMENT}/(\\d+)/tags\\.xml$`), handler: add },
  { method: 'DELETE', pattern: new RegExp(`^/${SUBJECT_SEGMENT}/(\\d+)/tags/(\\d+)\\.xml$`), handler: remove },
];
