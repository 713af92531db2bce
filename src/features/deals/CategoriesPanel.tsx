import { useState, type FormEvent } from 'react';
import type { DealCategory } from '../../../server/api/types';
import { categoryCreateInput } from '../../../server/api/schemas/category';
import { errorMessage, isApiError } from '../../api/client';
import { useCreateDealCategory, useDealCategories, useDeleteDealCategory, useUpdateDealCategory } from '../../api/categories';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextField } from '../../components/TextField';
import { SkeletonList } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';

/** Deal categories: list, create (name and color), rename, recolor, delete. */
export function CategoriesPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const categories = useDealCategories();
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-3 flex items-center justify-between gap-4">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Deal categories
        </h2>
        <Button size="sm" variant="ghost" onClick={onClose}>
          Done
        </Button>
      </div>
      {categories.isPending ? (
        <SkeletonList rows={3} label="Loading categories…" />
      ) : categories.isError ? (
        <ErrorPanel error={categories.error} title="Could not load categories" onRetry={() => categories.refetch()} />
      ) : (
        <>
          {categories.data.length === 0 && <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">No categories yet. Add one below to group deals by kind of work.</p>}
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {categories.data.map((c) => (
              <CategoryRow key={c.id} category={c} />
            ))}
          </ul>
          <NewCategory />
        </>
      )}
    </section>
  );
}

function normalise(color: string): string {
  return color.replace(/^#/, '').toLowerCase();
}

function CategoryRow({ category }: { category: DealCategory }) {
  const update = useUpdateDealCategory();
  const del = useDeleteDealCategory();
  const toast = useToast();
  const [name, setName] = useState(category.name ?? '');
  const [color, setColor] = useState(`#${category.color && /^[0-9a-f]{6}$/i.test(category.color) ? category.color : '000000'}`);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = name.trim() !== (category.name ?? '') || normalise(color) !== (category.color ?? '000000');

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError('Enter a name for the category.');
      return;
    }
    setError(null);
    const patch: { id: number; name?: string; color?: string } = { id: category.id! };
    if (name.trim() !== category.name) patch.name = name.trim();
    if (normalise(color) !== category.color) patch.color = normalise(color);
    try {
      await update.mutateAsync(patch);
      toast.success(`Saved category ${name.trim()}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function confirmDelete() {
    try {
      await del.mutateAsync(category.id!);
      setConfirming(false);
      toast.success(`Deleted category ${category.name}`);
    } catch {
      // shown in the dialog
    }
  }

  const label = category.name ?? 'category';
  return (
    <li className="py-3">
      <form onSubmit={save} className="flex flex-wrap items-end gap-3" aria-label={`Category ${label}`}>
        <TextField label={`Name of ${label}`} labelClassName="sr-only" value={name} onChange={(e) => setName(e.target.value)} error={error ?? undefined} className="min-w-48 flex-1" />
        <label className="flex items-center gap-2 text-sm">
          <span className="sr-only">Color of {label}</span>
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} className="h-9 w-12 cursor-pointer rounded border border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-800" />
        </label>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          {category.elementsCount ?? 0} deal{category.elementsCount === 1 ? '' : 's'}
        </span>
        <Button type="submit" size="sm" variant="primary" disabled={!dirty} busy={update.isPending}>
          Save<span className="sr-only"> {label}</span>
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
          Delete<span className="sr-only"> {label}</span>
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={`Delete category ${label}?`}
        confirmLabel={`Delete ${label}`}
        destructive
        busy={del.isPending}
        error={del.error ? errorMessage(del.error) : null}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      >
        Its deals stay, without a category. This cannot be undone.
      </ConfirmDialog>
    </li>
  );
}

function NewCategory() {
  const create = useCreateDealCategory();
  const toast = useToast();
  const [name, setName] = useState('');
  const [color, setColor] = useState('#2f6fde');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = categoryCreateInput.safeParse({ name, color });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the name.');
      return;
    }
    setError(null);
    try {
      await create.mutateAsync(parsed.data);
      toast.success(`Added category ${parsed.data.name}`);
      setName('');
    } catch (err) {
      setError(isApiError(err) ? err.message : errorMessage(err));
    }
  }

  return (
    <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4 dark:border-slate-800" aria-label="New category">
      <TextField label="New category name" value={name} onChange={(e) => setName(e.target.value)} error={error ?? undefined} className="min-w-48 flex-1" />
      <label className="flex flex-col text-sm font-medium text-slate-800 dark:text-slate-200">
        <span className="mb-1">Color</span>
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} className="h-9 w-12 cursor-pointer rounded border border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-800" />
      </label>
      <Button type="submit" variant="primary" busy={create.isPending}>
        Add category
      </Button>
    </form>
  );
}
