import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Deal, DealCategory } from '../../../server/api/types';
import { useDealCategories } from '../../api/categories';
import { useAllDeals, useMoveDeal } from '../../api/deals';
import { useUserName, useUsers } from '../../api/users';
import { Button, ButtonLink } from '../../components/Button';
import { BusyNotice } from '../../components/BusyNotice';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { Select } from '../../components/Select';
import { TextField } from '../../components/TextField';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { Board } from './Board';
import { CategoriesPanel } from './CategoriesPanel';
import { columnsFor, cssColor, filterDeals, partyName, readPipelineState, sortDeals, STATUS_LABEL, STATUSES, writePipelineState, type PipelineState, type SortKey } from './deal-view';
import { currencyOf, dealValue, formatMoney, formatTotals } from './money';

export function PipelinePage() {
  const [params, setParams] = useSearchParams();
  const state = readPipelineState(params);
  const deals = useAllDeals();
  const categories = useDealCategories();
  const users = useUsers();
  const userName = useUserName();
  const toast = useToast();
  const { move } = useMoveDeal((message, deal) => toast.error(`Could not move “${deal?.name ?? 'the deal'}”; it is back where it was. ${message}`));

  const update = (patch: Partial<PipelineState>) => setParams(writePipelineState({ ...state, ...patch }), { replace: true });

  const cats = categories.data ?? [];
  const categoryName = (id: number | null) => (id == null ? 'No category' : (cats.find((c) => c.id === id)?.name ?? 'No category'));
  const filtered = useMemo(() => filterDeals(deals.data ?? [], state), [deals.data, state]);

  return (
    <>
      <PageHeader
        title="Deals"
        subtitle={deals.data ? `${filtered.length} of ${deals.data.length} deals · ${formatTotals(filtered)}` : undefined}
        actions={
          <>
            <ButtonLink to="/deals/new" variant="primary">
              New deal
            </ButtonLink>
            <Button onClick={() => update({ settings: !state.settings })} aria-expanded={state.settings} aria-controls="deal-categories-panel">
              {state.settings ? 'Close categories' : 'Categories'}
            </Button>
          </>
        }
      />
      {state.settings && <CategoriesPanel id="deal-categories-panel" onClose={() => update({ settings: false })} />}

      <form role="search" aria-label="Filter deals" className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="col-span-2 sm:col-span-1">
          <legend className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">View</legend>
          <div className="flex gap-1">
            {(['board', 'table'] as const).map((v) => (
              <Link
                key={v}
                to={`/deals?${writePipelineState({ ...state, view: v }).toString()}`}
                replace
                aria-current={state.view === v ? 'page' : undefined}
                className={`rounded-md border px-3 py-2 text-sm font-medium ${
                  state.view === v
                    ? 'border-blue-700 bg-blue-700 text-white dark:border-blue-500 dark:bg-blue-600'
                    : 'border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'
                }`}
              >
                {v === 'board' ? 'Board' : 'Table'}
              </Link>
            ))}
          </div>
        </fieldset>
        {state.view === 'board' && (
          <Select
            label="Columns"
            value={state.group}
            onChange={(e) => update({ group: e.target.value === 'category' ? 'category' : 'status' })}
            options={[
              { value: 'status', label: 'By status' },
              { value: 'category', label: 'By category' },
            ]}
          />
        )}
        <Select
          label="Category"
          value={state.category ?? ''}
          onChange={(e) => update({ category: e.target.value || null })}
          options={[{ value: '', label: 'All categories' }, ...cats.map((c) => ({ value: String(c.id), label: c.name ?? 'Unnamed' })), { value: 'none', label: 'No category' }]}
        />
        <Select
          label="Status"
          value={state.status ?? ''}
          onChange={(e) => update({ status: (STATUSES as readonly string[]).includes(e.target.value) ? (e.target.value as PipelineState['status']) : null })}
          options={[{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))]}
        />
        <Select
          label="Responsible"
          value={state.responsible ?? ''}
          onChange={(e) => update({ responsible: e.target.value || null })}
          options={[{ value: '', label: 'Anyone' }, ...(users.data ?? []).map((u) => ({ value: String(u.id), label: u.name ?? `User ${u.id}` })), { value: 'none', label: 'Nobody' }]}
        />
        <TextField label="Party" type="search" placeholder="Name of person or company" value={state.party} onChange={(e) => update({ party: e.target.value })} />
      </form>

      <BusyNotice error={deals.isFetching ? deals.failureReason : null} />
      {deals.isPending ? (
        <div role="status" aria-live="polite">
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            {deals.progress ? `Loading deals… ${deals.progress.loaded} loaded` : 'Loading deals…'}
          </p>
          <div className="flex gap-4 overflow-hidden" aria-hidden="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-80 w-72 shrink-0" />
            ))}
          </div>
        </div>
      ) : deals.isError && !deals.data ? (
        <ErrorPanel error={deals.error} title="Could not load deals" onRetry={() => deals.refetch()} />
      ) : deals.data.length === 0 ? (
        <EmptyState title="No deals yet" action={<ButtonLink to="/deals/new" variant="primary">New deal</ButtonLink>}>
          Add the first deal you are working on; it appears here as a card you can drag from pending to won or lost.
        </EmptyState>
      ) : state.view === 'board' ? (
        <>
          {filtered.length === 0 && <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">No deals match these filters. Clear a filter to see more.</p>}
          <Board columns={columnsFor(filtered, state.group, cats)} group={state.group} userName={userName} onMove={move} />
        </>
      ) : filtered.length === 0 ? (
        <EmptyState title="No deals match">Clear a filter to see more deals.</EmptyState>
      ) : (
        <DealsTable deals={sortDeals(filtered, state, { category: categoryName, user: (id) => (id == null ? '' : userName(id)) })} state={state} categories={cats} userName={userName} onSort={(sort) => update({ sort, dir: state.sort === sort && state.dir === 'asc' ? 'desc' : 'asc' })} />
      )}
    </>
  );
}

