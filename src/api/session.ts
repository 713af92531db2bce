import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { One, SessionInfo, User } from '../../server/api/types';
import { apiFetch } from './client';
import { meKeys, sessionKeys } from './keys';

export type SignedInSession = Extract<SessionInfo, { authenticated: true }>;

export function useSession() {
  return useQuery({
    queryKey: sessionKeys.all,
    queryFn: ({ signal }) => apiFetch<SessionInfo>('/auth/session', { signal }),
    staleTime: 60_000,
  });
}

export function useMe(enabled = true) {
  return useQuery({
    queryKey: meKeys.all,
    queryFn: async ({ signal }) => (await apiFetch<One<User>>('/api/me', { signal })).data,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useChooseAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accountId: number) => apiFetch<SessionInfo>('/auth/account', { method: 'POST', json: { accountId } }),
    onSuccess: (session) => {
      // Everything cached belongs to the previous account.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
      client.setQueryData(sessionKeys.all, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/auth/logout', { method: 'POST' }),
    onSuccess: () => {
      const prev = client.getQueryData<SessionInfo>(sessionKeys.all);
      client.clear();
      client.setQueryData<SessionInfo>(sessionKeys.all, { authenticated: false, sandbox: prev?.sandbox ?? false });
    },
  });
}
