import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { One, Tag } from '../../server/api/types';
import { caseKeys } from './cases';
import { apiFetch } from './client';
import { dealKeys } from './deals';
import { tagKeys } from './tags';

/** Deals and cases: their tags are added and removed through /api/tags/{deals|kases}/:id. */
export type RecordTagSubject = 'deals' | 'kases';

function refresh(client: ReturnType<typeof useQueryClient>, subject: RecordTagSubject, id: number) {
  const own = subject === 'deals' ? [client.invalidateQueries({ queryKey: dealKeys.detail(id) }), client.invalidateQueries({ queryKey: dealKeys.everything() })] : [client.invalidateQueries({ queryKey: caseKeys.tags(id) })];
  return Promise.all([...own, client.invalidateQueries({ queryKey: tagKeys.all })]);
}

export function useAddRecordTag(subject: RecordTagSubject, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => (await apiFetch<One<Tag>>(`/api/tags/${subject}/${id}`, { method: 'POST', json: { name } })).data,
    onSuccess: () => refresh(client, subject, id),
  });
}

export function useRemoveRecordTag(subject: RecordTagSubject, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tagId: number) => apiFetch<void>(`/api/tags/${subject}/${id}/${tagId}`, { method: 'DELETE' }),
    onSuccess: () => refresh(client, subject, id),
  });
}
