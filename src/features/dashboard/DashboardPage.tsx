import { useId, useMemo, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useDealCategories } from '../../api/categories';
import { useAllDeals } from '../../api/deals';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { Select } from '../../components/Select';
import { Skeleton } from '../../components/Skeleton';
import { ButtonLink } from '../../components/Button';
import { formatMoney } from '../deals/money';
import { currenciesOf, mainCurrency, valueByCategory, valueByStatus, wonLostByMonth } from './dashboard-data';

// Colors with enough contrast on white and on slate-900.
const COLORS = { pending: '#d97706', won: '#059669', lost: '#64748b' } as const;

/** Pipeline value by status and by category, deals won and lost per month. Each chart has a title, a summary and a table. */
export function DashboardPage() {
  const deals = useAllDeals();
  const categories = useDealCategories();
  const [params, setParams] = useSearchParams();
  const all = deals.data ?? [];
  const currencies = currenciesOf(all);
  const requested = params.get('currency');
  const currency = requested && currencies.includes(requested) ? requested : mainCurrency(all);
  const money = (n: number) => formatMoney(n, currency);

  const byStatus = useMemo(() => valueByStatus(all, currency), [all, currency]);
  const byCategory = useMemo(() => valueByCategory(all, categories.data ?? [], currency), [all, categories.data, currency]);
  const byMonth = useMemo(() => wonLostByMonth(all, new Date()), [all]);

  return (
    <>
      <PageHeader title="Dashboard" subtitle="How the pipeline looks right now." actions={<ButtonLink to="/deals">Open the pipeline</ButtonLink>} />
      {deals.isPending ? (
        <div role="status" aria-live="polite">
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{deals.progress ? `Loading deals… ${deals.progress.loaded} loaded` : 'Loading deals…'}</p>
          <div className="grid gap-6 lg:grid-cols-2" aria-hidden="true">
            <Skeleton className="h-72" />
            <Skeleton className="h-72" />
          </div>
        </div>
      ) : deals.isError && !deals.data ? (
        <ErrorPanel error={deals.error} title="Could not load deals" onRetry={() => deals.refetch()} />
      ) : all.length === 0 ? (
        <EmptyState title="Nothing to chart yet" action={<ButtonLink to="/deals/new" variant="primary">New deal</ButtonLink>}>
          Add deals and their value shows up here by status, by category and month by month.
        </EmptyState>
      ) : (
        <>
          {currencies.length > 1 && (
            <div className="mb-4 max-w-xs">
              <Select
                label="Currency"
                hint="Deals in other currencies are not converted; pick one to chart."
                value={currency}
                onChange={(e) => setParams({ currency: e.target.value }, { replace: true })}
                options={currencies}
              />
            </div>
          )}
          <div className="grid gap-6 lg:grid-cols-2">
            <ChartCard
              title={`Pipeline value by status (${currency})`}
              summary={byStatus.map((r) => `${r.label}: ${money(r.value)} in ${r.count} deal${r.count === 1 ? '' : 's'}`).join('; ')}
              table={
                <DataTable head={['Status', 'Deals', 'Value']} rows={byStatus.map((r) => [r.label, String(r.count), money(r.value)])} />
              }
            >
              <BarChart data={byStatus} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
                <XAxis dataKey="label" tick={{ fill: 'currentColor' }} stroke="currentColor" />
                <YAxis tickFormatter={money} width={90} tick={{ fill: 'currentColor' }} stroke="currentColor" />
                <Tooltip formatter={(v) => money(Number(v))} contentStyle={{ color: '#0f172a' }} />
                <Bar dataKey="value" name="Value" fill={COLORS.won} isAnimationActive={false} />
              </BarChart>
            </ChartCard>
            <ChartCard
              title={`Value by category (${currency})`}
              summary={byCategory.length === 0 ? 'No deals in this currency.' : byCategory.map((r) => `${r.category}: ${money(r.pending)} pending, ${money(r.won)} won, ${money(r.lost)} lost`).join('; ')}
              table={<DataTable head={['Category', 'Pending', 'Won', 'Lost']} rows={byCategory.map((r) => [r.category, money(r.pending), money(r.won), money(r.lost)])} />}
            >
              <BarChart data={byCategory} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
                <XAxis dataKey="category" tick={{ fill: 'currentColor' }} stroke="currentColor" />
                <YAxis tickFormatter={money} width={90} tick={{ fill: 'currentColor' }} stroke="currentColor" />
                <Tooltip formatter={(v) => money(Number(v))} contentStyle={{ color: '#0f172a' }} />
                <Legend />
                <Bar dataKey="pending" name="Pending" stackId="s" fill={COLORS.pending} isAnimationActive={false} />
                <Bar dataKey="won" name="Won" stackId="s" fill={COLORS.won} isAnimationActive={false} />
                <Bar dataKey="lost" name="Lost" stackId="s" fill={COLORS.lost} isAnimationActive={false} />
              </BarChart>
            </ChartCard>
            <ChartCard
              wide
              title="Deals won and lost per month"
              summary={`Over the last 12 months: ${byMonth.reduce((s, r) => s + r.won, 0)} won, ${byMonth.reduce((s, r) => s + r.lost, 0)} lost. ${byMonth
                .filter((r) => r.won + r.lost > 0)
                .map((r) => `${r.label}: ${r.won} won, ${r.lost} lost`)
                .join('; ')}`}
              table={<DataTable head={['Month', 'Won', 'Lost']} rows={byMonth.map((r) => [r.label, String(r.won), String(r.lost)])} />}
            >
              <BarChart data={byMonth} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
                <XAxis dataKey="label" tick={{ fill: 'currentColor' }} stroke="currentColor" />
                <YAxis allowDecimals={false} tick={{ fill: 'currentColor' }} stroke="currentColor" />
                <Tooltip contentStyle={{ color: '#0f172a' }} />
                <Legend />
                <Bar dataKey="won" name="Won" fill={COLORS.won} isAnimationActive={false} />
                <Bar dataKey="lost" name="Lost" fill={COLORS.lost} isAnimationActive={false} />
              </BarChart>
            </ChartCard>
          </div>
          <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
            Values are price × duration for hourly, monthly and yearly deals. <Link to="/deals?view=table" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">See every deal in a table</Link>.
          </p>
        </>
      )}
    </>
  );
}

function ChartCard({ title, summary, table, children, wide }: { title: string; summary: string; table: ReactNode; children: React.ReactElement; wide?: boolean }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`rounded-lg border border-slate-200 bg-white p-4 text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200 ${wide ? 'lg:col-span-2' : ''}`}>
      <h2 id={id} className="mb-2 text-base font-semibold text-slate-900 dark:text-slate-100">
        {title}
      </h2>
      <div role="img" aria-label={`${title}. ${summary}`} className="h-64 w-full text-xs">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">Show the numbers as a table</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </section>
  );
}

function DataTable({ head, rows }: { head: string[]; rows: string[][] }) {
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" className="border-b border-slate-200 px-2 py-1 font-semibold dark:border-slate-700">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r[0]}>
            {r.map((c, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="px-2 py-1 font-normal">
                  {c}
                </th>
              ) : (
                <td key={i} className="px-2 py-1 tabular-nums">
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
