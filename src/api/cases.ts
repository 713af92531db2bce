import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseCreateInput, CaseUpdateInput, Kase, Note, One, Page, Tag } from '../../server/api/types';
import { apiFetch } from './client';
import { forgetDeleted } from './query-client';

export type CaseList = 'open' | 'closed';

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (which: CaseList) => [...caseKeys.lists(), which] as const,
  detail: (id: number) => [...caseKeys.all, 'detail', id] as const,
  notes: (id: number) => [...caseKeys.all, 'notes', id] as const,
  tags: (id: number) => [...caseKeys.all, 'tags', id] as const,
};

export function useCases(which: CaseList) {
  return useQuery({
    queryKey: caseKeys.list(which),
    queryFn: async ({ signal }) => (await apiFetch<{ data: Kase[] }>(`/api/cases?status=${which}`, { signal })).data,
  });
}

export function useCase(id: number) {
  const client = useQueryClient();
  return useQuery<Kase>({
    queryKey: caseKeys.detail(id),
    queryFn: async ({ signal }) => (await apiFetch<One<Kase>>(`/api/cases/${id}`, { signal })).data,
    enabled: Number.isInteger(id) && id > 0,
    placeholderData: () => {
      for (const [, list] of client.getQueriesData<Kase[]>({ queryKey: caseKeys.lists() })) {
        const hit = list?.find((k) => k.id === id);
        if (hit) return hit;
      }
      return undefined;
    },
  });
}

export function useCaseNotes(id: number) {
  return useQuery({
    queryKey: caseKeys.notes(id),
    queryFn: async ({ signal }) => (await apiFetch<Page<Note>>(`/api/cases/${id}/notes`, { signal })).data,
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCaseTags(id: number) {
  return useQuery({
    queryKey: caseKeys.tags(id),
    queryFn: async ({ signal }) => (await apiFetch<{ data: Tag[] }>(`/api/cases/${id}/tags`, { signal })).data,
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: CaseCreateInput) => (await apiFetch<One<Kase>>('/api/cases', { method: 'POST', json: input })).data,
    onSuccess: (kase) => {
      if (kase?.id != null) client.setQueryData(caseKeys.detail(kase.id), kase);
      return client.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}

export function useUpdateCase(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: CaseUpdateInput) => (await apiFetch<One<Kase>>(`/api/cases/${id}`, { method: 'PATCH', json: input })).data,
    onSuccess: (kase) => {
      client.setQueryData(caseKeys.detail(id), kase);
      return client.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}

export function useDeleteCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/cases/${id}`, { method: 'DELETE' }),
    onSuccess: (_v, id) => {
      forgetDeleted(client, caseKeys.detail(id));
      return client.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
