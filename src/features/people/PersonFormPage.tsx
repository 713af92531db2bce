import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Person } from '../../../server/api/types';
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
import { RecordLoader, useIdParam } from '../../components/RecordLoader';

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
      <PersonForm mode="create" initial={initial} onSubmit={onSubmit} cancelTo="/people" customFieldDefs={fields.data} customFieldsError={fields.isError ? fields.error : undefined} onRetryCustomFields={() => void fields.refetch()} groups={groups.data} />
    </>
  );
}

export function EditPersonPage() {
  const id = useIdParam();
  const query = usePerson(id);

  // Diff against the record as loaded, never against a list placeholder.
  return (
    <RecordLoader id={id} query={query} what="person" heading="Edit person" waitForLoaded>
      {(person) => <EditPerson key={person.id ?? id} id={id} person={person} />}
    </RecordLoader>
  );
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
      <p className="mb-3 text-sm wrap-anywhere">
        <Link to={to} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
          ← Back to {fullName(person)}
        </Link>
      </p>
      <PageHeader title={`Edit ${fullName(person)}`} />
      <PersonForm mode="edit" initial={initial} onSubmit={onSubmit} cancelTo={to} customFieldDefs={fields.data} customFieldsError={fields.isError ? fields.error : undefined} onRetryCustomFields={() => void fields.refetch()} groups={groups.data} />
    </>
  );
}
