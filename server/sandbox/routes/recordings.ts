// Notes, emails and comments (all "recordings"), the /recordings.xml stream, Atom feeds and attachment files.
import { Unprocessable } from '../party-write.js';
import {
  type RecordingRow, type RecordingType, attachmentsOf, deleteRecording, getAnyRecording, getAttachment, getRecording,
  listComments, newRecordingId, queryRecordings, updateRow,
} from '../records.js';
import { ATOM_CONTENT_TYPE, atomFeed, recordingElement } from '../render-records.js';
import { getUser, isoSeconds, stmt } from '../store.js';
import { type XmlNode, leaf } from '../xml-read.js';
import { array, xmlDocument } from '../xml.js';
import {
  SEARCH_PAGE, SUBJECT_SEGMENT, type Subject, created, guard, locationOf, optionalInt, readVisibility, requiredText,
  resolveSubject, resolveSubjectByType, sinceParam, subjectName,
} from './common.js';
import { notFound, offsetParam, ok, readXmlBody, unprocessable, xml } from './respond.js';
import type { HighriseRequest, Route } from './types.js';

const SEG: Record<RecordingType, string> = { Note: 'notes', Email: 'emails', Comment: 'comments' };

export function recordingXml(r: HighriseRequest, rows: RecordingRow[], asRecording = false) {
  const files = attachmentsOf(r.db, rows.filter((x) => x.type !== 'Comment').map((x) => x.id));
  return rows.map((row) => recordingElement(r, row, {
    subjectName: subjectName(r.db, row.subject_type, row.subject_id), attachments: files.get(row.id) ?? [],
  }, asRecording));
}

function one(r: HighriseRequest, type: RecordingType, id: number): Response {
  const row = getRecording(r.db, r.account.id, r.user.id, type, id);
  return row ? xml(r.c, xmlDocument(recordingXml(r, [row])[0])) : notFound(r.c);
}

/** Notes and emails of a subject: pages of 25, newest first; with since, oldest change first. */
const listForSubject = (type: 'Note' | 'Email') => (r: HighriseRequest): Response => {
  const s = resolveSubject(r, r.params[0], Number(r.params[1]));
  if (!s) return notFound(r.c);
  const since = sinceParam(r);
  if (!since.ok) return since.response;
  const rows = queryRecordings(r.db, {
    accountId: r.account.id, viewerId: r.user.id, types: [type], subject: { type: s.type, id: s.id }, sinceIso: since.iso,
    offset: offsetParam(r.query), limit: SEARCH_PAGE,
  });
  return xml(r.c, xmlDocument(array(SEG[type], recordingXml(r, rows))));
};

/** The author, or an admin, may change or delete a recording; others are refused (REAL-WORLD #16). */
function mayEdit(r: HighriseRequest, row: RecordingRow): boolean {
  return row.author_id === r.user.id || r.user.admin === 1;
}

function readSubject(r: HighriseRequest, root: XmlNode): Subject | undefined {
  const type = leaf(root, 'subject-type', 'subject_type');
  const id = optionalInt(root, ['subject-id', 'subject_id'], 'Subject');
  if (type == null && id == null) return undefined;
  if (type == null || id == null) throw new Unprocessable(["Subject can't be blank"]);
  const s = resolveSubjectByType(r, type.trim(), id);
  if (!s) throw new Unprocessable(['Subject does not exist']);
  return s;
}

const create = (type: 'Note' | 'Email') => async (r: HighriseRequest): Promise<Response> => {
  let subject: Subject | undefined;
  if (r.params.length >= 2) {
    subject = resolveSubject(r, r.params[0], Number(r.params[1]));
    if (!subject) return notFound(r.c);
  }
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  const root = body.root;
  if (root.name !== type.toLowerCase()) return unprocessable(r.c, ["Body can't be blank"]);
  return guard(r, () => {
    const now = isoSeconds(r.nowMs);
    const id = r.db.transaction(() => {
      const s = subject ?? readSubject(r, root);
      if (!s) throw new Unprocessable(["Subject can't be blank"]);
      const text = requiredText(root, ['body'], "Body can't be blank");
      const title = type === 'Email' ? requiredText(root, ['title'], "Title can't be blank") : null;
      const newId = newRecordingId(r.db, type);
      stmt(r.db, `INSERT INTO recordings (id, account_id, type, title, body, author_id, subject_type, subject_id, visible_to, owner_id, group_id, created_at, updated_at)
        VALUES (@id, @account_id, @type, @title, @body, @author_id, @subject_type, @subject_id, @visible_to, @owner_id, @group_id, @now, @now)`).run({
        owner_id: null, group_id: null, ...readVisibility(r, root, true),
        id: newId, account_id: r.account.id, type, title, body: text, author_id: r.user.id, subject_type: s.type, subject_id: s.id, now,
      });
      return newId;
    })();
    const row = getRecording(r.db, r.account.id, r.user.id, type, id);
    return row ? created(r, `${SEG[type]}/${id}.xml`, xmlDocument(recordingXml(r, [row])[0])) : notFound(r.c);
  });
};

