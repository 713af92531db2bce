import { useEffect, useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Recording } from '../../../server/api/types';
import { apiFetch, isApiError } from '../../api/client';
import { useRecordings, type RecordingType } from '../../api/recordings';
import { useUserName } from '../../api/users';
import { BusyNotice } from '../../components/BusyNotice';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton, SkeletonList } from '../../components/Skeleton';
import { formatWhen } from './format';
import { markActivitySeen } from './NavCounts';
import { LoadMore } from './Timeline';

const FILTERS: { type: RecordingType | null; label: string }[] = [
  { type: null, label: 'Everything' },
  { type: 'Note', label: 'Notes' },
  { type: 'Email', label: 'Emails' },
  { type: 'Comment', label: 'Comments' },
];

/** Where a recording's subject lives in Skyline. A Party may be a person or a company: resolved on arrival. */
export function subjectHref(type: string | null, id: number | null): string | null {
  if (id == null) return null;
  if (type === 'Deal') return `/deals/${id}`;
  if (type === 'Kase') return `/cases/${id}`;
  if (type === 'Party') return `/activity/party/${id}`;
  return null;
}

const EXCERPT = 280;
const excerpt = (s: string | null) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > EXCERPT ? `${t.slice(0, EXCERPT)}…` : t;
};

/** The account's latest notes, emails and comments, newest first, filterable by type (in the URL). */
export function ActivityPage() {
  const [params] = useSearchParams();
  const raw = params.get('type');
  const type = FILTERS.find((f) => f.type === raw)?.type ?? null;
  const query = useRecordings(type);
  const userName = useUserName();
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  const parents = useMemo(() => new Map(items.filter((r) => r.type !== 'Comment').map((r) => [r.id, r])), [items]);

  useEffect(() => markActivitySeen(), []);

  return (
    <>
      <PageHeader title="Recent activity" subtitle="Notes, emails and comments across the account, newest first." />
      <BusyNotice error={query.isFetching ? query.failureReason : null} />
      <nav aria-label="Filter activity" className="mb-4">
        <ul className="flex flex-wrap gap-1">
          {FILTERS.map((f) => (
            <li key={f.label}>
              <Link
                to={f.type ? `/activity?type=${f.type}` : '/activity'}
                aria-current={f.type === type ? 'page' : undefined}
                className={`block rounded-full border px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 ${
                  f.type === type ? 'border-blue-700 bg-blue-700 text-white dark:border-blue-500 dark:bg-blue-600' : 'border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'
                }`}
              >
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {query.isPending ? (
        <SkeletonList rows={6} label="Loading activity…" />
      ) : query.isError && !query.data ? (
        <ErrorPanel error={query.error} title="Could not load recent activity" onRetry={() => query.refetch()} />
      ) : items.length === 0 && !query.hasNextPage ? (
        <EmptyState title="Nothing here yet">Notes, emails and comments appear here as soon as anyone adds one to a contact, deal or case.</EmptyState>
      ) : (
        <>
          {items.length === 0 && <p className="text-sm text-slate-700 dark:text-slate-300">None of this kind among the latest; load more to look further back.</p>}
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {items.map((r) => (
              <ActivityItem key={`${r.type}-${r.id}`} r={r} author={userName(r.authorId)} parent={r.type === 'Comment' ? parents.get(r.parentId) : undefined} />
            ))}
          </ol>
        </>
      )}
      {query.hasNextPage && <LoadMore onLoad={() => query.fetchNextPage()} loading={query.isFetchingNextPage} error={query.isFetchNextPageError ? query.error : null} />}
    </>
  );
}

function ActivityItem({ r, author, parent }: { r: Recording; author: string; parent?: Recording }) {
  const about = r.type === 'Comment' ? parent : r;
  const href = about && about.type !== 'Comment' ? subjectHref(about.subjectType, about.subjectId) : null;
  const name = about && about.type !== 'Comment' ? about.subjectName : null;
  const verb = r.type === 'Note' ? 'added a note' : r.type === 'Email' ? 'logged an email' : 'commented';
  return (
    <li className="px-4 py-3">
      <p className="text-sm wrap-anywhere text-slate-800 dark:text-slate-200">
        <span className="font-medium text-slate-900 dark:text-slate-100">{author}</span> {verb}
        {href ? (
          <>
            {r.type === 'Comment' ? ' on ' : ' about '}
            <Link to={href} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
              {name || 'this record'}
            </Link>
          </>
        ) : r.type === 'Comment' ? (
          ' on a note or email'
        ) : null}
        <span className="text-slate-700 dark:text-slate-300">
          {' · '}
          <time dateTime={r.createdAt ?? undefined}>{formatWhen(r.createdAt)}</time>
        </span>
      </p>
      {r.type === 'Email' && r.title && <p className="mt-1 text-sm font-semibold">{r.title}</p>}
      <p className="mt-1 text-sm break-words text-slate-800 dark:text-slate-200">{excerpt(r.body)}</p>
    </li>
  );
}

/** /activity/party/:id — a Party is a person or a company; find out which and go there. */
export function PartyRedirect() {
  const { id } = useParams();
  const navigate = useNavigate();
  const n = Number(id);
  useEffect(() => {
    if (!Number.isInteger(n) || n <= 0) return;
    const ctrl = new AbortController();
    apiFetch(`/api/people/${n}`, { signal: ctrl.signal })
      .then(() => navigate(`/people/${n}`, { replace: true }))
      .catch((e: unknown) => {
        if (isApiError(e) && e.status === 404) navigate(`/companies/${n}`, { replace: true });
        else if (!ctrl.signal.aborted) navigate(`/people/${n}`, { replace: true });
      });
    return () => ctrl.abort();
  }, [n, navigate]);
  return (
    <div role="status">
      <span className="sr-only">Opening contact…</span>
      <Skeleton className="h-40" />
    </div>
  );
}
