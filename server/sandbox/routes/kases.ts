// Cases (kases): open and closed lists, get, create (507 at the plan limit), update (closed-at closes,
// an empty closed-at reopens; parties cannot be changed), delete.
import { Unprocessable } from '../party-write.js';
import { type KaseRow, countKases, deleteSubjectDependents, getKase, insertRow, kasePartyIds, queryKases, recordDeletion, updateRow } from '../records.js';
import { kaseElement } from '../render-records.js';
import { isoSeconds, stmt } from '../store.js';
import { type XmlNode, leaf } from '../xml-read.js';
import { array, xmlDocument } from '../xml.js';
import { created, datetimeLeaf, guard, insufficientStorage, readVisibility, visiblePartyBundles } from './common.js';
import { notFound, ok, readXmlBody, unprocessable, xml } from './respond.js';
import { subjectTags } from './tags.js';
import type { HighriseRequest, Route } from './types.js';

function kaseXml(r: HighriseRequest, k: KaseRow) {
  return kaseElement(r, k, visiblePartyBundles(r, kasePartyIds(r.db, k.id)), subjectTags(r.db, 'Kase', k.id));
}

const list = (closed: boolean) => (r: HighriseRequest) =>
  xml(r.c, xmlDocument(array('kases', queryKases(r.db, r.account.id, r.user.id, closed).map((k) => kaseXml(r, k)))));

function show(r: HighriseRequest): Response {
  const k = getKase(r.db, r.account.id, r.user.id, Number(r.params[0]));
  return k ? xml(r.c, xmlDocument(kaseXml(r, k))) : notFound(r.c);
}

function readKase(r: HighriseRequest, root: XmlNode, creating: boolean): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  const name = leaf(root, 'name');
  if (name !== undefined || creating) {
    if (name == null || name.trim() === '') throw new Unprocessable(["Name can't be blank"]);
    f.name = name;
  }
  const background = leaf(root, 'background');
  if (background !== undefined) f.background = background;
  const closedAt = datetimeLeaf(root, ['closed-at', 'closed_at'], 'Closed at');
  if (closedAt !== undefined) f.closed_at = closedAt;
  Object.assign(f, readVisibility(r, root, creating));
  return f;
}

async function create(r: HighriseRequest): Promise<Response> {
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  if (body.root.name !== 'kase') return unprocessable(r.c, ["Name can't be blank"]);
  return guard(r, () => {
    const now = isoSeconds(r.nowMs);
    const id = r.db.transaction(() => {
      const fields = readKase(r, body.root, true);
      if (r.plan.cases !== undefined && countKases(r.db, r.account.id) >= r.plan.cases) return 'full' as const;
      // Parties cannot be added to a case through the API (cases.md): any <parties> is ignored.
      return insertRow(r.db, 'kases', { ...fields, account_id: r.account.id, author_id: r.user.id, created_at: now, updated_at: now });
    })();
    if (id === 'full') return insufficientStorage(r);
    const k = getKase(r.db, r.account.id, r.user.id, id);
    return k ? created(r, `kases/${id}.xml`, xmlDocument(kaseXml(r, k))) : notFound(r.c);
  });
}

async function update(r: HighriseRequest): Promise<Response> {
  const id = Number(r.params[0]);
  if (!getKase(r.db, r.account.id, r.user.id, id)) return notFound(r.c);
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  return guard(r, () => {
    updateRow(r.db, 'kases', id, { ...readKase(r, body.root, false), updated_at: isoSeconds(r.nowMs) });
    return r.query.get('reload') === 'true' ? show(r) : ok(r.c);
  });
}

function destroy(r: HighriseRequest): Response {
  const k = getKase(r.db, r.account.id, r.user.id, Number(r.params[0]));
  if (!k) return notFound(r.c);
  const now = isoSeconds(r.nowMs);
  r.db.transaction(() => {
    deleteSubjectDependents(r.db, r.account.id, 'Kase', k.id, now);
    stmt(r.db, 'DELETE FROM kases WHERE id = ?').run(k.id);
    recordDeletion(r.db, r.account.id, 'Kase', k.id, now);
  })();
  return ok(r.c);
}

export const kaseRoutes: Route[] = [
  { method: 'GET', pattern: /^\/kases\/open\.xml$/, handler: list(false) },
  { method: 'GET', pattern: /^\/kases\/closed\.xml$/, handler: list(true) },
  { method: 'GET', pattern: /^\/kases\/(\d+)\.xml$/, handler: show },
  { method: 'POST', pattern: /^\/kases\.xml$/, handler: create },
  { method: 'PUT', pattern: /^\/kases\/(\d+)\.xml$/, handler: update },
  { method: 'DELETE', pattern: /^\/kases\/(\d+)\.xml$/, handler: destroy },
];
