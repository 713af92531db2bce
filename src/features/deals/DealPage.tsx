import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Deal } from '../../../server/api/types';
import { errorMessage } from '../../api/client';
import { useDealCategories } from '../../api/categories';
import { useDeal, useDeleteDeal, useSetDealStatus } from '../../api/deals';
import { useUserName } from '../../api/users';
import { Button, ButtonLink } from '../../components/Button';
import { BusyNotice } from '../../components/BusyNotice';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { Timeline } from '../activity/Timeline';
import { formatDateTime } from '../people/format';
import { RecordLoader, useIdParam } from '../../components/RecordLoader';
import { TagEditor } from '../tags/TagEditor';
import { SubjectTasks } from '../tasks/SubjectTasks';
import { cssColor, partyName, partyPath, PRICE_TYPE_LABEL, STATUS_LABEL, STATUSES } from './deal-view';
import { currencyOf, dealValue, formatMoney, priceBreakdown } from './money';
import { textLinkClass } from '../../components/link-class';
import { Section, VISIBILITY_LABELS } from '../../components/RecordSection';
import { MultilineText } from '../../components/MultilineText';

export function DealPage() {
  const id = useIdParam();
  const query = useDeal(id);
  const skeleton = (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading deal…</span>
      <Skeleton className="mb-2 h-8 w-72" />
      <Skeleton className="mb-6 h-4 w-48" />
      <div className="grid gap-4 md:grid-cols-2">
        <Skeleton className="h-48" />
        <Skeleton className="h-48" />
      </div>
    </div>
  );
  return (
    <RecordLoader id={id} query={query} what="deal" heading="Deal" skeleton={skeleton} busyNotice>
      {(deal) => <DealDetail id={id} deal={deal} />}
    </RecordLoader>
  );
}


function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-1.5 sm:flex-row sm:gap-4">
      <dt className="w-40 shrink-0 text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 text-sm break-words text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

const linkClass = textLinkClass;
const STATUS_BADGE: Record<string, string> = {
  pending: 'bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50',
  won: 'bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50',
  lost: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-50',
};

