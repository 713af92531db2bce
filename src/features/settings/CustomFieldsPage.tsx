import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { SubjectField } from '../../../server/api/types';
import { customFieldLabel } from '../../../server/api/schemas/custom-field';
import { errorMessage, isApiError } from '../../api/client';
import { useCreateCustomField, useCustomFields, useDeleteCustomField, useRenameCustomField } from '../../api/custom-fields';
import { useDealFields } from '../../api/deals';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { SkeletonList } from '../../components/Skeleton';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toast';

const sectionClass = 'rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900';
const headingClass = 'text-lg font-semibold text-slate-900 focus:outline-none dark:text-slate-100';
const introClass = 'mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300';

/** The server's message for the label when it gave one (a duplicate, say), else its sentence. */
function labelError(e: unknown): string {
  return isApiError(e) && e.fields?.label?.length ? e.fields.label.join(' ') : errorMessage(e);
}

function checkLabel(text: string): { ok: true; label: string } | { ok: false; error: string } {
  const parsed = customFieldLabel.safeParse(text);
  return parsed.success ? { ok: true, label: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'Check the label.' };
}

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
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = (fields.data ?? []).filter((f): f is SubjectField & { id: number } => f.id !== null);
  // When a row leaves (deleted, or found gone) while it had focus, focus would fall to the page's body: put it on the heading.
  const ids = list.map((f) => f.id).join(',');
  const previousIds = useRef(ids);
  useEffect(() => {
    const before = previousIds.current.split(',');
    previousIds.current = ids;
    const now = ids.split(',');
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && before.some((id) => id && !now.includes(id))) heading.current?.focus();
  }, [ids]);

  return (
    <section aria-labelledby={headingId} className={sectionClass}>
      {/* tabIndex -1: focus lands here after a field is deleted, since its row (and Delete button) is gone. */}
      <h2 id={headingId} ref={heading} tabIndex={-1} className={headingClass}>
        People and companies
      </h2>
      <p className={introClass}>Each field appears on every person and company form and record page, and in advanced search.</p>
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
    </section>
  );
}

function FieldRow({ field }: { field: SubjectField & { id: number } }) {
  const rename = useRenameCustomField();
  const remove = useDeleteCustomField();
  const toast = useToast();
  const label = field.label ?? `Field ${field.id}`;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(label);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  // Where focus goes when the row changes mode: into the input, or back to Rename.
  const focusNext = useRef<'input' | 'rename' | null>(null);

  useEffect(() => {
    if (focusNext.current === 'input') {
      input.current?.focus();
      input.current?.select();
    }
    if (focusNext.current === 'rename') renameButton.current?.focus();
    focusNext.current = null;
  }, [editing]);

  function startEditing() {
    setText(label);
    setError(null);
    focusNext.current = 'input';
    setEditing(true);
  }

  function stopEditing() {
    setError(null);
    focusNext.current = 'rename';
    setEditing(false);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (rename.isPending) return;
    const checked = checkLabel(text);
    if (!checked.ok) {
      setError(checked.error);
      input.current?.focus();
      return;
    }
    if (checked.label === label) return stopEditing();
    setError(null);
    try {
      const saved = await rename.mutateAsync({ id: field.id, label: checked.label });
      toast.success(`Renamed “${label}” to “${saved.label ?? checked.label}”`);
      stopEditing();
    } catch (err) {
      if (isApiError(err) && err.status === 404) {
        // The row has gone with the refreshed list, so the reason cannot show beside it.
        toast.error(errorMessage(err));
        return;
      }
      // The typed label stays; the reason shows under it.
      setError(labelError(err));
      input.current?.focus();
    }
  }

  function onInputKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Escape' || rename.isPending) return;
    e.preventDefault();
    // The shell's menu and dialogs also listen for Escape; this one is only about the edit.
    e.stopPropagation();
    stopEditing();
  }

  async function confirmDelete() {
    try {
      await remove.mutateAsync(field.id);
      toast.success(`Deleted the field “${label}”`);
    } catch (err) {
      if (!(isApiError(err) && err.status === 404)) return; // shown in the dialog
      toast.info(`The field “${label}” had already been removed.`);
    }
    setConfirming(false);
  }

  return (
    <li className="py-3">
      {editing ? (
        <form onSubmit={save} aria-label={`Rename ${label}`} className="flex flex-wrap items-start gap-2">
          <TextField
            ref={input}
            label={`New label for ${label}`}
            labelClassName="sr-only"
            hint="Enter saves, Escape cancels."
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onInputKeyDown}
            error={error ?? undefined}
            maxLength={255}
            autoComplete="off"
            className="min-w-0 flex-1 basis-56"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="primary" busy={rename.isPending} className="mt-0.5" aria-label={`Save ${label}`}>
              Save
            </Button>
            <Button size="sm" variant="ghost" onClick={stopEditing} disabled={rename.isPending} className="mt-0.5" aria-label={`Cancel renaming ${label}`}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <span className="min-w-0 flex-1 basis-40 break-words text-slate-900 dark:text-slate-100">{label}</span>
          <div className="flex gap-2">
            <Button ref={renameButton} size="sm" onClick={startEditing} aria-label={`Rename ${label}`}>
              Rename
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete ${label}`}>
              Delete
            </Button>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete the field “${label}”?`}
        confirmLabel="Delete field"
        destructive
        busy={remove.isPending}
        error={remove.error && !(isApiError(remove.error) && remove.error.status === 404) ? errorMessage(remove.error) : null}
        onConfirm={confirmDelete}
        onCancel={() => {
          remove.reset();
          setConfirming(false);
        }}
      >
        Its value is removed from every person and company in this account that has one. This cannot be undone.
      </ConfirmDialog>
    </li>
  );
}

function AddField() {
  const create = useCreateCustomField();
  const toast = useToast();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (create.isPending) return;
    const checked = checkLabel(text);
    if (!checked.ok) {
      setError(checked.error);
      input.current?.focus();
      return;
    }
    setError(null);
    try {
      const field = await create.mutateAsync({ label: checked.label });
      toast.success(`Added the field “${field.label ?? checked.label}”`);
      setText('');
    } catch (err) {
      setError(labelError(err));
      input.current?.focus();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Add a custom field" className="mt-4 flex flex-wrap items-start gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      <TextField
        ref={input}
        label="New field label"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={error ?? undefined}
        maxLength={255}
        autoComplete="off"
        className="min-w-0 flex-1 basis-56"
      />
      <Button type="submit" variant="primary" busy={create.isPending} className="sm:mt-6">
        Add field
      </Button>
    </form>
  );
}

function DealFields() {
  const fields = useDealFields();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={sectionClass}>
      <h2 id={headingId} className={headingClass}>
        Deals
      </h2>
      <p className={introClass}>
        Shown for reference. Highrise only lets apps add fields for people and companies, so deal fields are set up in Highrise’s own settings; their values
        are edited on each deal.
      </p>
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
    </section>
  );
}
