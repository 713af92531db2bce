import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CustomFieldCreateInput, CustomFieldUpdateInput } from '../../server/api/schemas/custom-field';
import type { GroupsList, One, SubjectField } from '../../server/api/types';
import { apiFetch, isApiError } from './client';
import { companyKeys } from './companies';
import { peopleKeys } from './keys';

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  groups: ['groups'] as const,
};

/** Party custom field definitions (`/subject_fields.xml`), for forms and advanced search. */
export function useCustomFields() {
  return useQuery({
    queryKey: customFieldKeys.all,
    queryFn: async ({ signal }) => (await apiFetch<{ data: SubjectField[] }>('/api/custom-fields?type=party', { signal })).data,
    staleTime: 5 * 60_000,
  });
}

/** Groups for "visible to a group"; `available: false` for non-admins (Highrise answers 403). */
export function useGroups() {
  return useQuery({
    queryKey: customFieldKeys.groups,
    queryFn: ({ signal }) => apiFetch<GroupsList>('/api/groups', { signal }),
    staleTime: 5 * 60_000,
  });
}

/**
 * After a field changes, the forms' definitions reload at once; records embed the field's label with
 * each value (and lose the value when the field goes), so open people and companies reload too.
 */
function refreshAfterFieldChange(client: QueryClient) {
  void client.invalidateQueries({ queryKey: peopleKeys.all });
  void client.invalidateQueries({ queryKey: companyKeys.all });
  return client.invalidateQueries({ queryKey: customFieldKeys.all });
}

export function useCreateCustomField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: CustomFieldCreateInput) => (await apiFetch<One<SubjectField>>('/api/custom-fields', { method: 'POST', json: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: customFieldKeys.all }),
  });
}

export function useRenameCustomField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...input }: CustomFieldUpdateInput & { id: number }) =>
      (await apiFetch<One<SubjectField>>(`/api/custom-fields/${id}`, { method: 'PUT', json: input })).data,
    onSuccess: () => refreshAfterFieldChange(client),
    // Gone already (removed elsewhere): the list should stop offering it.
    onError: (e) => (isApiError(e) && e.status === 404 ? client.invalidateQueries({ queryKey: customFieldKeys.all }) : undefined),
  });
}

export function useDeleteCustomField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/custom-fields/${id}`, { method: 'DELETE' }),
    onSuccess: () => refreshAfterFieldChange(client),
    onError: (e) => (isApiError(e) && e.status === 404 ? client.invalidateQueries({ queryKey: customFieldKeys.all }) : undefined),
  });
}