function formatDay(day: string | null): string | null {
  if (!day) return null;
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  // A calendar day (no time): format it as that day, not shifted by the viewer's zone.
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

function DealDetail({ id, deal }: { id: number; deal: Deal }) {
  const navigate = useNavigate();
  const toast = useToast();
  const del = useDeleteDeal();
  const setStatus = useSetDealStatus(id);
  const userName = useUserName();
  const categories = useDealCategories();
  const [confirming, setConfirming] = useState(false);
  const name = deal.name ?? 'Untitled deal';
  const status = deal.status ?? 'pending';
  const category = deal.category ?? categories.data?.find((c) => c.id === deal.categoryId) ?? null;
  const catColor = cssColor(categories.data?.find((c) => c.id === deal.categoryId)?.color);
  const party = partyName(deal.party);
  const partyHref = partyPath(deal.party);
  const currency = currencyOf(deal);
  const breakdown = priceBreakdown(deal);

  async function changeStatus(next: typeof status) {
    try {
      await setStatus.mutateAsync(next);
      toast.success(`${name} is now ${STATUS_LABEL[next].toLowerCase()}`);
    } catch (e) {
      toast.error(`Could not change the status: ${errorMessage(e)}`);
    }
  }

  async function confirmDelete() {
    try {
      await del.mutateAsync(id);
      setConfirming(false);
      toast.success(`Deleted ${name}`);
      navigate('/deals', { replace: true });
    } catch {
      // shown in the dialog
    }
  }

  return (
    <article>
      <p className="mb-3 text-sm">
        <Link to="/deals" className={linkClass}>
          ← All deals
        </Link>
      </p>
      <PageHeader
        title={name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_BADGE[status]}`}>{STATUS_LABEL[status]}</span>
            <span className="text-base font-semibold text-slate-900 dark:text-slate-100">{formatMoney(dealValue(deal), currency)}</span>
            {party && <span>with {party}</span>}
          </span>
        }
        actions={
          <>
            <ButtonLink to={`/deals/${id}/edit`} variant="primary">
              Edit
            </ButtonLink>
            <Button variant="ghost" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          </>
        }
      />

      <div className="mb-4 flex flex-wrap items-center gap-2" role="group" aria-label="Change status">
        <span className="text-sm text-slate-700 dark:text-slate-300">Mark as:</span>
        {STATUSES.filter((s) => s !== status).map((s) => (
          <Button key={s} size="sm" onClick={() => changeStatus(s)} busy={setStatus.isPending && setStatus.variables === s}>
            {STATUS_LABEL[s]}
          </Button>
        ))}
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <Section title="Details">
          <dl>
            <Row label="Party">{party ? partyHref ? <Link to={partyHref} className={linkClass}>{party}</Link> : party : '—'}</Row>
            <Row label="Category">
              {category ? (
                <span className="inline-flex items-center gap-1.5">
                  {catColor && <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: catColor }} />}
                  {category.name}
                </span>
              ) : (
                'No category'
              )}
            </Row>
            <Row label="Responsible">{deal.responsiblePartyId != null ? userName(deal.responsiblePartyId) : 'Nobody'}</Row>
            <Row label="Status">
              {STATUS_LABEL[status]}
              {deal.statusChangedOn && <span className="text-slate-600 dark:text-slate-400"> since {formatDay(deal.statusChangedOn)}</span>}
            </Row>
            <Row label="Visible to">{VISIBILITY_LABELS[deal.visibleTo ?? 'Everyone'] ?? deal.visibleTo}</Row>
            <Row label="Author">{deal.authorId != null ? userName(deal.authorId) : '—'}</Row>
            <Row label="Created">{formatDateTime(deal.createdAt) ?? '—'}</Row>
            <Row label="Updated">{formatDateTime(deal.updatedAt) ?? '—'}</Row>
          </dl>
        </Section>
        <Section title="Value">
          <dl>
            <Row label="Value">{formatMoney(dealValue(deal), currency)}</Row>
            <Row label="Currency">{currency}</Row>
            <Row label="Price">{deal.price != null ? formatMoney(deal.price, currency) : '—'}</Row>
            <Row label="Price type">{PRICE_TYPE_LABEL[deal.priceType ?? 'fixed']}</Row>
            {deal.priceType && deal.priceType !== 'fixed' && <Row label="Duration">{deal.duration != null ? `${deal.duration} ${deal.priceType}${deal.duration === 1 ? '' : 's'}` : '—'}</Row>}
            {breakdown && <Row label="Worked out">{breakdown}</Row>}
          </dl>
        </Section>
        {deal.background && (
          <Section title="Background">
            <MultilineText text={deal.background} className="text-sm" />
          </Section>
        )}
        <Section title="People and companies">
          {deal.parties.length === 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">No one else is involved. Highrise adds parties to a deal in its own app; they cannot be added from here.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {deal.parties.map((p) => {
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
        {deal.customFields.length > 0 && (
          <Section title="Custom fields">
            <dl>
              {deal.customFields.map((f) => (
                <Row key={f.id ?? f.subjectFieldId} label={f.subjectFieldLabel ?? 'Field'}>
                  {f.value ?? '—'}
                </Row>
              ))}
            </dl>
          </Section>
        )}
        <Section title="Tags">
          <TagEditor subject="deals" id={id} tags={deal.tags} recordName={name} />
        </Section>
        <SubjectTasks subjectType="deals" subjectId={id} subjectName={name} />
      </div>

      <Timeline subjectType="deals" subjectId={id} />

      <ConfirmDialog
        open={confirming}
        title={`Delete ${name}?`}
        confirmLabel={`Delete ${name}`}
        destructive
        busy={del.isPending}
        error={del.error ? errorMessage(del.error) : null}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      >
        Highrise also deletes the deal’s notes, emails and files. This cannot be undone.
      </ConfirmDialog>
    </article>
  );
}
