import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Person } from '../../../server/api/types';
import { isApiError } from '../../api/client';
import { useCreatePerson, usePerson, useUpdatePerson } from '../../api/people';
import { useCustomFields, useGroups } from '../../api/custom-fields';
import { ErrorPanel } from '../../components/ErrorPanel';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { fullName } from './format';
import { emptyValues, valuesFromPerson } from './form-model';
import { PersonForm, type PersonFormSubmit } from './PersonForm';
import { useIdParam } from './PersonPage';

export function NewPersonPage() {
  const create = useCreatePerson();
  const navigate = useNavigate();
  const toast = useToast();
  const [initial] = useState(emptyValues);
  const fields = useCustomFields();
  const groups = useGroups();

  async function onSubmit(s: PersonFormSubmit) {
    if (s.mode !== 'create') return;
    const person = await create.mutateAsync(s.payload);
    toast.success('Saved');
    navigate(person?.id ? `/people/${person.id}` : '/people');
  }

  return (
    <>
      <PageHeader title="New person" />
      <PersonForm mode="create" initial={initial} onSubmit={onSubmit} cancelTo="/people" pendingFailure={create.failureReason} customFieldDefs={fields.data} customFieldsError={fields.isError ? fields.error : undefined} onRetryCustomFields={() => void fields.refetch()} groups={groups.data} />
    </>
  );
}

export function EditPersonPage() {
  const id = useIdParam();
  const query = usePerson(id);

  if (Number.isNaN(id)) return <NotFoundPage what="person" />;
  // Diff against the record as loaded, never against a list placeholder.
  if (query.isPending || query.isPlaceholderData) {
    return (
      <div role="status" className="space-y-4">
        <span className="sr-only">Loading person…</span>
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  if (query.isError && !query.data) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage what="person" />;
    return (
      <>
        <PageHeader title="Edit person" />
        <ErrorPanel error={query.error} title="Could not load this person" onRetry={() => query.refetch()} />
      </>
    );
  }
  return <EditPerson key={query.data!.id ?? id} id={id} person={query.data!} />;
}

function EditPerson({ id, person }: { id: number; person: Person }) {
  const update = useUpdatePerson(id);
  const navigate = useNavigate();
  const toast = useToast();
  // Frozen at mount: the baseline the diff is computed against.
  const [initial] = useState(() => valuesFromPerson(person));
  const fields = useCustomFields();
  const groups = useGroups();
  const to = `/people/${id}`;

  async function onSubmit(s: PersonFormSubmit) {
    if (s.mode !== 'edit') return;
    if (s.unchanged) {
      toast.info('No changes to save');
      navigate(to);
      return;
    }
    await update.mutateAsync(s.payload);
    toast.success('Saved');
    navigate(to);
  }

  return (
    <>
      <p className="mb-3 text-sm">
        <Link to={to} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
          ← Back to {fullName(person)}
        </Link>
      </p>
      <PageHeader title={`Edit ${fullName(person)}`} />
      <PersonForm mode="edit" initial={initial} onSubmit={onSubmit} cancelTo={to} pendingFailure={update.failureReason} customFieldDefs={fields.data} customFieldsError={fields.isError ? fields.error : undefined} onRetryCustomFields={() => void fields.refetch()} groups={groups.data} />
    </>
  );
}
