import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Comment, One } from '../../server/api/types';
import { apiFetch } from './client';

export type ParentKind = 'note' | 'email';

export const commentKeys = {
  all: ['comments'] as const,
  of: (kind: ParentKind, id: number) => [...commentKeys.all, kind, id] as const,
};

/** Comments of one note or email; loaded when the entry comes into view. */
export function useComments(kind: ParentKind, id: number, enabled: boolean) {
  return useQuery({
    queryKey: commentKeys.of(kind, id),
    queryFn: async ({ signal }) => (await apiFetch<{ data: Comment[] }>(`/api/${kind === 'note' ? 'notes' : 'emails'}/${id}/comments`, { signal })).data,
    enabled,
    staleTime: 60_000,
  });
}

export function useCommentMutations(kind: ParentKind, parentId: number) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: commentKeys.of(kind, parentId) });
  return {
    create: useMutation({
      mutationFn: async (body: string) => (await apiFetch<One<Comment>>('/api/comments', { method: 'POST', json: { parentId, body } })).data,
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: async ({ id, body }: { id: number; body: string }) => (await apiFetch<One<Comment>>(`/api/comments/${id}`, { method: 'PATCH', json: { body } })).data,
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiFetch<void>(`/api/comments/${id}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}
