import { useQuery } from '@tanstack/react-query';
import type { User } from '../../server/api/types';
import { apiFetch } from './client';

export const userKeys = {
  all: ['users'] as const,
};

/** The account's users, for owner pickers and author names. Changes rarely: kept fresh for five minutes. */
export function useUsers() {
  return useQuery({
    queryKey: userKeys.all,
    queryFn: async ({ signal }) => (await apiFetch<{ data: User[] }>('/api/users', { signal })).data,
    staleTime: 5 * 60_000,
  });
}

/** id → name, with a readable fallback for a user who has left the account. */
export function useUserName(): (id: number | null | undefined) => string {
  const users = useUsers();
  return (id) => {
    if (id == null) return 'Someone';
    return users.data?.find((u) => u.id === id)?.name ?? `User ${id}`;
  };
}
