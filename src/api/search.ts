import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page, Party, RecentlyViewed } from '../../server/api/types';
import { apiFetch } from './client';

export const searchKeys = {
  all: ['search'] as const,
  query: (qs: string) => [...searchKeys.all, qs] as const,
  recent: ['search', 'recent'] as const,
};

/** `qs` is the BFF query string (scope, term, criteria, cf.<label>, page). */
export function useSearch(qs: string | null) {
  return useQuery({
    queryKey: searchKeys.query(qs ?? ''),
    queryFn: ({ signal }) => apiFetch<Page<Party>>(`/api/search?${qs}`, { signal }),
    enabled: qs !== null,
    placeholderData: keepPreviousData,
  });
}

export function searchCompanies(term: string, signal?: AbortSignal): Promise<Page<Party>> {
  return apiFetch<Page<Party>>(`/api/search?${new URLSearchParams({ scope: 'companies', term })}`, { signal });
}

/** Companies whose name matches `term` (Highrise's term search, 25 at most); nothing is asked for ''. */
export function useCompanySearch(term: string) {
  const t = term.trim();
  return useQuery({
    queryKey: [...searchKeys.all, 'companies', t] as const,
    queryFn: async ({ signal }) =>
      (await searchCompanies(t, signal)).data.flatMap((p) => (p.type === 'Company' && p.id !== null && p.name ? [{ id: p.id, name: p.name }] : [])),
    enabled: t.length >= 1,
    staleTime: 60_000,
  });
}

export function useRecentlyViewed() {
  return useQuery({
    queryKey: searchKeys.recent,
    queryFn: ({ signal }) => apiFetch<RecentlyViewed>('/api/search/recent', { signal }),
    staleTime: 30_000,
  });
}
