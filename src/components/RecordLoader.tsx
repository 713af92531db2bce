import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { BusyNotice } from './BusyNotice';
import { ErrorPanel } from './ErrorPanel';
import { NotFoundPage } from './NotFoundPage';
import { PageHeader } from './PageHeader';
import { Skeleton } from './Skeleton';

/** The `:id` route parameter as a positive integer, or NaN (which RecordLoader shows as not found). */
export function useIdParam(): number {
  const { id } = useParams();
  return parseRecordId(id);
}

/** Ids as Highrise writes them (`1000262`): not `1e3`, `0x10` or `001000262`, which Number() would take. */
export function parseRecordId(raw: string | undefined): number {
  return raw !== undefined && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
}

/**
 * What every record page (person, company, deal, case, and their edit pages) does before it has its
 * record: not found for a bad id or a 404, a skeleton while loading, a sentence with Try again on any
 * other failure; then the record, with the busy notice while a refetch waits out a 503.
 */
export function RecordLoader<T>({
  id,
  query,
  what,
  heading,
  skeleton,
  busyNotice = false,
  waitForLoaded = false,
  children,
}: {
  id: number;
  query: UseQueryResult<T>;
  /** "person", "deal", … as in "Could not load this person". */
  what: string;
  /** Page title shown above the error, when the page has one. */
  heading?: string;
  skeleton?: ReactNode;
  busyNotice?: boolean;
  /** Wait for the record itself, never a list's placeholder (edit forms diff against it). */
  waitForLoaded?: boolean;
  children: (record: T) => ReactNode;
}) {
  if (Number.isNaN(id)) return <NotFoundPage what={what} />;
  if (query.isPending || (waitForLoaded && query.isPlaceholderData)) {
    return (
      skeleton ?? (
        <div role="status" className="space-y-4">
          <span className="sr-only">Loading {what}…</span>
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-64" />
        </div>
      )
    );
  }
  if (query.isError && query.data === undefined) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage what={what} />;
    return (
      <>
        {heading && <PageHeader title={heading} />}
        <ErrorPanel error={query.error} title={`Could not load this ${what}`} onRetry={() => query.refetch()} />
      </>
    );
  }
  return (
    <>
      {busyNotice && <BusyNotice error={query.isFetching ? query.failureReason : null} />}
      {children(query.data as T)}
    </>
  );
}
