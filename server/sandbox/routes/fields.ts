// Custom field definitions: create (party fields only), rename, delete (with every value).
import { Unprocessable } from '../party-write.js';
import { insertSubjectField, stmt, type SubjectFieldRow } from '../store.js';
import { leaf } from '../xml-read.js';
import { group, int, str, xmlDocument } from '../xml.js';
import { created, guard, requiredText } from './common.js';
import { notFound, ok, readXmlBody, unprocessable } from './respond.js';
import type { HighriseRequest, Route } from './types.js';

const fieldXml = (f: SubjectFieldRow) => xmlDocument(group('subject-field', [int('id', f.id), str('label', f.label), str('type', f.type)]));
const getField = (r: HighriseRequest, id: number) =>
  stmt(r.db, 'SELECT * FROM subject_fields WHERE account_id = ? AND id = ?').get(r.account.id, id) as SubjectFieldRow | undefined;
const ROOTS = ['subject-field', 'subject_field'];

async function create(r: HighriseRequest): Promise<Response> {
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  if (!ROOTS.includes(body.root.name)) return unprocessable(r.c, ["Label can't be blank"]);
  return guard(r, () => {
    const label = requiredText(body.root, ['label'], "Label can't be blank").trim();
    const type = leaf(body.root, 'type');
    // Deal fields cannot be created through the API (custom_fields.md).
    if (type != null && type !== 'party') throw new Unprocessable(['Only party custom fields can be created through the API']);
    if (stmt(r.db, "SELECT 1 FROM subject_fields WHERE account_id = ? AND type = 'party' AND fold(label) = fold(?)").get(r.account.id, label)) {
      throw new Unprocessable(['Label has already been taken']);
    }
    const id = insertSubjectField(r.db, r.account.id, label, 'party');
    return created(r, `subject_fields/${id}.xml`, fieldXml(getField(r, id)!));
  });
}

async function rename(r: HighriseRequest): Promise<Response> {
  const f = getField(r, Number(r.params[0]));
  if (!f) return notFound(r.c);
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  return guard(r, () => {
    stmt(r.db, 'UPDATE subject_fields SET label = ? WHERE id = ?').run(requiredText(body.root, ['label'], "Label can't be blank").trim(), f.id);
    return ok(r.c);
  });
}

function destroy(r: HighriseRequest): Response {
  const f = getField(r, Number(r.params[0]));
  if (!f) return notFound(r.c);
  stmt(r.db, 'DELETE FROM subject_fields WHERE id = ?').run(f.id);
  return ok(r.c);
}

export const fieldRoutes: Route[] = [
  { method: 'POST', pattern: /^\/subject_fields\.xml$/, handler: create },
  { method: 'GET', pattern: /^\/subject_fields\/(\d+)\.xml$/, handler: (r) => { const f = getField(r, Number(r.params[0])); return f ? r.c.body(fieldXml(f), 200, { 'Content-Type': 'application/xml; charset=utf-8' }) : notFound(r.c); } },
  { method: 'PUT', pattern: /^\/subject_fields\/(\d+)\.xml$/, handler: rename },
  { method: 'DELETE', pattern: /^\/subject_fields\/(\d+)\.xml$/, handler: destroy },
];
