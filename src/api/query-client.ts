import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, busyRetryAfter, errorMessage } from './client';
import { handleAuthError } from './auth-redirect';
import { sessionKeys } from './keys';
import type { SessionInfo } from '../../server/api/types';
import { toast } from '../components/toast-store';

const MAX_BUSY_RETRIES = 3;

/**
 * Never retry 4xx; wait out a 503's retryAfter. The BFF has already retried what Highrise may recover
 * from (a 503 within its budget, a GET cut off mid-way), so any other 5xx that reaches the page gets
 * one quick retry and is then shown with its "Try again" — not after seconds of silent backoff.
 * A network failure (the BFF itself unreachable) is retried twice with backoff.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) {
    if (busyRetryAfter(error) !== null) return failureCount < MAX_BUSY_RETRIES;
    if (error.status >= 400 && error.status < 500) return false;
    if (error.status >= 500) return failureCount < 1;
  }
  return failureCount < 2;
}

/** `failureCount` is 1 before the first retry. */
export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfter !== undefined) return Math.max(0, error.retryAfter) * 1000;
  if (error instanceof ApiError && error.status >= 500) return 500;
  return Math.min(1000 * 2 ** Math.max(0, failureCount - 1), 8000);
}

/** Writes are retried only when the server said it was busy and when to come back. */
export function shouldRetryMutation(failureCount: number, error: unknown): boolean {
  return busyRetryAfter(error) !== null && failureCount < MAX_BUSY_RETRIES;
}

export function createQueryClient(): QueryClient {
  // Mark the session signed out (rather than refetching it) so the sign-in page shows its button
  // instead of bouncing straight back when the session endpoint and the API disagree.
  const markSignedOut = () =>
    client.setQueryData<SessionInfo>(sessionKeys.all, (prev) => ({ authenticated: false, sandbox: prev?.sandbox ?? false }));
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (handleAuthError(error, markSignedOut)) return;
        // A background refetch failed while the page still shows data: say so without replacing the page.
        if (query.state.data !== undefined) toast.error(`Could not refresh: ${errorMessage(error)}`);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        handleAuthError(error, markSignedOut);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: shouldRetryMutation, retryDelay },
    },
  });
  return client;
}

/**
 * Forget a deleted record's cached query, but only once nothing on screen shows it. Removed while its
 * page is still mounted (the list it returns to may still be loading), the page would build the query
 * afresh on its next render and ask the BFF for the record it has just deleted: a 404 in the console.
 */
export function forgetDeleted(client: QueryClient, queryKey: readonly unknown[]): void {
  const cache = client.getQueryCache();
  const query = cache.find({ queryKey, exact: true });
  if (!query) return;
  void client.cancelQueries({ queryKey, exact: true });
  if (query.getObserversCount() === 0) {
    cache.remove(query);
    return;
  }
  const stop = cache.subscribe((event) => {
    if (event.query !== query || event.type !== 'observerRemoved' || query.getObserversCount() > 0) return;
    stop();
    cache.remove(query);
  });
}
