import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Kase } from '../../../server/api/types';
import { useCase, useCaseTags, useDeleteCase, useUpdateCase } from '../../api/cases';
import { errorMessage } from '../../api/client';
import { useUserName } from '../../api/users';
import { Button } from '../../components/Button';
import { BusyNotice } from '../../components/BusyNotice';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toast';
import { Timeline } from '../activity/Timeline';
import { partyName, partyPath } from '../deals/deal-view';
import { TagEditor } from '../tags/TagEditor';
import { SubjectTasks } from '../tasks/SubjectTasks';
import { formatDateTime } from '../people/format';
import { RecordLoader, useIdParam } from '../../components/RecordLoader';
import { textLinkClass } from '../../components/link-class';
import { Section } from '../../components/RecordSection';
import { MultilineText } from '../../components/MultilineText';

export function CasePage() {
  const id = useIdParam();
  const query = useCase(id);
  const skeleton = (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading case…</span>
      <Skeleton className="mb-6 h-8 w-72" />
      <Skeleton className="h-48" />
    </div>
  );
  return (
    <RecordLoader id={id} query={query} what="case" heading="Case" skeleton={skeleton} busyNotice>
      {(kase) => <CaseDetail id={id} kase={kase} />}
    </RecordLoader>
  );
}


const linkClass = textLinkClass;

function CaseDetail({ id, kase }: { id: number; kase: Kase }) {
  const navigate = useNavigate();
  const toast = useToast();
  const update = useUpdateCase(id);
  const del = useDeleteCase();
  const tags = useCaseTags(id);
  const userName = useUserName();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(kase.name ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const title = kase.name ?? 'Untitled case';
  const closed = kase.closedAt !== null;

  async function rename(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setNameError('Enter a name for the case.');
      return;
    }
    setNameError(null);
    try {
      await update.mutateAsync({ name: name.trim() });
      setRenaming(false);
      toast.success('Renamed the case');
    } catch (err) {
      setNameError(errorMessage(err));
    }
  }

  async function toggleClosed() {
    try {
      await update.mutateAsync({ closed: !closed });
      toast.success(closed ? `Reopened ${title}` : `Closed ${title}`);
    } catch (err) {
      toast.error(`Could not ${closed ? 'reopen' : 'close'} the case: ${errorMessage(err)}`);
    }
  }

  async function confirmDelete() {
    try {
      await del.mutateAsync(id);
      setConfirming(false);
      toast.success(`Deleted ${title}`);
      navigate(closed ? '/cases?status=closed' : '/cases', { replace: true });
    } catch {
      // shown in the dialog
    }
  }

  return (
    <article>
      <p className="mb-3 text-sm">
        <Link to={closed ? '/cases?status=closed' : '/cases'} className={linkClass}>
          ← {closed ? 'Closed cases' : 'Open cases'}
        </Link>
      </p>
      <PageHeader
        title={title}
        subtitle={closed ? `Closed ${formatDateTime(kase.closedAt)}` : `Open since ${formatDateTime(kase.createdAt) ?? 'its creation'}`}
        actions={
          <>
            <Button variant="primary" onClick={toggleClosed} busy={update.isPending && !renaming}>
              {closed ? 'Reopen case' : 'Close case'}
            </Button>
            <Button onClick={() => setRenaming((r) => !r)} aria-expanded={renaming}>
              Rename
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          </>
        }
      />
      {renaming && (
        <form onSubmit={rename} noValidate aria-label="Rename case" className="mb-6 flex flex-wrap items-end gap-3">
          <TextField label="Case name" value={name} onChange={(e) => setName(e.target.value)} error={nameError ?? undefined} className="min-w-64 flex-1" maxLength={255} autoFocus />
          <Button type="submit" variant="primary" busy={update.isPending}>
            Save name
          </Button>
          <Button onClick={() => setRenaming(false)}>Cancel</Button>
        </form>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Section title="People and companies">
          {kase.parties.length === 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">No one is on this case yet. Highrise adds people and companies to cases in its own app; they cannot be added from here.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {kase.parties.map((p) => {
                const href = partyPath(p);
                return (
                  <li key={`${p.type}-${p.id}`}>
                    {href ? <Link to={href} className={linkClass}>{partyName(p)}</Link> : partyName(p)}
                    <span className="text-slate-600 dark:text-slate-400"> · {p.type === 'Company' ? 'Company' : 'Person'}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </Section>
        <Section title="About">
          <dl className="space-y-1.5 text-sm">
            <div className="flex gap-4"><dt className="w-28 text-slate-600 dark:text-slate-400">Author</dt><dd>{kase.authorId != null ? userName(kase.authorId) : '—'}</dd></div>
            <div className="flex gap-4"><dt className="w-28 text-slate-600 dark:text-slate-400">Created</dt><dd>{formatDateTime(kase.createdAt) ?? '—'}</dd></div>
            <div className="flex gap-4"><dt className="w-28 text-slate-600 dark:text-slate-400">Updated</dt><dd>{formatDateTime(kase.updatedAt) ?? '—'}</dd></div>
          </dl>
          {kase.background && <MultilineText text={kase.background} className="mt-3 text-sm" />}
        </Section>
        <Section title="Tags">
          {tags.isPending ? (
            <Skeleton className="h-6 w-40" />
          ) : tags.isError ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">Could not load tags: {errorMessage(tags.error)}</p>
          ) : (
            <TagEditor subject="kases" id={id} tags={tags.data} recordName={title} />
          )}
        </Section>
        <SubjectTasks subjectType="kases" subjectId={id} subjectName={title} />
      </div>
      <Timeline subjectType="kases" subjectId={id} />
      <ConfirmDialog
        open={confirming}
        title={`Delete ${title}?`}
        confirmLabel={`Delete ${title}`}
        destructive
        busy={del.isPending}
        error={del.error ? errorMessage(del.error) : null}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      >
        Highrise also deletes the case’s notes and emails. This cannot be undone.
      </ConfirmDialog>
    </article>
  );
}
