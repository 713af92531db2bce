import { useRef } from 'react';
import type { SubjectField } from '../../../server/api/types';
import { customFieldLabel } from '../../../server/api/schemas/custom-field';
import { useCreateCustomField, useCustomFields, useDeleteCustomField, useRenameCustomField } from '../../api/custom-fields';
import { useDealFields } from '../../api/deals';
import { AddNameForm } from '../../components/AddNameForm';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { checkName, InlineRename } from '../../components/InlineRename';
import { PageHeader } from '../../components/PageHeader';
import { SettingsSection } from '../../components/SettingsSection';
import { SkeletonList } from '../../components/Skeleton';
import { useFocusWhenRemoved } from '../../components/useFocusWhenRemoved';
import { useAddNamed, useRenameAndDelete } from '../../components/useNamedActions';

const checkLabel = (text: string) => checkName(customFieldLabel, text);

/** Settings → Custom fields: the account's custom field definitions, as Highrise's own settings list them. */
export function CustomFieldsPage() {
  return (
    <>
      <PageHeader title="Custom fields" subtitle="Fields of your own, such as Birthday or Shoe size, kept for every record in this Highrise account." />
      <div className="space-y-6">
        <PartyFields />
        <DealFields />
      </div>
    </>
  );
}

function PartyFields() {
  const fields = useCustomFields();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = (fields.data ?? []).filter((f): f is SubjectField & { id: number } => f.id !== null);
  // When a row leaves (deleted, or found gone) while it had focus, focus would fall to the page's body: put it on the heading.
  useFocusWhenRemoved(list.map((f) => f.id), heading);

  return (
    <SettingsSection ref={heading} title="People and companies" intro="Each field appears on every person and company form and record page, and in advanced search.">
      {fields.isPending ? (
        <SkeletonList rows={3} label="Loading custom fields…" />
      ) : fields.isError ? (
        <ErrorPanel error={fields.error} title="Could not load the custom fields" onRetry={() => fields.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title="No custom fields yet">Add one below, such as Birthday or Shoe size, and it appears on every person and company form.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {list.map((f) => (
            <FieldRow key={f.id} field={f} />
          ))}
        </ul>
      )}
      <AddField />
    </SettingsSection>
  );
}

function FieldRow({ field }: { field: SubjectField & { id: number } }) {
  const rename = useRenameCustomField();
  const remove = useDeleteCustomField();
  const label = field.label ?? `Field ${field.id}`;
  const row = useRenameAndDelete({
    name: label,
    noun: 'field',
    nameField: 'label',
    rename: async (next) => (await rename.mutateAsync({ id: field.id, label: next })).label,
    remove: { run: () => remove.mutateAsync(field.id), pending: remove.isPending, error: remove.error, reset: remove.reset },
  });

  return (
    <li className="py-3">
      <InlineRename
        name={label}
        inputLabel={`New label for ${label}`}
        check={checkLabel}
        onSave={row.save}
        busy={rename.isPending}
        actions={
          <Button size="sm" variant="ghost" onClick={row.askToDelete} aria-label={`Delete ${label}`}>
            Delete
          </Button>
        }
      />
      <ConfirmDialog {...row.dialog} title={`Delete the field “${label}”?`} confirmLabel="Delete field" destructive>
        Its value is removed from every person and company in this account that has one. This cannot be undone.
      </ConfirmDialog>
    </li>
  );
}

function AddField() {
  const create = useCreateCustomField();
  const add = useAddNamed({ noun: 'field', nameField: 'label', create: async (label) => (await create.mutateAsync({ label })).label });

  return (
    <AddNameForm formLabel="Add a custom field" inputLabel="New field label" submitLabel="Add field" check={checkLabel} onAdd={add} busy={create.isPending} />
  );
}

function DealFields() {
  const fields = useDealFields();
  return (
    <SettingsSection
      title="Deals"
      intro="Shown for reference. Highrise only lets apps add fields for people and companies, so deal fields are set up in Highrise’s own settings; their values are edited on each deal."
    >
      {fields.isPending ? (
        <SkeletonList rows={2} label="Loading deal fields…" />
      ) : fields.isError ? (
        <ErrorPanel error={fields.error} title="Could not load the deal fields" onRetry={() => fields.refetch()} />
      ) : fields.data.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">This account has no deal fields.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {fields.data.map((f) => (
            <li key={f.id ?? f.label} className="py-3 break-words text-slate-900 dark:text-slate-100">
              {f.label ?? `Field ${f.id}`}
            </li>
          ))}
        </ul>
      )}
    </SettingsSection>
  );
}
