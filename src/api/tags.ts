import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkContactRef, BulkTagResult, One, Tag } from '../../server/api/types';
import { caseKeys } from './cases';
import { apiFetch } from './client';
import { companyKeys } from './companies';
import { dealKeys } from './deals';
import { peopleKeys } from './keys';

export const tagKeys = {
  all: ['tags'] as const,
};

/** What can be tagged through /api/tags/:subject/:id: contacts (people, companies), deals and cases. */
export type TagSubject = 'people' | 'companies' | 'deals' | 'kases';

/** Every tag in the account, for autocomplete and the tag filter. */
export function useTags() {
  return useQuery({
    queryKey: tagKeys.all,
    queryFn: async ({ signal }) => (await apiFetch<{ data: Tag[] }>('/api/tags', { signal })).data,
    staleTime: 60_000,
  });
}

/** The queries a tag change on this record makes stale, besides the account's tag list. */
function staleAfterTagChange(subject: TagSubject, id: number): readonly (readonly unknown[])[] {
  switch (subject) {
    case 'people':
    case 'companies':
      return [subject === 'people' ? peopleKeys.detail(id) : companyKeys.detail(id), ['contacts'], [...companyKeys.all, 'people']];
    case 'deals':
      return [dealKeys.detail(id), dealKeys.everything()];
    case 'kases':
      return [caseKeys.tags(id)];
  }
}

function afterTagChange(client: ReturnType<typeof useQueryClient>, subject: TagSubject, id: number) {
  return Promise.all([...staleAfterTagChange(subject, id), tagKeys.all].map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useAddTag(subject: TagSubject, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => (await apiFetch<One<Tag>>(`/api/tags/${subject}/${id}`, { method: 'POST', json: { name } })).data,
    onSuccess: () => afterTagChange(client, subject, id),
  });
}

export function useRemoveTag(subject: TagSubject, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tagId: number) => apiFetch<void>(`/api/tags/${subject}/${id}/${tagId}`, { method: 'DELETE' }),
    onSuccess: () => afterTagChange(client, subject, id),
  });
}

/** The BFF takes at most this many contacts per request; larger selections go in chunks. */
export const BULK_CHUNK = 25;

export type BulkTagAction = { action: 'add'; name: string } | { action: 'remove'; tagId: number };

/**
 * Tags or untags many contacts, a chunk at a time (the BFF paces each Highrise request), reporting
 * progress after each chunk. Stops on an abort; per-contact failures are collected, not thrown.
 */
export async function bulkTag(
  action: BulkTagAction,
  contacts: BulkContactRef[],
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<BulkTagResult[]> {
  const results: BulkTagResult[] = [];
  onProgress(0, contacts.length);
  for (let i = 0; i < contacts.length; i += BULK_CHUNK) {
    if (signal?.aborted) break;
    const chunk = contacts.slice(i, i + BULK_CHUNK);
    const res = await apiFetch<{ data: BulkTagResult[] }>('/api/tags/bulk', { method: 'POST', json: { ...action, contacts: chunk }, signal });
    results.push(...res.data);
    onProgress(results.length, contacts.length);
  }
  return results;
}
