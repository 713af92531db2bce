// Helpers shared by the routes beyond people: subjects by URL segment, visibility fields, since/paging,
// 201 answers with Location, and 422 handling.
import { Unprocessable, VISIBILITIES } from '../party-write.js';
import { getDeal, getGroup, getKase, type SubjectType } from '../records.js';
import { type Db, type PartyBundle, type PartyRow, bundleParties, getParty, sinceToIso, stmt, visibleSql } from '../store.js';
import { type XmlNode, intLeaf, leaf } from '../xml-read.js';
import { unprocessable, xml } from './respond.js';
import type { HighriseRequest } from './types.js';

export const SEARCH_PAGE = 25;

/** `/{subject}/{id}/…` segments and what they point at. */
export const SUBJECT_SEGMENT = '(people|companies|kases|deals)';

export interface Subject { type: SubjectType; id: number; name: string | null }

/** The subject named by a URL segment and id, if it exists and the user may see it. */
export function resolveSubject(r: HighriseRequest, segment: string, id: number): Subject | undefined {
  if (segment === 'people' || segment === 'companies') {
    const p = getParty(r.db, r.account.id, r.user.id, segment === 'people' ? 'Person' : 'Company', id);
    return p ? { type: 'Party', id, name: partyName(p) } : undefined;
  }
  if (segment === 'deals') {
    const d = getDeal(r.db, r.account.id, r.user.id, id);
    return d ? { type: 'Deal', id, name: d.name } : undefined;
  }
  const k = getKase(r.db, r.account.id, r.user.id, id);
  return k ? { type: 'Kase', id, name: k.name } : undefined;
}

/** The subject given as subject-type/subject-id in a body (Person and Company are accepted for Party). */
export function resolveSubjectByType(r: HighriseRequest, type: string, id: number): Subject | undefined {
  if (type === 'Party' || type === 'Person' || type === 'Company') {
    const p = stmt(r.db, `SELECT p.* FROM parties p WHERE p.account_id = @a AND p.id = @id AND ${visibleSql('p')}`)
      .get({ a: r.account.id, id, viewer: r.user.id }) as PartyRow | undefined;
    if (!p || (type !== 'Party' && p.type !== type)) return undefined;
    return { type: 'Party', id, name: partyName(p) };
  }
  if (type === 'Deal') return resolveSubject(r, 'deals', id);
  if (type === 'Kase') return resolveSubject(r, 'kases', id);
  return undefined;
}

export function partyName(p: Pick<PartyRow, 'type' | 'first_name' | 'last_name' | 'name'>): string {
  return p.type === 'Company' ? p.name ?? '' : [p.first_name, p.last_name].filter(Boolean).join(' ');
}

/** Names of subjects regardless of visibility (for subject-name on records the user can already see). */
export function subjectName(db: Db, type: string | null, id: number | null): string | null {
  if (type == null || id == null) return null;
  if (type === 'Party') {
    const p = stmt(db, 'SELECT type, first_name, last_name, name FROM parties WHERE id = ?').get(id) as PartyRow | undefined;
    return p ? partyName(p) : null;
  }
  const table = type === 'Deal' ? 'deals' : type === 'Kase' ? 'kases' : null;
  if (!table) return null;
  return (stmt(db, `SELECT name FROM ${table} WHERE id = ?`).get(id) as { name: string } | undefined)?.name ?? null;
}

/** Visible parties by id, in the order given, rendered-ready. */
export function visiblePartyBundles(r: HighriseRequest, ids: number[]): PartyBundle[] {
  if (ids.length === 0) return [];
  const rows = stmt(r.db, `SELECT p.* FROM parties p WHERE p.account_id = @a AND p.id IN (${ids.map((i) => Number(i)).join(',')}) AND ${visibleSql('p')}`)
    .all({ a: r.account.id, viewer: r.user.id }) as PartyRow[];
  const byId = new Map(bundleParties(r.db, rows).map((b) => [b.party.id, b]));
  return ids.map((id) => byId.get(id)).filter((b): b is PartyBundle => b !== undefined);
}

export interface VisibilityFields { visible_to?: string; owner_id?: number | null; group_id?: number | null }

/** visible-to / owner-id / group-id from a body; Owner defaults the owner to the caller, NamedGroup needs a group. */
export function readVisibility(r: HighriseRequest, root: XmlNode, creating: boolean): VisibilityFields {
  const out: VisibilityFields = {};
  const visibleTo = leaf(root, 'visible-to', 'visible_to');
  if (visibleTo !== undefined) {
    if (visibleTo === null || !VISIBILITIES.includes(visibleTo)) throw new Unprocessable(['Visible to is not included in the list']);
    out.visible_to = visibleTo;
  } else if (creating) out.visible_to = 'Everyone';
  for (const [el, col] of [['owner-id', 'owner_id'], ['group-id', 'group_id']] as const) {
    const v = intLeaf(root, el, el.replace('-', '_'));
    if (v === 'invalid') throw new Unprocessable([`${el} is invalid`]);
    if (v !== undefined) out[col] = v;
  }
  if (out.visible_to === 'Owner' && out.owner_id == null) out.owner_id = r.user.id;
  if (out.visible_to === 'NamedGroup') {
    if (out.group_id == null) throw new Unprocessable(["Group can't be blank"]);
    if (!getGroup(r.db, r.account.id, out.group_id)) throw new Unprocessable(['Group does not exist']);
  }
  return out;
}

export type SinceResult = { ok: true; iso: string | undefined } | { ok: false; response: Response };

export function sinceParam(r: HighriseRequest): SinceResult {
  const since = r.query.get('since');
  if (since === null || since === '') return { ok: true, iso: undefined };
  const iso = sinceToIso(since);
  return iso ? { ok: true, iso } : { ok: false, response: unprocessable(r.c, ['Since must be yyyymmddhhmmss']) };
}

export function locationOf(r: HighriseRequest, path: string): string {
  return `${r.base}/highrise/${r.account.id}/${path}`;
}

export function created(r: HighriseRequest, path: string, body: string): Response {
  return xml(r.c, body, 201, { Location: locationOf(r, path) });
}

/** Runs a write; an Unprocessable thrown inside rolls back (when inside a transaction) and answers 422. */
export async function guard(r: HighriseRequest, fn: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Unprocessable) return unprocessable(r.c, e.messages);
    throw e;
  }
}

export function insufficientStorage(r: HighriseRequest): Response {
  return r.c.body(null, 507);
}

export function forbidden(r: HighriseRequest): Response {
  return r.c.body(null, 403);
}

/** Text leaf that must be present and not blank. */
export function requiredText(root: XmlNode, names: string[], message: string): string {
  const v = leaf(root, ...names);
  if (v == null || v.trim() === '') throw new Unprocessable([message]);
  return v;
}

/** Integer leaf: undefined absent, null empty/nil, or a number; garbage → 422. */
export function optionalInt(root: XmlNode, names: string[], label: string): number | null | undefined {
  const v = intLeaf(root, ...names);
  if (v === 'invalid') throw new Unprocessable([`${label} is not a number`]);
  return v;
}

/** Accepts ISO-8601 datetimes (with or without zone; no zone means UTC) → stored form, or 422. */
export function datetimeLeaf(root: XmlNode, names: string[], label: string): string | null | undefined {
  const v = leaf(root, ...names);
  if (v == null) return v;
  const text = v.trim();
  const normalized = /^\d{4}-\d\d-\d\d$/.test(text) ? `${text}T00:00:00Z` : /[zZ]$|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`;
  const ms = Date.parse(normalized);
  if (Number.isNaN(ms)) throw new Unprocessable([`${label} is not a valid datetime`]);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
