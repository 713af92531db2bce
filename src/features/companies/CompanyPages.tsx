import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Company } from '../../../server/api/types';
import { errorMessage } from '../../api/client';
import { useCompany, useCompanyPeople, useCreateCompany, useDeleteCompany, useUpdateCompany } from '../../api/companies';
import { useCustomFields, useGroups } from '../../api/custom-fields';
import { Button, ButtonLink, buttonClass } from '../../components/Button';
import { BusyNotice } from '../../components/BusyNotice';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { rememberDeleted } from '../contacts/undo';
import { listToReturnTo } from '../contacts/return-to';
import { fullName, safeHttpUrl } from '../people/format';
import { emptyCompanyValues, valuesFromCompany } from '../people/form-model';
import { PersonForm, type PersonFormSubmit } from '../people/PersonForm';
import { ContactDataList } from '../people/PersonPage';
import { RecordLoader, useIdParam } from '../../components/RecordLoader';
import { Item, Section } from '../../components/RecordSection';
import { PartyFacts } from '../people/PartyFacts';
import { TagEditor } from '../tags/TagEditor';
import { Timeline } from '../activity/Timeline';
import { SubjectTasks } from '../tasks/SubjectTasks';
import { textLinkClass } from '../../components/link-class';
import { MultilineText } from '../../components/MultilineText';

const linkClass = `${textLinkClass} break-all`;
const companyName = (c: Company) => c.name?.trim() || 'Unnamed company';

export function CompanyPage() {
  const id = useIdParam();
  const query = useCompany(id);
  return (
    <RecordLoader id={id} query={query} what="company" heading="Company" busyNotice>
      {(company) => <CompanyDetail id={id} company={company} />}
    </RecordLoader>
  );
}

function CompanyDetail({ id, company }: { id: number; company: Company }) {
  const name = companyName(company);
  const people = useCompanyPeople(id);
  const del = useDeleteCompany();
  const navigate = useNavigate();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);

  async function confirmDelete() {
    try {
      await del.mutateAsync(id);
      setConfirming(false);
      rememberDeleted({ kind: 'company', record: company, name, at: Date.now() });
      toast.success(`Deleted ${name}`);
      // Back to the list they came from (its filters kept); the undo bar is in the layout.
      navigate(listToReturnTo('company'), { replace: true });
    } catch {
      // shown in the dialog
    }
  }

  const avatar = safeHttpUrl(company.avatarUrl);
  return (
    <article>
      <p className="mb-3 text-sm">
        <Link to="/companies" className={linkClass}>
          ← All companies
        </Link>
      </p>
      <PageHeader
        leading={avatar ? <img src={avatar} alt="" className="h-16 w-16 shrink-0 rounded-lg object-cover ring-1 ring-slate-200 dark:ring-slate-700" /> : undefined}
        title={name}
        subtitle="Company"
        actions={
          <>
            <ButtonLink to={`/companies/${id}/edit`} variant="primary">
              Edit
            </ButtonLink>
            <a href={`/api/export/companies/${id}/vcard`} download className={buttonClass('secondary')}>
              Export vCard
            </a>
            <Button variant="danger" onClick={() => { del.reset(); setConfirming(true); }}>
              Delete
            </Button>
          </>
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Section title="Contact">
          <ContactDataList cd={company.contactData} editTo={`/companies/${id}/edit`} />
        </Section>
        <Section title="About">
          <dl className="space-y-3 text-sm">
            {company.background && (
              <Item label="Background">
                <MultilineText text={company.background} />
              </Item>
            )}
            <PartyFacts party={company} />
          </dl>
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-semibold">Tags</h3>
            <TagEditor subject="companies" id={id} tags={company.tags} />
          </div>
        </Section>
        <Section title="People">
          {people.isPending ? (
            <Skeleton className="h-16" />
          ) : people.isError ? (
            <ErrorPanel error={people.error} title="Could not load the people here" onRetry={() => people.refetch()} />
          ) : people.data.length === 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              No one at {name} yet.{' '}
              <Link to="/people/new" className={`${linkClass} underline`}>
                Add a person
              </Link>{' '}
              and give them this company.
            </p>
          ) : (
            <ul className="space-y-1 text-sm">
              {people.data.map((p) => (
                <li key={p.id}>
                  <Link to={`/people/${p.id}`} className={linkClass}>
                    {fullName(p)}
                  </Link>
                  {p.title && <span className="text-slate-700 dark:text-slate-300"> · {p.title}</span>}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <SubjectTasks subjectType="companies" subjectId={id} subjectName={name} />
      </div>

      <Timeline subjectType="companies" subjectId={id} />

      <ConfirmDialog
        open={confirming}
        title={`Delete ${name}?`}
        confirmLabel={`Delete ${name}`}
        destructive
        busy={del.isPending}
        error={del.isError ? errorMessage(del.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={confirmDelete}
      >
        This removes {name}, its contact details, notes and emails from Highrise; its people stay. For a few seconds you can undo: that re-creates the
        company from its details and tags as a new record (notes and history are not restored).
      </ConfirmDialog>
    </article>
  );
}

export function NewCompanyPage() {
  const create = useCreateCompany();
  const navigate = useNavigate();
  const toast = useToast();
  const fields = useCustomFields();
  const groups = useGroups();
  const [initial] = useState(emptyCompanyValues);

  async function onSubmit(s: PersonFormSubmit) {
    if (s.mode !== 'create') return;
    const co = await create.mutateAsync(s.payload as never);
    toast.success('Saved');
    navigate(co?.id ? `/companies/${co.id}` : '/companies');
  }

  return (
    <>
      <PageHeader title="New company" />
      <PersonForm mode="create" initial={initial} onSubmit={onSubmit} cancelTo="/companies" customFieldDefs={fields.data} customFieldsError={fields.isError ? fields.error : undefined} onRetryCustomFields={() => void fields.refetch()} groups={groups.data} />
    </>
  );
}

export function EditCompanyPage() {
  const id = useIdParam();
  const query = useCompany(id);
  return (
    <RecordLoader id={id} query={query} what="company" heading="Edit company">
      {(company) => <EditCompany key={company.id ?? id} id={id} company={company} />}
    </RecordLoader>
  );
}

function EditCompany({ id, company }: { id: number; company: Company }) {
  const update = useUpdateCompany(id);
  const navigate = useNavigate();
  const toast = useToast();
  const fields = useCustomFields();
  const groups = useGroups();
  const [initial] = useState(() => valuesFromCompany(company));
  const to = `/companies/${id}`;

  async function onSubmit(s: PersonFormSubmit) {
    if (s.mode !== 'edit') return;
    if (s.unchanged) {
      toast.info('No changes to save');
      navigate(to);
      return;
    }
    await update.mutateAsync(s.payload as never);
    toast.success('Saved');
    navigate(to);
  }

  return (
    <>
      <p className="mb-3 text-sm wrap-anywhere">
        <Link to={to} className={linkClass}>
          ← Back to {companyName(company)}
        </Link>
      </p>
      <PageHeader title={`Edit ${companyName(company)}`} />
      <PersonForm mode="edit" initial={initial} onSubmit={onSubmit} cancelTo={to} customFieldDefs={fields.data} customFieldsError={fields.isError ? fields.error : undefined} onRetryCustomFields={() => void fields.refetch()} groups={groups.data} />
    </>
  );
}
