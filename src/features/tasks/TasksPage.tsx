import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Task } from '../../../server/api/types';
import { errorMessage } from '../../api/client';
import { useCategoryMutations, useCompleteTask, useDeleteTask, useTaskCategories, useTasks, type TaskView } from '../../api/tasks';
import { useUserName } from '../../api/users';
import { Button } from '../../components/Button';
import { BusyNotice } from '../../components/BusyNotice';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { SkeletonList } from '../../components/Skeleton';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toast';
import { useReturnFocus } from '../../components/useReturnFocus';
import { FRAME_LABELS, browserTimeZone, dueLabel, groupByFrame } from './frames';
import { RECURRING_OPTIONS, TaskForm, type TaskPrefill } from './TaskForm';

const VIEWS: { view: TaskView; label: string }[] = [
  { view: 'today', label: 'Today' },
  { view: 'upcoming', label: 'Upcoming' },
  { view: 'assigned', label: 'Assigned by me' },
  { view: 'completed', label: 'Completed' },
  { view: 'all', label: 'All' },
];

const EMPTY: Record<TaskView, string> = {
  today: 'Nothing due for the rest of today.',
  upcoming: 'No upcoming tasks.',
  assigned: 'You have not assigned tasks to anyone else.',
  completed: 'No completed tasks yet.',
  all: 'No tasks yet.',
};

function subjectPath(t: Task): string | null {
  if (t.subjectId == null) return null;
  if (t.subjectType === 'Deal') return `/deals/${t.subjectId}`;
  if (t.subjectType === 'Kase') return `/cases/${t.subjectId}`;
  if (t.subjectType === 'Company') return `/companies/${t.subjectId}`;
  if (t.subjectType === 'Party') return `/activity/party/${t.subjectId}`;
  return null;
}

