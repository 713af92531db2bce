import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Deal, DealCreateInput, DealStatus, DealUpdateInput, Note, One, Page, PartySummary, SubjectField } from '../../server/api/types';
import { apiFetch } from './client';
import { byId, nextPageOf } from './paging';
import { forgetDeleted } from './query-client';

export const dealKeys = {
  all: ['deals'] as const,
  lists: () => [...dealKeys.all, 'list'] as const,
  /** Every deal, every page walked. */
  everything: () => [...dealKeys.lists(), 'all'] as const,
  details: () => [...dealKeys.all, 'detail'] as const,
  detail: (id: number) => [...dealKeys.details(), id] as const,
  notes: (id: number) => [...dealKeys.all, 'notes', id] as const,
  partySearch: (term: string) => [...dealKeys.all, 'party-search', term] as const,
};

export interface LoadProgress {
  loaded: number;
  pages: number;
}

const nextDealsPage = nextPageOf<Deal>(byId);

/**
 * All deals: /api/deals?page=N (500 per page) walked to the end, as `nextPageOf` decides (a short
 * page, or one that brings nothing new: REAL-WORLD #20); deduped by id.
 */
export async function fetchAllDeals(signal?: AbortSignal, onProgress?: (p: LoadProgress) => void): Promise<Deal[]> {
  const seen = new Set<number>();
  const out: Deal[] = [];
  const pages: Page<Deal>[] = [];
  for (let page: number | undefined = 1; page !== undefined; ) {
    const res: Page<Deal> = await apiFetch<Page<Deal>>(`/api/deals?page=${page}`, { signal });
    pages.push(res);
    for (const d of res.data) {
      if (d.id === null || seen.has(d.id)) continue;
      seen.add(d.id);
      out.push(d);
    }
    onProgress?.({ loaded: out.length, pages: pages.length });
    page = nextDealsPage(res, [...pages]);
  }
  return out;
}

/** Every deal, with a progress count while the pages arrive. */
export function useAllDeals() {
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const query = useQuery({
    queryKey: dealKeys.everything(),
    queryFn: ({ signal }) => fetchAllDeals(signal, setProgress),
    staleTime: 30_000,
  });
  return { ...query, progress };
}

export function useDeal(id: number) {
  const client = useQueryClient();
  return useQuery<Deal>({
    queryKey: dealKeys.detail(id),
    queryFn: async ({ signal }) => (await apiFetch<One<Deal>>(`/api/deals/${id}`, { signal })).data,
    enabled: Number.isInteger(id) && id > 0,
    placeholderData: () => client.getQueryData<Deal[]>(dealKeys.everything())?.find((d) => d.id === id),
  });
}

export function useDealNotes(id: number) {
  return useQuery({
    queryKey: dealKeys.notes(id),
    queryFn: async ({ signal }) => (await apiFetch<Page<Note>>(`/api/deals/${id}/notes`, { signal })).data,
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Deal custom field definitions (`/subject_fields.xml?type=deal`); deal fields are made in Highrise itself. */
export function useDealFields() {
  return useQuery({
    queryKey: [...dealKeys.all, 'fields'] as const,
    queryFn: async ({ signal }) => (await apiFetch<{ data: SubjectField[] }>('/api/custom-fields?type=deal', { signal })).data,
    staleTime: 5 * 60_000,
  });
}

export function usePartySearch(term: string) {
  const t = term.trim();
  return useQuery({
    queryKey: dealKeys.partySearch(t),
    queryFn: async ({ signal }) => (await apiFetch<{ data: PartySummary[] }>(`/api/deals/party-search?term=${encodeURIComponent(t)}`, { signal })).data,
    enabled: t.length >= 1,
    staleTime: 60_000,
  });
}

/** Replace one deal in the cached "all deals" list (after a save). */
function putInList(client: ReturnType<typeof useQueryClient>, deal: Deal) {
  client.setQueryData<Deal[]>(dealKeys.everything(), (prev) => (prev ? prev.map((d) => (d.id === deal.id ? deal : d)) : prev));
}

export function useCreateDeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: DealCreateInput) => (await apiFetch<One<Deal>>('/api/deals', { method: 'POST', json: input })).data,
    onSuccess: (deal) => {
      if (deal?.id != null) client.setQueryData(dealKeys.detail(deal.id), deal);
      client.setQueryData<Deal[]>(dealKeys.everything(), (prev) => (prev && deal ? [...prev, deal] : prev));
      return client.invalidateQueries({ queryKey: dealKeys.lists() });
    },
  });
}

export function useUpdateDeal(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: DealUpdateInput) => (await apiFetch<One<Deal>>(`/api/deals/${id}`, { method: 'PATCH', json: input })).data,
    onSuccess: (deal) => {
      client.setQueryData(dealKeys.detail(id), deal);
      putInList(client, deal);
    },
  });
}

export function useSetDealStatus(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (status: DealStatus) => (await apiFetch<One<Deal>>(`/api/deals/${id}/status`, { method: 'PUT', json: { status } })).data,
    onSuccess: (deal) => {
      client.setQueryData(dealKeys.detail(id), deal);
      putInList(client, deal);
    },
  });
}

export function useDeleteDeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/deals/${id}`, { method: 'DELETE' }),
    onSuccess: (_v, id) => {
      forgetDeleted(client, dealKeys.detail(id));
      client.setQueryData<Deal[]>(dealKeys.everything(), (prev) => prev?.filter((d) => d.id !== id));
    },
  });
}

export type BoardMove = { id: number; status: DealStatus } | { id: number; categoryId: number | null };

/**
 * A card moved on the board: applied to the cached list at once, sent through the status endpoint
 * or a category-only update, rolled back when Highrise refuses.
 */
export function useMoveDeal(onFailure: (message: string, deal: Deal | undefined) => void) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (move: BoardMove) =>
      'status' in move
        ? (await apiFetch<One<Deal>>(`/api/deals/${move.id}/status`, { method: 'PUT', json: { status: move.status } })).data
        : (await apiFetch<One<Deal>>(`/api/deals/${move.id}`, { method: 'PATCH', json: { categoryId: move.categoryId } })).data,
    onMutate: async (move) => {
      await client.cancelQueries({ queryKey: dealKeys.everything() });
      const previous = client.getQueryData<Deal[]>(dealKeys.everything());
      client.setQueryData<Deal[]>(dealKeys.everything(), (prev) =>
        prev?.map((d) => {
          if (d.id !== move.id) return d;
          if ('status' in move) return { ...d, status: move.status };
          return { ...d, categoryId: move.categoryId, category: null };
        }),
      );
      return { previous };
    },
    onError: (e, move, ctx) => {
      if (ctx?.previous) client.setQueryData(dealKeys.everything(), ctx.previous);
      onFailure(e instanceof Error ? e.message : 'The move was not saved.', ctx?.previous?.find((d) => d.id === move.id));
    },
    onSuccess: (deal) => {
      putInList(client, deal);
      if (deal.id != null) client.setQueryData(dealKeys.detail(deal.id), deal);
    },
  });
  const move = useCallback((m: BoardMove) => mutation.mutate(m), [mutation]);
  return { move, pending: mutation.isPending };
}
