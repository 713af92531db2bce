// Tasks: the lists (upcoming, assigned, completed, today, all, per subject), get, create by frame or
// due-at (frames are computed in the account's time zone), complete (recurring tasks schedule their
// next occurrence), update with reload (an empty done-at reopens), delete.
import { Unprocessable } from '../party-write.js';
import { type TaskRow, type TaskScope, getAnyRecording, getCategory, getTask, insertRow, queryTasks, recordDeletion, updateRow } from '../records.js';
import { taskElement } from '../render-records.js';
import { getUser, isoSeconds, stmt } from '../store.js';
import { FRAMES, type Frame, RECURRING_PERIODS, dueForFrame, frameBounds, localParts, nextOccurrence, zonedToUtc } from '../time.js';
import { type XmlNode, leaf } from '../xml-read.js';
import { array, xmlDocument } from '../xml.js';
import {
  SUBJECT_SEGMENT, created, datetimeLeaf, guard, optionalInt, requiredText, resolveSubject, resolveSubjectByType, subjectName,
} from './common.js';
import { notFound, ok, readXmlBody, unprocessable, xml } from './respond.js';
import type { HighriseRequest, Route } from './types.js';

function taskXml(r: HighriseRequest, t: TaskRow) {
  return taskElement(t, subjectName(r.db, t.subject_type, t.subject_id), r.account.time_zone, r.nowMs);
}

const tasksDoc = (r: HighriseRequest, rows: TaskRow[]) => xml(r.c, xmlDocument(array('tasks', rows.map((t) => taskXml(r, t)))));

const list = (scope: TaskScope) => (r: HighriseRequest): Response => {
  if (scope === 'today') {
    const b = frameBounds(r.account.time_zone, r.nowMs);
    return tasksDoc(r, queryTasks(r.db, r.account.id, r.user.id, 'today', { from: isoSeconds(b.startToday), to: isoSeconds(b.endToday) }));
  }
  return tasksDoc(r, queryTasks(r.db, r.account.id, r.user.id, scope));
};

function forSubject(r: HighriseRequest): Response {
  const s = resolveSubject(r, r.params[0], Number(r.params[1]));
  if (!s) return notFound(r.c);
  return tasksDoc(r, queryTasks(r.db, r.account.id, r.user.id, 'subject', { subject: { type: s.type, id: s.id } }));
}

function show(r: HighriseRequest, id = Number(r.params[0])): Response {
  const t = getTask(r.db, r.account.id, r.user.id, id);
  return t ? xml(r.c, xmlDocument(taskXml(r, t))) : notFound(r.c);
}

function boolLeaf(root: XmlNode, names: string[], label: string): boolean | undefined {
  const v = leaf(root, ...names);
  if (v == null) return undefined;
  const t = v.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  throw new Unprocessable([`${label} must be true or false`]);
}

const PERIOD_NAMES: Record<string, number | null> = { none: null, every_day: 0, every_week: 1, every_two_weeks: 2, every_month: 3, every_three_months: 4, every_six_months: 5, every_year: 7 };
for (const [code, spec] of Object.entries(RECURRING_PERIODS)) PERIOD_NAMES[spec.name] = Number(code);

