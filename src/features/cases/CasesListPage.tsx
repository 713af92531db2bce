import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Kase } from '../../../server/api/types';
import { caseCreateInput } from '../../../server/api/schemas/case';
import { useCases, useCreateCase, type CaseList } from '../../api/cases';
import { errorMessage } from '../../api/client';
import { Button } from '../../components/Button';
import { BusyNotice } from '../../components/BusyNotice';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { SkeletonList } from '../../components/Skeleton';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toast';
import { partyName } from '../deals/deal-view';
import { formatDateTime } from '../people/format';

/** Open and closed cases (`/cases?status=closed`), and a one-line form to open a new one. */
export function CasesListPage() {
  const [params] = useSearchParams();
  const which: CaseList = params.get('status') === 'closed' ? 'closed' : 'open';
  const cases = useCases(which);
  const [filter, setFilter] = useState('');
  const shown = (cases.data ?? []).filter((k) => !filter.trim() || (k.name ?? '').toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <>
      <PageHeader title="Cases" subtitle="Matters you are working through with people and companies: open until you close them." />
      <NewCaseForm />
      <nav aria-label="Open or closed cases" className="mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {(['open', 'closed'] as const).map((w) => (
          <Link
            key={w}
            to={`/cases?status=${w}`}
            aria-current={which === w ? 'page' : undefined}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${
              which === w ? 'border-blue-700 text-blue-800 dark:border-blue-400 dark:text-blue-200' : 'border-transparent text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
            }`}
          >
            {w === 'open' ? 'Open' : 'Closed'}
          </Link>
        ))}
      </nav>
      <div className="mb-4 max-w-sm">
        <TextField label="Filter by name" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <BusyNotice error={cases.isFetching ? cases.failureReason : null} />
      {cases.isPending ? (
        <SkeletonList rows={6} label="Loading cases…" />
      ) : cases.isError && !cases.data ? (
        <ErrorPanel error={cases.error} title="Could not load cases" onRetry={() => cases.refetch()} />
      ) : cases.data.length === 0 ? (
        <EmptyState title={which === 'open' ? 'No open cases' : 'No closed cases'}>
          {which === 'open' ? 'Open a case above for anything you need to see through: a complaint, an order, a project.' : 'Cases you close appear here; you can reopen them any time.'}
        </EmptyState>
      ) : shown.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">No {which} case has that in its name. Clear the filter to see all.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900" aria-label={`${which === 'open' ? 'Open' : 'Closed'} cases`}>
          {shown.map((k) => (
            <CaseRow key={k.id} kase={k} />
          ))}
        </ul>
      )}
    </>
  );
}

function CaseRow({ kase }: { kase: Kase }) {
  const parties = kase.parties.map(partyName).filter(Boolean);
  return (
    <li className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:gap-6">
      <Link to={`/cases/${kase.id}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
        {kase.name ?? 'Untitled case'}
      </Link>
      <span className="text-sm text-slate-700 dark:text-slate-300">{parties.length ? parties.join(', ') : 'No parties'}</span>
      <span className="text-sm text-slate-600 sm:ml-auto dark:text-slate-400">
        {kase.closedAt ? `Closed ${formatDateTime(kase.closedAt)}` : `Opened ${formatDateTime(kase.createdAt) ?? ''}`}
      </span>
    </li>
  );
}

function NewCaseForm() {
  const create = useCreateCase();
  const navigate = useNavigate();
  const toast = useToast();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = caseCreateInput.safeParse({ name });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter a name.');
      return;
    }
    setError(null);
    try {
      const kase = await create.mutateAsync(parsed.data);
      toast.success(`Opened case ${kase.name}`);
      navigate(`/cases/${kase.id}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Open a case" className="mb-6 flex flex-wrap items-end gap-3">
      <TextField label="New case" placeholder="What is the matter?" value={name} onChange={(e) => setName(e.target.value)} error={error ?? undefined} className="min-w-64 flex-1" maxLength={255} />
      <Button type="submit" variant="primary" busy={create.isPending}>
        Open case
      </Button>
    </form>
  );
}
