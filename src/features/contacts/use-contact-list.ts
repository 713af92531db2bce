import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Company, Page, Person } from '../../../server/api/types';
import { apiFetch } from '../../api/client';
import { fetchCompaniesPage } from '../../api/companies';
import { useCompanyPeople } from '../../api/companies';
import { byId, nextPageOf } from '../../api/paging';
import { companyRow, matchesFilter, personRow, sortRows, type ContactRow, type SortKey } from './contact-rows';

export type ContactType = 'all' | 'people' | 'companies';

export interface ContactListParams {
  type: ContactType;
  tag?: number;
  title?: string;
  company?: number;
  sort: SortKey;
}

function fetchPeoplePage(page: number, tag: number | undefined, title: string | undefined, signal: AbortSignal): Promise<Page<Person>> {
  const q = new URLSearchParams({ page: String(page) });
  if (tag) q.set('tag', String(tag));
  if (title) q.set('title', title);
  return apiFetch<Page<Person>>(`/api/people?${q}`, { signal });
}

const nextPeoplePage = nextPageOf<Person>(byId);
const nextCompaniesPage = nextPageOf<Company>(byId);

/**
 * Every contact matching the filters, loaded 500 at a time: the next pages as the person scrolls
 * (`loadMore`) or all of them (`loadAll`, with progress). Highrise filters by tag and title itself;
 * a company's people come from `/companies/{id}/people.xml` and are filtered here.
 */
export function useContactList(p: ContactListParams) {
  const wantPeople = p.type !== 'companies';
  // Companies have no title and no company: those filters mean "people".
  const wantCompanies = p.type !== 'people' && !p.title && !p.company;

  const people = useInfiniteQuery({
    queryKey: ['contacts', 'people', { tag: p.tag ?? null, title: p.title ?? null }],
    queryFn: ({ pageParam, signal }) => fetchPeoplePage(pageParam, p.tag, p.title, signal),
    initialPageParam: 1,
    getNextPageParam: nextPeoplePage,
    enabled: wantPeople && !p.company,
  });
  const companies = useInfiniteQuery({
    queryKey: ['contacts', 'companies', { tag: p.tag ?? null }],
    queryFn: ({ pageParam, signal }) => fetchCompaniesPage(pageParam, { tag: p.tag, signal }),
    initialPageParam: 1,
    getNextPageParam: nextCompaniesPage,
    enabled: wantCompanies,
  });
  const ofCompany = useCompanyPeople(wantPeople && p.company ? p.company : null);

  const rows = useMemo<ContactRow[]>(() => {
    const out: ContactRow[] = [];
    const seen = new Set<string>();
    const push = (r: ContactRow) => {
      const k = `${r.kind}:${r.id}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(r);
      }
    };
    if (wantPeople) {
      if (p.company) for (const person of ofCompany.data ?? []) push(personRow(person));
      else for (const page of people.data?.pages ?? []) for (const person of page.data) push(personRow(person));
    }
    if (wantCompanies) for (const page of companies.data?.pages ?? []) for (const co of page.data) push(companyRow(co));
    const filtered = p.company ? out.filter((r) => matchesFilter(r, { tag: p.tag, title: p.title })) : out;
    return sortRows(filtered, p.sort);
  }, [wantPeople, wantCompanies, p.company, p.tag, p.title, p.sort, people.data, companies.data, ofCompany.data]);

  const active = [wantPeople && !p.company ? people : null, wantCompanies ? companies : null].filter((q) => q !== null);
  const hasMore = active.some((q) => q.hasNextPage);
  const fetching = active.some((q) => q.isFetchingNextPage);
  const pending = (wantPeople && (p.company ? ofCompany.isPending : people.isPending)) || (wantCompanies && companies.isPending);
  const error = (wantPeople ? (p.company ? ofCompany.error : people.error) : null) ?? (wantCompanies ? companies.error : null);
  const pagesLoaded = (people.data?.pages.length ?? 0) + (companies.data?.pages.length ?? 0);

  const loadMore = useCallback(() => {
    for (const q of active) if (q.hasNextPage && !q.isFetchingNextPage && !q.isError) void q.fetchNextPage();
  }, [active]);

  // "Load all": keep fetching the next page of each list until none is left; progress is rows.length.
  const [loadingAll, setLoadingAll] = useState(false);
  const cancelAll = useRef(false);
  const loadAll = useCallback(async () => {
    cancelAll.current = false;
    setLoadingAll(true);
    try {
      for (const q of active) {
        let more = q.hasNextPage;
        while (more && !cancelAll.current) {
          const r = await q.fetchNextPage();
          if (r.isError) break;
          more = r.hasNextPage;
        }
      }
    } finally {
      setLoadingAll(false);
    }
  }, [active]);
  const stopLoadingAll = useCallback(() => {
    cancelAll.current = true;
  }, []);

  const refetch = useCallback(() => {
    if (p.company) void ofCompany.refetch();
    for (const q of active) void q.refetch();
  }, [active, ofCompany, p.company]);

  return { rows, pending, error, hasMore, fetching, loadMore, loadAll, loadingAll, stopLoadingAll, pagesLoaded, refetch };
}