function readTask(r: HighriseRequest, root: XmlNode, creating: boolean): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  const tz = r.account.time_zone;
  const body = leaf(root, 'body');
  if (body !== undefined || creating) f.body = requiredText(root, ['body'], "Body can't be blank");

  const dueAt = datetimeLeaf(root, ['due-at', 'due_at'], 'Due at');
  const frame = leaf(root, 'frame')?.trim();
  if (dueAt) f.due_at = dueAt;
  else if (frame !== undefined && frame !== 'specific') {
    if (!FRAMES.includes(frame as Frame)) throw new Unprocessable(['Frame is not included in the list']);
    f.due_at = dueForFrame(frame as Frame, tz, r.nowMs);
  } else if (creating) throw new Unprocessable([frame === 'specific' ? "Due at can't be blank" : 'Frame is not included in the list']);
  // Un-completing: an empty (or nil) done-at on update clears the completion. A value is ignored —
  // completing goes through complete.xml, which also schedules the next occurrence of a recurring task.
  if (!creating && leaf(root, 'done-at', 'done_at') === null) f.done_at = null;
  const alertAt = datetimeLeaf(root, ['alert-at', 'alert_at'], 'Alert at');
  if (alertAt !== undefined) f.alert_at = alertAt;

  const owner = optionalInt(root, ['owner-id', 'owner_id'], 'Owner');
  if (owner != null) {
    if (!getUser(r.db, r.account.id, owner)) throw new Unprocessable(['Owner does not exist']);
    f.owner_id = owner;
  } else if (creating) f.owner_id = r.user.id;
  const category = optionalInt(root, ['category-id', 'category_id'], 'Category');
  if (category !== undefined) {
    if (category !== null && !getCategory(r.db, 'task', r.account.id, category)) throw new Unprocessable(['Category does not exist']);
    f.category_id = category;
  }
  const isPublic = boolLeaf(root, ['public'], 'Public');
  if (isPublic !== undefined) f.public = isPublic ? 1 : 0;
  const notify = boolLeaf(root, ['notify'], 'Notify');
  if (notify !== undefined) f.notify = notify ? 1 : 0;

  // A recording binds the task to that recording and its subject (tasks.md).
  const recordingId = optionalInt(root, ['recording-id', 'recording_id'], 'Recording');
  if (recordingId != null) {
    const rec = getAnyRecording(r.db, r.account.id, r.user.id, recordingId);
    if (!rec) throw new Unprocessable(['Recording does not exist']);
    const about = rec.type === 'Comment' && rec.parent_id != null ? getAnyRecording(r.db, r.account.id, r.user.id, rec.parent_id) ?? rec : rec;
    Object.assign(f, { recording_id: rec.id, subject_type: about.subject_type, subject_id: about.subject_id });
  }
  const subjectType = leaf(root, 'subject-type', 'subject_type');
  const subjectId = optionalInt(root, ['subject-id', 'subject_id'], 'Subject');
  if (subjectType != null && subjectId != null) {
    const s = resolveSubjectByType(r, subjectType.trim(), subjectId);
    if (!s) throw new Unprocessable(['Subject does not exist']);
    Object.assign(f, { subject_type: s.type, subject_id: s.id });
  } else if ((subjectType === null && subjectId !== undefined) || (subjectId === null && subjectType !== undefined)) {
    Object.assign(f, { subject_type: null, subject_id: null });
  }

  const periodNode = leaf(root, 'recurring-period', 'recurring_period');
  if (periodNode !== undefined) {
    if (periodNode === null) f.recurring_period = null;
    else {
      const t = periodNode.trim().toLowerCase();
      const code = /^\d+$/.test(t) ? Number(t) : PERIOD_NAMES[t];
      if (code === undefined || (code !== null && !(code in RECURRING_PERIODS))) throw new Unprocessable(['Recurring period is not included in the list']);
      f.recurring_period = code;
    }
  }
  const anchor = leaf(root, 'anchor-type', 'anchor_type');
  if (anchor != null) {
    const t = anchor.trim().toLowerCase();
    const code = t === '0' || t === 'completion' ? 0 : t === '1' || t === 'due' ? 1 : undefined;
    if (code === undefined) throw new Unprocessable(['Anchor type is not included in the list']);
    f.anchor_type = code;
  }
  return f;
}

async function create(r: HighriseRequest): Promise<Response> {
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  if (body.root.name !== 'task') return unprocessable(r.c, ["Body can't be blank"]);
  return guard(r, () => {
    const now = isoSeconds(r.nowMs);
    const id = insertRow(r.db, 'tasks', { ...readTask(r, body.root, true), account_id: r.account.id, author_id: r.user.id, created_at: now, updated_at: now });
    const t = getTask(r.db, r.account.id, r.user.id, id);
    return t ? created(r, `tasks/${id}.xml`, xmlDocument(taskXml(r, t))) : notFound(r.c);
  });
}

