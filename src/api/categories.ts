import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CategoryCreateInput, CategoryUpdateInput, DealCategory, One } from '../../server/api/types';
import { apiFetch } from './client';
import { dealKeys } from './deals';

export const dealCategoryKeys = {
  all: ['deal-categories'] as const,
};

export function useDealCategories() {
  return useQuery({
    queryKey: dealCategoryKeys.all,
    queryFn: async ({ signal }) => (await apiFetch<{ data: DealCategory[] }>('/api/deal-categories', { signal })).data,
    staleTime: 60_000,
  });
}

export function useCreateDealCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: CategoryCreateInput) => (await apiFetch<One<DealCategory>>('/api/deal-categories', { method: 'POST', json: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: dealCategoryKeys.all }),
  });
}

export function useUpdateDealCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...input }: CategoryUpdateInput & { id: number }) =>
      (await apiFetch<One<DealCategory>>(`/api/deal-categories/${id}`, { method: 'PATCH', json: input })).data,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: dealKeys.all });
      return client.invalidateQueries({ queryKey: dealCategoryKeys.all });
    },
  });
}

export function useDeleteDealCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/deal-categories/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      // Deals in it now have no category.
      void client.invalidateQueries({ queryKey: dealKeys.all });
      return client.invalidateQueries({ queryKey: dealCategoryKeys.all });
    },
  });
}
