import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Email, Note, NoteCreateInput, NoteUpdateInput, One, Page, SubjectSegment } from '../../server/api/types';
import { apiFetch } from './client';

export type TimelineEntry = ({ kind: 'note' } & Note) | ({ kind: 'email' } & Email);

export interface TimelinePage {
  notes: Page<Note> | null;
  emails: Page<Email> | null;
}

export const timelineKeys = {
  all: ['timeline'] as const,
  subject: (subject: SubjectSegment, id: number) => [...timelineKeys.all, subject, id] as const,
};

/**
 * Notes and emails of one subject, 25 of each a page as Highrise returns them. Page k asks for page k
 * of each stream that still had more.
 */
export function useTimeline(subject: SubjectSegment, id: number) {
  return useInfiniteQuery({
    queryKey: timelineKeys.subject(subject, id),
    initialPageParam: { page: 1, notes: true, emails: true },
    queryFn: async ({ pageParam, signal }): Promise<TimelinePage> => {
      const [notes, emails] = await Promise.all([
        pageParam.notes ? apiFetch<Page<Note>>(`/api/${subject}/${id}/notes?page=${pageParam.page}`, { signal }) : null,
        pageParam.emails ? apiFetch<Page<Email>>(`/api/${subject}/${id}/emails?page=${pageParam.page}`, { signal }) : null,
      ]);
      return { notes, emails };
    },
    getNextPageParam: (last, _all, param) => {
      const notes = !!last.notes?.page.hasMore;
      const emails = !!last.emails?.page.hasMore;
      return notes || emails ? { page: param.page + 1, notes, emails } : undefined;
    },
    enabled: Number.isInteger(id) && id > 0,
  });
}

const time = (e: { createdAt: string | null }) => (e.createdAt ? Date.parse(e.createdAt) : 0);

/**
 * The loaded entries merged newest first. While a stream has more pages, entries older than its oldest
 * loaded one are held back, so an entry never appears above one that is still to load.
 */
export function mergeTimeline(data: InfiniteData<TimelinePage> | undefined): { entries: TimelineEntry[]; held: number } {
  if (!data) return { entries: [], held: 0 };
  const notes = data.pages.flatMap((p) => p.notes?.data ?? []);
  const emails = data.pages.flatMap((p) => p.emails?.data ?? []);
  const last = data.pages[data.pages.length - 1];
  let cutoff = -Infinity;
  if (last.notes?.page.hasMore && notes.length) cutoff = Math.max(cutoff, Math.min(...notes.map(time)));
  if (last.emails?.page.hasMore && emails.length) cutoff = Math.max(cutoff, Math.min(...emails.map(time)));
  const all: TimelineEntry[] = [...notes.map((n) => ({ ...n, kind: 'note' as const })), ...emails.map((e) => ({ ...e, kind: 'email' as const }))];
  const seen = new Set<string>();
  const unique = all.filter((e) => {
    const k = `${e.kind}:${e.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  unique.sort((a, b) => time(b) - time(a) || (b.id ?? 0) - (a.id ?? 0));
  const entries = unique.filter((e) => time(e) >= cutoff);
  return { entries, held: unique.length - entries.length };
}

export function useCreateNote(subject: SubjectSegment, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: NoteCreateInput) => (await apiFetch<One<Note>>(`/api/${subject}/${id}/notes`, { method: 'POST', json: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: timelineKeys.subject(subject, id) }),
  });
}

export function useUpdateNote(subject: SubjectSegment, subjectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id: number; input: NoteUpdateInput }) => (await apiFetch<One<Note>>(`/api/notes/${id}`, { method: 'PATCH', json: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: timelineKeys.subject(subject, subjectId) }),
  });
}

export function useDeleteNote(subject: SubjectSegment, subjectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/notes/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: timelineKeys.subject(subject, subjectId) }),
  });
}
