import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Tag } from '../../../server/api/types';
import { errorMessage } from '../../api/client';
import { useAddTag, useRemoveTag, useTags, type TagSubject } from '../../api/tags';
import { Button } from '../../components/Button';
import { inputClass } from '../../components/fields';
import { useToast } from '../../components/Toast';

/** Where a tag on this kind of record links: a contact's tag to the contacts with that tag; deals and cases have no tag list. */
function tagLink(subject: TagSubject, t: Tag): string | null {
  return (subject === 'people' || subject === 'companies') && t.id !== null ? `/contacts?tag=${t.id}` : null;
}

/**
 * The tags of a person, company, deal or case: each can be removed (a tag is only a label, put back as
 * easily, so no confirmation; the toast says what went), new ones autocomplete from the account's tags.
 * What was typed stays in the field when adding fails. `recordName`, when given, names the record in the toast.
 */
export function TagEditor({ subject, id, tags, recordName }: { subject: TagSubject; id: number; tags: Tag[]; recordName?: string }) {
  const all = useTags();
  const add = useAddTag(subject, id);
  const remove = useRemoveTag(subject, id);
  const toast = useToast();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const listId = useId();

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    const name = draft.trim();
    if (!name) return setError('Enter a tag name.');
    if (name.length > 255) return setError('Keep tag names under 255 characters.');
    setError(null);
    try {
      await add.mutateAsync(name);
      setDraft('');
      toast.success(recordName ? `Tagged ${recordName} “${name}”` : `Tagged “${name}”`);
    } catch (err) {
      setError(`Could not add the tag: ${errorMessage(err)}`);
    }
  }

  async function onRemove(t: Tag) {
    if (t.id === null) return;
    try {
      await remove.mutateAsync(t.id);
      toast.success(`Removed the tag “${t.name}”`);
    } catch (err) {
      toast.error(`Could not remove “${t.name}”: ${errorMessage(err)}`);
    }
  }

  const have = new Set(tags.map((t) => (t.name ?? '').toLowerCase()));
  return (
    <div>
      {tags.length === 0 ? (
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">No tags yet. Add one below to group this with similar records.</p>
      ) : (
        <ul aria-label="Tags" className="mb-3 flex flex-wrap gap-2">
          {tags.map((t) => {
            const to = tagLink(subject, t);
            return (
              <li key={t.id ?? t.name} className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-3 text-sm text-slate-900 dark:bg-slate-800 dark:text-slate-100">
                {to ? (
                  <Link to={to} className="break-all hover:underline">
                    {t.name}
                  </Link>
                ) : (
                  <span className="break-all">{t.name}</span>
                )}
                <button
                  type="button"
                  onClick={() => void onRemove(t)}
                  disabled={remove.isPending}
                  aria-label={`Remove tag ${t.name}`}
                  className="min-h-6 min-w-6 rounded-full px-1.5 text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-200 dark:hover:bg-slate-700"
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form onSubmit={onAdd} className="flex flex-wrap items-end gap-2" noValidate>
        <div className="min-w-40 flex-1">
          <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
            Add a tag
          </label>
          <input
            id={inputId}
            list={listId}
            value={draft}
            autoComplete="off"
            onChange={(e) => setDraft(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-err` : undefined}
            className={`${inputClass} ${error ? 'border-red-600 dark:border-red-400' : 'border-slate-300 dark:border-slate-600'}`}
          />
          <datalist id={listId}>
            {(all.data ?? [])
              .filter((t) => !have.has((t.name ?? '').toLowerCase()))
              .map((t) => (
                <option key={t.id} value={t.name ?? ''} />
              ))}
          </datalist>
        </div>
        <Button type="submit" size="md" busy={add.isPending}>
          Add tag
        </Button>
      </form>
      {error && (
        <p id={`${inputId}-err`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