/** When a recurring task is done, the next one is due a period after completion (anchor 0) or after the old due date (1). */
function scheduleNext(r: HighriseRequest, t: TaskRow): void {
  if (t.recurring_period == null || !(t.recurring_period in RECURRING_PERIODS)) return;
  const tz = r.account.time_zone;
  const due = t.due_at ? Date.parse(t.due_at) : null;
  let base: number;
  if (t.anchor_type === 1 && due !== null) base = due;
  else {
    // From the day of completion, keeping the task's time of day (end of day for frame tasks).
    const done = localParts(tz, r.nowMs);
    const time = due !== null ? localParts(tz, due) : { h: 23, mi: 59, s: 59 };
    base = zonedToUtc(tz, done.y, done.m, done.d, time.h, time.mi, time.s);
  }
  const now = isoSeconds(r.nowMs);
  insertRow(r.db, 'tasks', {
    account_id: t.account_id, body: t.body, due_at: isoSeconds(nextOccurrence(tz, base, t.recurring_period)), author_id: t.author_id,
    owner_id: t.owner_id, category_id: t.category_id, subject_type: t.subject_type, subject_id: t.subject_id, recording_id: t.recording_id,
    public: t.public, notify: t.notify, recurring_period: t.recurring_period, anchor_type: t.anchor_type, created_at: now, updated_at: now,
  });
}

function complete(r: HighriseRequest): Response {
  const t = getTask(r.db, r.account.id, r.user.id, Number(r.params[0]));
  if (!t) return notFound(r.c);
  if (t.done_at === null) {
    r.db.transaction(() => {
      const now = isoSeconds(r.nowMs);
      updateRow(r.db, 'tasks', t.id, { done_at: now, updated_at: now });
      scheduleNext(r, t);
    })();
  }
  return show(r, t.id);
}

async function update(r: HighriseRequest): Promise<Response> {
  const id = Number(r.params[0]);
  if (!getTask(r.db, r.account.id, r.user.id, id)) return notFound(r.c);
  const body = await readXmlBody(r.c);
  if (!body.ok) return body.response;
  return guard(r, () => {
    updateRow(r.db, 'tasks', id, { ...readTask(r, body.root, false), updated_at: isoSeconds(r.nowMs) });
    return r.query.get('reload') === 'true' ? show(r, id) : ok(r.c);
  });
}

function destroy(r: HighriseRequest): Response {
  const t = getTask(r.db, r.account.id, r.user.id, Number(r.params[0]));
  if (!t) return notFound(r.c);
  r.db.transaction(() => {
    stmt(r.db, 'DELETE FROM tasks WHERE id = ?').run(t.id);
    recordDeletion(r.db, r.account.id, 'Task', t.id, isoSeconds(r.nowMs));
  })();
  return ok(r.c);
}

export const taskRoutes: Route[] = [
  { method: 'GET', pattern: new RegExp(`^/${SUBJECT_SEGMENT}/(\\d+)/tasks\\.xml$`), handler: forSubject },
  { method: 'GET', pattern: /^\/tasks\/upcoming\.xml$/, handler: list('upcoming') },
  { method: 'GET', pattern: /^\/tasks\/assigned\.xml$/, handler: list('assigned') },
  { method: 'GET', pattern: /^\/tasks\/completed\.xml$/, handler: list('completed') },
  { method: 'GET', pattern: /^\/tasks\/today\.xml$/, handler: list('today') },
  { method: 'GET', pattern: /^\/tasks\/all\.xml$/, handler: list('all') },
  { method: 'GET', pattern: /^\/tasks\/(\d+)\.xml$/, handler: (r) => show(r) },
  { method: 'POST', pattern: /^\/tasks\.xml$/, handler: create },
  { method: 'POST', pattern: /^\/tasks\/(\d+)\/complete\.xml$/, handler: complete },
  { method: 'PUT', pattern: /^\/tasks\/(\d+)\.xml$/, handler: update },
  { method: 'DELETE', pattern: /^\/tasks\/(\d+)\.xml$/, handler: destroy },
];
