import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Company, CompanyCreateInput, CompanyUpdateInput, One, Page, Person } from '../../server/api/types';
import { apiFetch } from './client';
import { forgetDeleted } from './query-client';

export const companyKeys = {
  all: ['companies'] as const,
  lists: () => [...companyKeys.all, 'list'] as const,
  details: () => [...companyKeys.all, 'detail'] as const,
  detail: (id: number) => [...companyKeys.details(), id] as const,
  people: (id: number) => [...companyKeys.all, 'people', id] as const,
};

export function fetchCompaniesPage(page: number, opts: { tag?: number; signal?: AbortSignal } = {}): Promise<Page<Company>> {
  const q = new URLSearchParams({ page: String(page) });
  if (opts.tag) q.set('tag', String(opts.tag));
  return apiFetch<Page<Company>>(`/api/companies?${q}`, { signal: opts.signal });
}

export function useCompany(id: number) {
  return useQuery({
    queryKey: companyKeys.detail(id),
    queryFn: async ({ signal }) => (await apiFetch<One<Company>>(`/api/companies/${id}`, { signal })).data,
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCompanyPeople(id: number | null) {
  return useQuery({
    queryKey: companyKeys.people(id ?? 0),
    queryFn: async ({ signal }) => (await apiFetch<{ data: Person[] }>(`/api/companies/${id}/people`, { signal })).data,
    enabled: id !== null && Number.isInteger(id) && id > 0,
  });
}

function invalidateContacts(client: ReturnType<typeof useQueryClient>) {
  return Promise.all([client.invalidateQueries({ queryKey: companyKeys.lists() }), client.invalidateQueries({ queryKey: ['contacts'] })]);
}

export function useCreateCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: CompanyCreateInput) => (await apiFetch<One<Company>>('/api/companies', { method: 'POST', json: input })).data,
    onSuccess: (co) => {
      if (co?.id != null) client.setQueryData(companyKeys.detail(co.id), co);
      return invalidateContacts(client);
    },
  });
}

export function useUpdateCompany(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: CompanyUpdateInput) => (await apiFetch<One<Company>>(`/api/companies/${id}`, { method: 'PATCH', json: input })).data,
    onSuccess: (co) => {
      if (co) client.setQueryData(companyKeys.detail(id), co);
      else void client.invalidateQueries({ queryKey: companyKeys.detail(id) });
      return invalidateContacts(client);
    },
  });
}

export function useDeleteCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/companies/${id}`, { method: 'DELETE' }),
    onSuccess: (_v, id) => {
      forgetDeleted(client, companyKeys.detail(id));
      return invalidateContacts(client);
    },
  });
}