const update = (type: RecordingType) => async (r: HighriseRequest): Promise<Response> => {
  const row = getRecording(r.db, r.account.id, r.user.id, type, Number(r.params[0]));
  if (!row) return notFound(r.c);
  if (!mayEdit(r, row)) return r.c.body(null, 403);
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  return guard(r, () => {
    const f: Record<string, unknown> = {};
    const text = leaf(body.root, 'body');
    if (text !== undefined) {
      if (text === null || text.trim() === '') throw new Unprocessable(["Body can't be blank"]);
      f.body = text;
    }
    if (type === 'Email') {
      const title = leaf(body.root, 'title');
      if (title !== undefined) f.title = title;
    }
    if (type !== 'Comment') {
      const s = readSubject(r, body.root);
      if (s) Object.assign(f, { subject_type: s.type, subject_id: s.id });
      Object.assign(f, readVisibility(r, body.root, false));
    }
    updateRow(r.db, 'recordings', row.id, { ...f, updated_at: isoSeconds(r.nowMs) });
    return r.query.get('reload') === 'true' ? one(r, type, row.id) : ok(r.c);
  });
};

const destroy = (type: RecordingType) => (r: HighriseRequest): Response => {
  const row = getRecording(r.db, r.account.id, r.user.id, type, Number(r.params[0]));
  if (!row) return notFound(r.c);
  if (!mayEdit(r, row)) return r.c.body(null, 403);
  r.db.transaction(() => deleteRecording(r.db, row, isoSeconds(r.nowMs)))();
  return ok(r.c);
};

const comments = (type: 'Note' | 'Email') => (r: HighriseRequest): Response => {
  const parent = getRecording(r.db, r.account.id, r.user.id, type, Number(r.params[0]));
  if (!parent) return notFound(r.c);
  return xml(r.c, xmlDocument(array('comments', recordingXml(r, listComments(r.db, parent.id)))));
};

async function createComment(r: HighriseRequest): Promise<Response> {
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  if (body.root.name !== 'comment') return unprocessable(r.c, ["Body can't be blank"]);
  return guard(r, () => {
    const parentId = optionalInt(body.root, ['parent-id', 'parent_id'], 'Parent');
    if (parentId == null) throw new Unprocessable(["Parent can't be blank"]);
    const parent = getAnyRecording(r.db, r.account.id, r.user.id, parentId);
    if (!parent || parent.type === 'Comment') throw new Unprocessable(['Parent must be a note or an email']);
    const text = requiredText(body.root, ['body'], "Body can't be blank");
    const now = isoSeconds(r.nowMs);
    const id = newRecordingId(r.db, 'Comment');
    stmt(r.db, `INSERT INTO recordings (id, account_id, type, body, author_id, parent_id, created_at, updated_at)
      VALUES (?, ?, 'Comment', ?, ?, ?, ?, ?)`).run(id, r.account.id, text, r.user.id, parent.id, now, now);
    const row = getRecording(r.db, r.account.id, r.user.id, 'Comment', id)!;
    return created(r, `comments/${id}.xml`, xmlDocument(recordingXml(r, [row])[0]));
  });
}

function recordings(r: HighriseRequest): Response {
  const since = sinceParam(r);
  if (!since.ok) return since.response;
  const rows = queryRecordings(r.db, {
    accountId: r.account.id, viewerId: r.user.id, types: ['Note', 'Email', 'Comment'], sinceIso: since.iso, offset: offsetParam(r.query), limit: SEARCH_PAGE,
  });
  return xml(r.c, xmlDocument(array('recordings', recordingXml(r, rows, true))));
}