const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: 'name', label: 'Deal' },
  { key: 'party', label: 'Party' },
  { key: 'status', label: 'Status' },
  { key: 'category', label: 'Category' },
  { key: 'value', label: 'Value', className: 'text-right' },
  { key: 'responsible', label: 'Responsible' },
  { key: 'updated', label: 'Updated' },
];

function DealsTable({ deals, state, categories, userName, onSort }: { deals: Deal[]; state: PipelineState; categories: DealCategory[]; userName: (id: number | null | undefined) => string; onSort: (k: SortKey) => void }) {
  const byCurrency = formatTotals(deals);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">Deals, sorted by {COLUMNS.find((c) => c.key === state.sort)?.label} ({state.dir === 'asc' ? 'ascending' : 'descending'}). Total {byCurrency}.</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={state.sort === c.key ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={`px-3 py-2 font-semibold ${c.className ?? ''}`}>
                <button type="button" onClick={() => onSort(c.key)} className="rounded underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
                  {c.label}
                  <span aria-hidden="true">{state.sort === c.key ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {deals.map((d) => {
            const cat = categories.find((c) => c.id === d.categoryId);
            const color = cssColor(cat?.color);
            return (
              <tr key={d.id}>
                <td className="px-3 py-2">
                  <Link to={`/deals/${d.id}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
                    {d.name ?? 'Untitled deal'}
                  </Link>
                </td>
                <td className="px-3 py-2">{partyName(d.party) ?? '—'}</td>
                <td className="px-3 py-2">{STATUS_LABEL[d.status ?? 'pending']}</td>
                <td className="px-3 py-2">
                  {cat ? (
                    <span className="inline-flex items-center gap-1.5">
                      {color && <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: color }} />}
                      {cat.name}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatMoney(dealValue(d), currencyOf(d))}</td>
                <td className="px-3 py-2">{d.responsiblePartyId != null ? userName(d.responsiblePartyId) : '—'}</td>
                <td className="px-3 py-2 whitespace-nowrap">{d.updatedAt ? new Date(d.updatedAt).toLocaleDateString() : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