export function TasksPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('view');
  const view: TaskView = VIEWS.some((v) => v.view === raw) ? (raw as TaskView) : 'upcoming';
  const creating = params.get('new') === '1';
  const editingId = Number(params.get('edit')) || null;
  const query = useTasks(view);
  const tz = browserTimeZone();
  const toast = useToast();

  const prefill: TaskPrefill | undefined = params.get('subjectId')
    ? {
        subjectType: (['Party', 'Deal', 'Kase'] as const).find((s) => s === params.get('subjectType')) ?? 'Party',
        subjectId: Number(params.get('subjectId')) || undefined,
        subjectName: params.get('subjectName') ?? undefined,
      }
    : undefined;

  function setParam(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  }

  const editing = editingId ? query.data?.find((t) => t.id === editingId) : undefined;
  const formOpen = creating || editing !== undefined;
  const closeForm = () => setParam({ new: null, edit: null, subjectId: null, subjectType: null, subjectName: null });
  const headerButton = useRef<HTMLButtonElement>(null);
  const rememberOpener = useReturnFocus(formOpen, headerButton);
  const edit = (id: number) => {
    rememberOpener();
    setParam({ edit: String(id), new: null });
  };
  const groups = useMemo(() => (view === 'upcoming' && query.data ? groupByFrame(query.data, Date.now(), tz) : null), [view, query.data, tz]);

  return (
    <>
      <PageHeader
        title="Tasks"
        subtitle={`Times are shown in your time zone (${tz.replace(/_/g, ' ')}).`}
        actions={
          <Button
            ref={headerButton}
            variant="primary"
            onClick={() => {
              if (!formOpen) rememberOpener();
              setParam({ new: formOpen ? null : '1', edit: null });
            }}
            aria-expanded={formOpen}
          >
            {formOpen ? 'Close' : 'New task'}
          </Button>
        }
      />
      <BusyNotice error={query.isFetching ? query.failureReason : null} />
      {(creating || editing) && (
        <section aria-label={editing ? 'Edit task' : 'New task'} className="mb-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 className="mb-3 text-base font-semibold">{editing ? 'Edit task' : 'New task'}</h2>
          <TaskForm
            key={editing?.id ?? 'new'}
            task={editing}
            prefill={prefill}
            onDone={() => {
              toast.success(editing ? 'Task saved' : 'Task added');
              closeForm();
            }}
            onCancel={closeForm}
          />
        </section>
      )}
      <nav aria-label="Task lists" className="mb-4 overflow-x-auto">
        <ul className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
          {VIEWS.map((v) => (
            <li key={v.view}>
              <Link
                to={`/tasks?view=${v.view}`}
                aria-current={v.view === view ? 'page' : undefined}
                className={`block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-blue-600 ${
                  v.view === view ? 'border-blue-700 text-blue-800 dark:border-blue-400 dark:text-blue-200' : 'border-transparent text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
                }`}
              >
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {query.isPending ? (
        <SkeletonList rows={5} label="Loading tasks…" />
      ) : query.isError && !query.data ? (
        <ErrorPanel error={query.error} title="Could not load tasks" onRetry={() => query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyState
          title={EMPTY[view]}
          action={
            <Button
              onClick={() => {
                rememberOpener();
                setParam({ new: '1' });
              }}
            >
              New task
            </Button>
          }
        >
          Add a task for a call to make or a follow-up to send; tie it to a contact, deal or case so it shows up there too.
        </EmptyState>
      ) : groups ? (
        <div className="space-y-6">
          {groups.map((g) => (
            <section key={g.frame} aria-labelledby={`frame-${g.frame}`}>
              <h2 id={`frame-${g.frame}`} className={`mb-2 text-sm font-semibold tracking-wide uppercase ${g.frame === 'overdue' ? 'text-red-700 dark:text-red-400' : 'text-slate-700 dark:text-slate-300'}`}>
                {FRAME_LABELS[g.frame]} <span className="font-normal">({g.tasks.length})</span>
              </h2>
              <TaskList tasks={g.tasks} onEdit={edit} />
            </section>
          ))}
        </div>
      ) : (
        <TaskList tasks={[...query.data].sort(byDue(view === 'completed'))} onEdit={edit} />
      )}
      <CategoriesSection />
    </>
  );
}

function byDue(doneFirst: boolean) {
  return (a: Task, b: Task) => {
    if (doneFirst) return (b.doneAt ?? '').localeCompare(a.doneAt ?? '');
    return (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999');
  };
}

function TaskList({ tasks, onEdit }: { tasks: Task[]; onEdit: (id: number) => void }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {tasks.map((t) => (
        <TaskRow key={t.id} task={t} onEdit={onEdit} />
      ))}
    </ul>
  );
}

function TaskRow({ task, onEdit }: { task: Task; onEdit: (id: number) => void }) {
  const complete = useCompleteTask();
  const del = useDeleteTask();
  const toast = useToast();
  const userName = useUserName();
  const cats = useTaskCategories();
  const tz = browserTimeZone();
  const [confirming, setConfirming] = useState(false);
  const done = task.doneAt != null;
  const category = cats.data?.find((c) => c.id === task.categoryId);
  const path = subjectPath(task);
  const repeats = task.recurringPeriod != null ? RECURRING_OPTIONS.find((o) => o.value === String(task.recurringPeriod))?.label : null;
  const dueText = dueLabel(task, tz);

  async function toggle() {
    try {
      await complete.mutateAsync({ id: task.id!, reopen: done });
      toast.success(done ? 'Task reopened' : repeats ? 'Task completed; the next one is scheduled' : 'Task completed');
    } catch (e) {
      toast.error(`${done ? 'Could not reopen' : 'Could not complete'} “${task.body}”: ${errorMessage(e)}`);
    }
  }

  async function remove() {
    try {
      await del.mutateAsync(task.id!);
      setConfirming(false);
      toast.success('Task deleted');
    } catch {
      /* in the dialog */
    }
  }

  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start">
      <input
        type="checkbox"
        checked={done}
        disabled={complete.isPending}
        onChange={toggle}
        aria-label={`${done ? 'Reopen' : 'Complete'}: ${task.body ?? ''}`}
        className="mt-1 h-5 w-5 shrink-0"
      />
      <div className="min-w-0 flex-1">
        <p className={`break-words text-sm ${done ? 'text-slate-600 line-through dark:text-slate-400' : 'text-slate-900 dark:text-slate-100'}`}>{task.body}</p>
        <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
          {dueText && <time dateTime={task.dueAt ?? undefined}>Due {dueText}</time>}
          {done && task.doneAt && <span>Done {new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: tz }).format(new Date(task.doneAt))}</span>}
          {category && (
            <span className="inline-flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full" style={{ backgroundColor: `#${/^[0-9a-f]{6}$/i.test(category.color ?? '') ? category.color : '64748b'}` }} />
              {category.name}
            </span>
          )}
          <span>Owner: {userName(task.ownerId)}</span>
          {repeats && <span>Repeats {repeats.toLowerCase()}</span>}
          {!task.public && <span>Private</span>}
          {path && task.subjectName && (
            <Link to={path} className="min-w-0 text-blue-700 underline underline-offset-2 wrap-anywhere dark:text-blue-300">
              {task.subjectName}
            </Link>
          )}
        </p>
      </div>
      <div className="flex gap-1">
        {!done && (
          <Button size="sm" variant="ghost" onClick={() => onEdit(task.id!)} aria-label={`Edit: ${task.body ?? ''}`}>
            Edit
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={() => { del.reset(); setConfirming(true); }} aria-label={`Delete: ${task.body ?? ''}`}>
          Delete
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete this task?"
        confirmLabel="Delete task"
        destructive
        busy={del.isPending}
        error={del.isError ? errorMessage(del.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={remove}
      >
        “{task.body}” is removed from Highrise{repeats ? ', and it will not repeat again' : ''}.
      </ConfirmDialog>
    </li>
  );
}

function CategoriesSection() {
  const cats = useTaskCategories();
  const m = useCategoryMutations();
  const toast = useToast();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ id: number; name: string } | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError('Enter a name.');
    try {
      await m.create.mutateAsync({ name: name.trim() });
      setName('');
      setError(null);
      toast.success('Category added');
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section aria-labelledby="task-categories" className="mt-10">
      <h2 id="task-categories" className="mb-2 text-base font-semibold">
        Task categories
      </h2>
      {cats.isError && <p className="text-sm text-red-700 dark:text-red-400">Could not load categories: {errorMessage(cats.error)}</p>}
      <ul className="mb-3 flex flex-wrap gap-2">
        {(cats.data ?? []).map((c) => (
          <CategoryChip key={c.id} id={c.id!} name={c.name ?? ''} onRemove={() => { m.remove.reset(); setRemoving({ id: c.id!, name: c.name ?? '' }); }} />
        ))}
      </ul>
      <form onSubmit={add} className="flex flex-wrap items-end gap-2">
        <TextField label="New category" value={name} onChange={(e) => setName(e.target.value)} error={error ?? undefined} />
        <Button type="submit" busy={m.create.isPending}>
          Add category
        </Button>
      </form>
      <ConfirmDialog
        open={removing !== null}
        title={`Delete the category “${removing?.name}”?`}
        confirmLabel="Delete category"
        destructive
        busy={m.remove.isPending}
        error={m.remove.isError ? errorMessage(m.remove.error) : null}
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          try {
            await m.remove.mutateAsync(removing!.id);
            setRemoving(null);
            toast.success('Category deleted');
          } catch {
            /* in the dialog */
          }
        }}
      >
        Tasks in it keep existing, without a category.
      </ConfirmDialog>
    </section>
  );
}

function CategoryChip({ id, name, onRemove }: { id: number; name: string; onRemove: () => void }) {
  const m = useCategoryMutations();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  if (editing) {
    return (
      <li>
        <form
          className="flex items-end gap-1"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await m.update.mutateAsync({ id, input: { name: value.trim() } });
              setEditing(false);
              toast.success('Category renamed');
            } catch (err) {
              toast.error(`Could not rename: ${errorMessage(err)}`);
            }
          }}
        >
          <TextField label={`Rename ${name}`} labelClassName="sr-only" value={value} onChange={(e) => setValue(e.target.value)} />
          <Button type="submit" size="sm" busy={m.update.isPending}>
            Save
          </Button>
        </form>
      </li>
    );
  }
  return (
    <li className="inline-flex items-center gap-1 rounded-full border border-slate-300 py-0.5 pr-1 pl-3 text-sm dark:border-slate-600">
      {name}
      <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Rename ${name}`}>
        Rename
      </Button>
      <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Delete ${name}`}>
        Delete
      </Button>
    </li>
  );
}