function atom(r: HighriseRequest): Response {
  let subject: Subject | undefined;
  if (r.params.length >= 2 && r.params[0] !== undefined) {
    subject = resolveSubject(r, r.params[0], Number(r.params[1]));
    if (!subject) return notFound(r.c);
  }
  const rows = queryRecordings(r.db, {
    accountId: r.account.id, viewerId: r.user.id, types: subject ? ['Note', 'Email'] : ['Note', 'Email', 'Comment'],
    subject: subject ? { type: subject.type, id: subject.id } : undefined, offset: 0, limit: 25,
  });
  const self = locationOf(r, subject ? `${r.params[0]}/${subject.id}/recordings.atom` : 'recordings.atom');
  const body = atomFeed({
    id: self.replace(/\.atom$/, ''),
    title: subject ? `${r.account.name}: ${subject.name ?? ''}` : `${r.account.name}: latest activity`,
    self,
    updated: rows.reduce((max, x) => (x.updated_at > max ? x.updated_at : max), r.account.updated_at),
    entries: rows.map((rec) => {
      const parent = rec.type === 'Comment' && rec.parent_id != null ? (stmt(r.db, 'SELECT * FROM recordings WHERE id = ?').get(rec.parent_id) as RecordingRow | undefined) : undefined;
      const about = parent ?? rec;
      return {
        rec, subjectName: subjectName(r.db, about.subject_type, about.subject_id),
        authorName: rec.author_id != null ? getUser(r.db, r.account.id, rec.author_id)?.name ?? null : null,
        href: locationOf(r, `${SEG[rec.type]}/${rec.id}.xml`),
      };
    }),
  });
  return r.c.body(body, 200, { 'Content-Type': ATOM_CONTENT_TYPE });
}

const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', pdf: 'application/pdf', txt: 'text/plain; charset=utf-8', csv: 'text/csv; charset=utf-8' };

/** Attachment downloads: deterministic filler bytes of the recorded size (capped), never real content. */
function file(r: HighriseRequest): Response {
  const a = getAttachment(r.db, r.account.id, r.user.id, Number(r.params[0]));
  if (!a) return notFound(r.c);
  const size = Math.min(a.size, 256 * 1024);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = 32 + ((i * 31 + a.id) % 95);
  return r.c.body(bytes, 200, {
    'Content-Type': MIME[a.name.split('.').pop()?.toLowerCase() ?? ''] ?? a.content_type,
    'Content-Disposition': `attachment; filename="${a.name.replace(/[^\x20-\x7e]|"/g, '_')}"`,
  });
}

const nested = (what: string) => new RegExp(`^/${SUBJECT_SEGMENT}/(\\d+)/${what}\\.xml$`);

export const recordingRoutes: Route[] = [
  { method: 'GET', pattern: nested('notes'), handler: listForSubject('Note') },
  { method: 'GET', pattern: nested('emails'), handler: listForSubject('Email') },
  { method: 'POST', pattern: nested('notes'), handler: create('Note') },
  { method: 'POST', pattern: nested('emails'), handler: create('Email') },
  { method: 'POST', pattern: /^\/notes\.xml$/, handler: create('Note') },
  { method: 'POST', pattern: /^\/emails\.xml$/, handler: create('Email') },
  { method: 'GET', pattern: /^\/notes\/(\d+)\.xml$/, handler: (r) => one(r, 'Note', Number(r.params[0])) },
  { method: 'GET', pattern: /^\/emails\/(\d+)\.xml$/, handler: (r) => one(r, 'Email', Number(r.params[0])) },
  { method: 'GET', pattern: /^\/comments\/(\d+)\.xml$/, handler: (r) => one(r, 'Comment', Number(r.params[0])) },
  { method: 'PUT', pattern: /^\/notes\/(\d+)\.xml$/, handler: update('Note') },
  { method: 'PUT', pattern: /^\/emails\/(\d+)\.xml$/, handler: update('Email') },
  { method: 'PUT', pattern: /^\/comments\/(\d+)\.xml$/, handler: update('Comment') },
  { method: 'DELETE', pattern: /^\/notes\/(\d+)\.xml$/, handler: destroy('Note') },
  { method: 'DELETE', pattern: /^\/emails\/(\d+)\.xml$/, handler: destroy('Email') },
  { method: 'DELETE', pattern: /^\/comments\/(\d+)\.xml$/, handler: destroy('Comment') },
  { method: 'GET', pattern: /^\/notes\/(\d+)\/comments\.xml$/, handler: comments('Note') },
  { method: 'GET', pattern: /^\/emails\/(\d+)\/comments\.xml$/, handler: comments('Email') },
  { method: 'POST', pattern: /^\/comments\.xml$/, handler: createComment },
  { method: 'GET', pattern: /^\/recordings\.xml$/, handler: recordings, bucket: 'recordings' },
  { method: 'GET', pattern: /^\/recordings\.atom$/, handler: atom },
  { method: 'GET', pattern: new RegExp(`^/${SUBJECT_SEGMENT}/(\\d+)/recordings\\.atom$`), handler: atom },
  { method: 'GET', pattern: /^\/files\/(\d+)$/, handler: file },
];
