import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Party } from '../../../server/api/types';
import { useCustomFields } from '../../api/custom-fields';
import { useRecentlyViewed, useSearch } from '../../api/search';
import { Button } from '../../components/Button';
import { BusyNotice } from '../../components/BusyNotice';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Select, TextField } from '../../components/fields';
import { PageHeader } from '../../components/PageHeader';
import { SkeletonList } from '../../components/Skeleton';
import { fullName, primary } from '../people/format';

const CRITERIA = [
  { key: 'city', label: 'City' },
  { key: 'state', label: 'State' },
  { key: 'zip', label: 'ZIP' },
  { key: 'country', label: 'Country' },
  { key: 'phone', label: 'Phone' },
  { key: 'email', label: 'Email' },
] as const;

const SCOPES = [
  { value: 'parties', label: 'People and companies' },
  { value: 'people', label: 'People' },
  { value: 'companies', label: 'Companies' },
];

export function partyName(p: Party): string {
  return p.type === 'Company' ? p.name?.trim() || 'Unnamed company' : fullName(p);
}

export const partyHref = (p: Party) => (p.type === 'Company' ? `/companies/${p.id}` : `/people/${p.id}`);

/** Searchable keys kept in the URL: scope, term, page, the fixed criteria and `cf.<label>`. */
function searchKeys(params: URLSearchParams): [string, string][] {
  return [...params].filter(([k, v]) => v.trim() !== '' && (['scope', 'term', 'page'].includes(k) || CRITERIA.some((c) => c.key === k) || k.startsWith('cf.')));
}

/** Name search and advanced search by criteria; results 25 at a time, as Highrise returns them; state in the URL. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const fields = useCustomFields();
  const kept = searchKeys(params);
  const hasQuery = kept.some(([k]) => k !== 'scope' && k !== 'page');
  const qs = hasQuery ? new URLSearchParams(kept).toString() : null;
  const search = useSearch(qs);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(kept));
  useEffect(() => setDraft(Object.fromEntries(searchKeys(params))), [params]);
  const advancedOpen = kept.some(([k]) => k !== 'scope' && k !== 'page' && k !== 'term');

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (k !== 'page' && v.trim()) next.set(k, v.trim());
    setParams(next);
  }

  function go(to: number) {
    const next = new URLSearchParams(params);
    if (to <= 1) next.delete('page');
    else next.set('page', String(to));
    setParams(next);
  }

  const set = (k: string) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const results = search.data?.data ?? [];
  const hasMore = search.data?.page.hasMore ?? false;

  return (
    <>
      <PageHeader title="Search contacts" />
      <form role="search" aria-label="Search contacts" onSubmit={submit} className="mb-6 space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end">
          <TextField label="Name" type="search" value={draft.term ?? ''} onChange={set('term')} placeholder="Part of a name" />
          <Select label="Look in" value={draft.scope ?? 'parties'} onChange={set('scope')} options={SCOPES} />
          <Button type="submit" variant="primary">
            Search
          </Button>
        </div>
        <details open={advancedOpen}>
          <summary className="cursor-pointer text-sm font-medium text-slate-800 dark:text-slate-200">Advanced search</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-3">
            {CRITERIA.map((c) => (
              <TextField key={c.key} label={c.label} value={draft[c.key] ?? ''} onChange={set(c.key)} />
            ))}
            {(fields.data ?? []).map((f) => (
              <TextField key={f.id} label={f.label ?? `Field ${f.id}`} value={draft[`cf.${f.label}`] ?? ''} onChange={set(`cf.${f.label}`)} />
            ))}
          </div>
        </details>
      </form>

      {!hasQuery ? (
        <RecentlyViewed />
      ) : (
        <section aria-label="Results">
          <BusyNotice error={search.isFetching ? search.failureReason : null} />
          {search.isPending ? (
            <SkeletonList label="Searching…" rows={5} />
          ) : search.isError && !search.data ? (
            <ErrorPanel error={search.error} title="The search failed" onRetry={() => search.refetch()} />
          ) : results.length === 0 ? (
            <EmptyState title={page > 1 ? 'No more results' : 'Nothing found'}>Check the spelling, search for part of the name, or use fewer criteria.</EmptyState>
          ) : (
            <>
              <h2 className="mb-2 text-base font-semibold" aria-live="polite">
                Results {(page - 1) * 25 + 1}–{(page - 1) * 25 + results.length}
              </h2>
              <PartyList parties={results} label="Search results" />
              {/* Only when there is another page to go to: one page of results needs no pager. */}
              {(page > 1 || hasMore) && (
                <nav aria-label="Result pages" className="mt-4 flex items-center justify-between">
                  <Button onClick={() => go(page - 1)} disabled={page <= 1}>
                    Previous 25
                  </Button>
                  <span className="text-sm text-slate-700 dark:text-slate-300">Page {page}</span>
                  <Button onClick={() => go(page + 1)} disabled={!hasMore}>
                    Next 25
                  </Button>
                </nav>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}

function PartyList({ parties, label }: { parties: Party[]; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {parties.map((p) => {
        const email = primary(p.contactData.emailAddresses);
        const sub = p.type === 'Person' ? [p.title, p.companyName].filter(Boolean).join(' at ') || 'Person' : 'Company';
        return (
          <li key={`${p.type}:${p.id}`} className="px-4 py-3">
            <Link to={partyHref(p)} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
              {partyName(p)}
            </Link>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {sub}
              {email?.address ? ` · ${email.address}` : ''}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** The last contacts this person viewed; hidden where Highrise does not offer the list (REAL-WORLD #24). */
export function RecentlyViewed() {
  const recent = useRecentlyViewed();
  if (recent.isPending) return <SkeletonList label="Loading recently viewed…" rows={3} />;
  if (recent.isError || !recent.data.available) return null;
  return (
    <section aria-labelledby="recent-h">
      <h2 id="recent-h" className="mb-2 text-base font-semibold">
        Recently viewed
      </h2>
      {recent.data.data.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">Contacts you open will be listed here.</p>
      ) : (
        <PartyList parties={recent.data.data.slice(0, 10)} label="Recently viewed contacts" />
      )}
    </section>
  );
}
