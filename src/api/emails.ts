import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Email, EmailCreateInput, EmailUpdateInput, One, SubjectSegment } from '../../server/api/types';
import { apiFetch } from './client';
import { timelineKeys } from './notes';

export function useCreateEmail(subject: SubjectSegment, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: EmailCreateInput) => (await apiFetch<One<Email>>(`/api/${subject}/${id}/emails`, { method: 'POST', json: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: timelineKeys.subject(subject, id) }),
  });
}

export function useUpdateEmail(subject: SubjectSegment, subjectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id: number; input: EmailUpdateInput }) => (await apiFetch<One<Email>>(`/api/emails/${id}`, { method: 'PATCH', json: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: timelineKeys.subject(subject, subjectId) }),
  });
}

export function useDeleteEmail(subject: SubjectSegment, subjectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/emails/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: timelineKeys.subject(subject, subjectId) }),
  });
}
