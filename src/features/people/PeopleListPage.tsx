import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Person } from '../../../server/api/types';
import { usePeople } from '../../api/people';
import { Button, ButtonLink } from '../../components/Button';
import { BusyNotice } from '../../components/BusyNotice';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { inputClass } from '../../components/fields';
import { PageHeader } from '../../components/PageHeader';
import { SkeletonList } from '../../components/Skeleton';
import { fullName, primary } from './format';

function pageFromParams(params: URLSearchParams): number {
  const n = Number(params.get('page') ?? '1');
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function matches(p: Person, q: string): boolean {
  const hay = [fullName(p), p.companyName, p.title, ...p.contactData.emailAddresses.map((e) => e.address)]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

export function PeopleListPage() {
  const [params, setParams] = useSearchParams();
  const page = pageFromParams(params);
  const filter = params.get('q') ?? '';
  const query = usePeople(page);
  const filterId = useId();
  const [filterDraft, setFilterDraft] = useState(filter);

  const people = useMemo(() => query.data?.data ?? [], [query.data]);
  const shown = useMemo(() => (filter ? people.filter((p) => matches(p, filter)) : people), [people, filter]);

  function go(to: number) {
    const next = new URLSearchParams(params);
    if (to <= 1) next.delete('page');
    else next.set('page', String(to));
    setParams(next);
    window.scrollTo?.({ top: 0 });
  }

  function setFilter(value: string) {
    setFilterDraft(value);
    const next = new URLSearchParams(params);
    if (value) next.set('q', value);
    else next.delete('q');
    setParams(next, { replace: true });
  }

  const size = query.data?.page.size ?? 500;
  const first = (page - 1) * size + 1;
  const last = (page - 1) * size + people.length;
  const hasMore = query.data?.page.hasMore ?? false;

  return (
    <>
      <PageHeader
        title="People"
        actions={
          <ButtonLink to="/people/new" variant="primary">
            Add person
          </ButtonLink>
        }
      />
      <BusyNotice error={query.isFetching ? query.failureReason : null} />

      {query.isPending ? (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <SkeletonList label="Loading people…" />
        </div>
      ) : query.isError && !query.data ? (
        <ErrorPanel error={query.error} title="Could not load people" onRetry={() => query.refetch()} />
      ) : people.length === 0 && page === 1 ? (
        <EmptyState
          title="No people yet"
          action={
            <ButtonLink to="/people/new" variant="primary">
              Add a person
            </ButtonLink>
          }
        >
          People you add here are saved to your Highrise account.
        </EmptyState>
      ) : (
        <>
          <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
            <div className="sm:w-80">
              <label htmlFor={filterId} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
                Filter this page
              </label>
              <input
                id={filterId}
                type="search"
                value={filterDraft}
                onChange={(e) => setFilter(e.target.value)}
                placeholder="Name, email or company"
                className={`${inputClass} border-slate-300 dark:border-slate-600`}
              />
            </div>
            <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
              {people.length === 0
                ? `No people on page ${page}`
                : filter
                  ? `${shown.length} of ${people.length} on this page match (showing ${first}–${last})`
                  : `Showing ${first}–${last}`}
              {query.isFetching && !query.isPending ? ' · updating…' : ''}
            </p>
          </div>

          {shown.length === 0 ? (
            <EmptyState title={filter ? 'No one on this page matches' : 'No people on this page'}>
              {filter ? (
                <Button size="sm" onClick={() => setFilter('')}>
                  Clear the filter
                </Button>
              ) : (
                <Link to="/people" className="text-blue-700 underline dark:text-blue-300">
                  Go to the first page
                </Link>
              )}
            </EmptyState>
          ) : (
            <ul
              aria-label={`People ${first}–${last}`}
              className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
            >
              {shown.map((p) => (
                <PersonRow key={p.id} person={p} />
              ))}
            </ul>
          )}

          <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2">
            <Button onClick={() => go(page - 1)} disabled={page <= 1} aria-label="Previous page">
              Previous
            </Button>
            <span className="text-sm text-slate-700 dark:text-slate-300">Page {page}</span>
            <Button onClick={() => go(page + 1)} disabled={!hasMore} aria-label="Next page">
              Next
            </Button>
          </nav>
        </>
      )}
    </>
  );
}

function PersonRow({ person: p }: { person: Person }) {
  const email = primary(p.contactData.emailAddresses);
  const phone = primary(p.contactData.phoneNumbers);
  const role = [p.title, p.companyName].filter(Boolean).join(' at ');
  return (
    <li className="grid gap-1 px-4 py-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_minmax(0,1fr)] sm:items-center sm:gap-4">
      <div className="min-w-0">
        <Link to={`/people/${p.id}`} className="font-medium break-words text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300">
          {fullName(p)}
        </Link>
        {role && <p className="text-sm break-words text-slate-700 dark:text-slate-300">{role}</p>}
      </div>
      <div className="min-w-0 text-sm text-slate-700 dark:text-slate-300">
        {email?.address && <p className="truncate">{email.address}</p>}
        {phone?.number && <p>{phone.number}</p>}
      </div>
      {p.tags.length > 0 ? (
        <ul aria-label="Tags" className="flex flex-wrap gap-1">
          {p.tags.map((t) => (
            <li key={t.id ?? t.name} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">
              {t.name}
            </li>
          ))}
        </ul>
      ) : (
        <span aria-hidden="true" />
      )}
    </li>
  );
}
