// Shared list semantics for /people.xml and /companies.xml: offset paging by 500, tag and since filters.
import { type PartyQuery, sinceToIso } from '../store.js';
import { offsetParam } from './respond.js';

export const PAGE_SIZE = 500;

export type ListFilters = Pick<PartyQuery, 'offset' | 'limit' | 'title' | 'tagId' | 'sinceIso'>;

/** Parses list params; an unreadable `since` or `tag_id` is an error rather than "no filter". */
export function listFilters(query: URLSearchParams, allowTitle: boolean): ListFilters | { error: string } {
  const out: ListFilters = { offset: offsetParam(query), limit: PAGE_SIZE };
  const since = query.get('since');
  if (since !== null && since !== '') {
    const iso = sinceToIso(since);
    if (!iso) return { error: 'Since must be yyyymmddhhmmss' };
    out.sinceIso = iso;
  }
  const tag = query.get('tag_id');
  if (tag !== null && tag !== '') {
    if (!/^\d+$/.test(tag)) return { error: 'Tag is invalid' };
    out.tagId = Number(tag);
  }
  const title = query.get('title');
  if (allowTitle && title !== null && title !== '') out.title = title;
  return out;
}
