import { useQuery } from '@tanstack/react-query';
import type { GroupsList, SubjectField } from '../../server/api/types';
import { apiFetch } from './client';

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
