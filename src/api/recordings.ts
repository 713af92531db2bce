import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page, Recording } from '../../server/api/types';
import { apiFetch } from './client';
import { nextPageOf } from './paging';

export type RecordingType = 'Note' | 'Email' | 'Comment';

export const recordingKeys = {
  all: ['recordings'] as const,
  feed: (type: RecordingType | null) => [...recordingKeys.all, 'feed', type ?? 'all'] as const,
};

/**
 * /recordings.xml allows 10 requests in 10 s. The BFF caches each page for 30 s; here pages stay fresh
 * for a minute, no refetch on focus or mount, and the type filter runs on the BFF's cached page, so
 * switching filters does not cost Highrise requests.
 */
const FEED_STALE_MS = 60_000;

// Notes, emails and comments number their ids apart.
const nextRecordingsPage = nextPageOf<Recording>((r) => `${r.type}:${r.id}`);

export function useRecordings(type: RecordingType | null) {
  return useInfiniteQuery({
    queryKey: recordingKeys.feed(type),
    initialPageParam: 1,
    queryFn: ({ pageParam, signal }) => apiFetch<Page<Recording>>(`/api/recordings?page=${pageParam}${type ? `&type=${type}` : ''}`, { signal }),
    getNextPageParam: nextRecordingsPage,
    staleTime: FEED_STALE_MS,
    refetchOnMount: false,
  });
}

/** Page 1 of the feed for the navigation count: shares the feed's cache entry. */
export function useLatestRecordings(enabled = true) {
  return useQuery({
    queryKey: [...recordingKeys.all, 'latest'] as const,
    queryFn: ({ signal }) => apiFetch<Page<Recording>>('/api/recordings?page=1', { signal }),
    staleTime: FEED_STALE_MS,
    refetchInterval: 5 * 60_000,
    enabled,
  });
}
