import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { GroupCreateInput, GroupsWithMembers, GroupUpdateInput, GroupWithMembers, Membership, One } from '../../server/api/types';
import { caseKeys } from './cases';
import { apiFetch, isApiError } from './client';
import { companyKeys } from './companies';
import { customFieldKeys } from './custom-fields';
import { dealKeys } from './deals';
import { peopleKeys } from './keys';

/**
 * Under the key of `useGroups` (the forms' "visible to a group" list), so invalidating `all` after a
 * change refreshes both the settings page and every form's choice of groups.
 */
export const groupKeys = {
  all: customFieldKeys.groups,
  withMembers: () => [...groupKeys.all, 'members'] as const,
};

/** Groups with their members, for Settings → Groups. Administrators only: others get a 403 with code `admin_only`. */
export function useGroupsWithMembers() {
  return useQuery({
    queryKey: groupKeys.withMembers(),
    queryFn: async ({ signal }) => (await apiFetch<GroupsWithMembers>('/api/groups?members=1', { signal })).data,
  });
}

/** True when Highrise refused because the person is not an account administrator. */
export function isAdminOnly(e: unknown): boolean {
  return isApiError(e) && e.status === 403;
}

function refreshGroups(client: QueryClient) {
  return client.invalidateQueries({ queryKey: groupKeys.all });
}

/**
 * Who is in a group decides who sees the records visible to it (the person editing included), and
 * a deleted group's records are seen by nobody: lists of records reload after such a change.
 */
function refreshGroupsAndRecords(client: QueryClient) {
  for (const key of [peopleKeys.all, companyKeys.all, dealKeys.all, caseKeys.all]) void client.invalidateQueries({ queryKey: key });
  return refreshGroups(client);
}

/** A group found gone (deleted elsewhere): the list should stop offering it. */
const refreshIfGone = (client: QueryClient) => (e: unknown) => (isApiError(e) && e.status === 404 ? refreshGroups(client) : undefined);

export function useCreateGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: GroupCreateInput) => (await apiFetch<One<GroupWithMembers>>('/api/groups', { method: 'POST', json: input })).data,
    onSuccess: () => refreshGroups(client),
  });
}

export function useRenameGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...input }: GroupUpdateInput & { id: number }) => (await apiFetch<One<GroupWithMembers>>(`/api/groups/${id}`, { method: 'PUT', json: input })).data,
    onSuccess: () => refreshGroups(client),
    onError: refreshIfGone(client),
  });
}

export function useDeleteGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/groups/${id}`, { method: 'DELETE' }),
    onSuccess: () => refreshGroupsAndRecords(client),
    onError: refreshIfGone(client),
  });
}

export function useAddGroupMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ groupId, userId }: { groupId: number; userId: number }) =>
      (await apiFetch<One<Membership>>(`/api/groups/${groupId}/members`, { method: 'POST', json: { userId } })).data,
    onSuccess: () => refreshGroupsAndRecords(client),
    // Already a member (added elsewhere) or the group is gone: show the list as it is now.
    onError: (e) => (isApiError(e) && (e.status === 404 || e.status === 409) ? refreshGroups(client) : undefined),
  });
}

export function useRemoveGroupMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, userId }: { groupId: number; userId: number }) => apiFetch<void>(`/api/groups/${groupId}/members/${userId}`, { method: 'DELETE' }),
    onSuccess: () => refreshGroupsAndRecords(client),
    onError: refreshIfGone(client),
  });
}
