import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Task } from '../../../server/api/types';
import { errorMessage } from '../../api/client';
import { useCompleteTask, useSubjectTasks, type TaskSubjectSegment } from '../../api/tasks';
import { useUserName } from '../../api/users';
import { Button } from '../../components/Button';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { useReturnFocus } from '../../components/useReturnFocus';
import { browserTimeZone, dueLabel } from './frames';
import { TaskForm, type TaskPrefill } from './TaskForm';

/** How a record kind is named as a task subject (tasks.md: Party, Deal or Kase). */
export const TASK_SUBJECT_TYPE: Record<TaskSubjectSegment, NonNullable<TaskPrefill['subjectType']>> = {
  people: 'Party',
  companies: 'Party',
  deals: 'Deal',
  kases: 'Kase',
};

/** The tasks page with the new-task form open and prefilled with this record. */
export function newTaskHref(subjectType: TaskSubjectSegment, subjectId: number, subjectName: string): string {
  const q = new URLSearchParams({ new: '1', subjectType: TASK_SUBJECT_TYPE[subjectType], subjectId: String(subjectId), subjectName });
  return `/tasks?${q.toString()}`;
}

/**
 * A record's upcoming tasks (a card with its own heading), each with a checkbox to complete it, and
 * "Add task" opening the task form inline, already about this record. For deal, case, person and
 * company pages.
 */
export function SubjectTasks({ subjectType, subjectId, subjectName }: { subjectType: TaskSubjectSegment; subjectId: number; subjectName: string }) {
  const query = useSubjectTasks(subjectType, subjectId);
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  // The toggle stays in place, so it is where focus returns when the form closes.
  useReturnFocus(adding, toggle);
  const tasks = [...(query.data ?? [])].sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));

  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 wrap-anywhere dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900 dark:text-slate-100">
          Upcoming tasks
        </h2>
        <Button ref={toggle} size="sm" variant={adding ? 'ghost' : 'secondary'} onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          {adding ? 'Close' : 'Add task'}
        </Button>
      </div>
      {adding && (
        <div className="mb-4 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <TaskForm
            prefill={{ subjectType: TASK_SUBJECT_TYPE[subjectType], subjectId, subjectName }}
            onDone={(t) => {
              setAdding(false);
              toast.success(`Task added: ${t.body ?? ''}`);
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
      {query.isPending ? (
        <div role="status" aria-live="polite">
          <span className="sr-only">Loading tasks…</span>
          <Skeleton className="mb-2 h-5 w-3/4" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      ) : query.isError && !query.data ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Could not load tasks: {errorMessage(query.error)}{' '}
          <button type="button" className="text-blue-700 underline dark:text-blue-300" onClick={() => void query.refetch()}>
            Try again
          </button>
        </p>
      ) : tasks.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">Nothing to do here yet. Use “Add task” for a call to make or a follow-up to send.</p>
      ) : (
        <ul aria-label={`Tasks about ${subjectName}`} className="divide-y divide-slate-200 dark:divide-slate-800">
          {tasks.map((t) => (
            <SubjectTaskRow key={t.id} task={t} />
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm">
        <Link to="/tasks" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
          All your tasks
        </Link>
      </p>
    </section>
  );
}

function SubjectTaskRow({ task }: { task: Task }) {
  const complete = useCompleteTask();
  const toast = useToast();
  const userName = useUserName();
  const tz = browserTimeZone();
  const due = dueLabel(task, tz);
  const overdue = task.dueAt != null && Date.parse(task.dueAt) < Date.now();

  async function done() {
    try {
      await complete.mutateAsync({ id: task.id! });
      toast.success(task.recurringPeriod != null ? `Completed “${task.body}”; the next one is scheduled` : `Completed “${task.body}”`);
    } catch (e) {
      toast.error(`Could not complete “${task.body}”: ${errorMessage(e)}`);
    }
  }

  return (
    <li className="flex items-start gap-3 py-2">
      <input type="checkbox" checked={false} disabled={complete.isPending} onChange={done} aria-label={`Complete: ${task.body ?? ''}`} className="mt-0.5 h-5 w-5 shrink-0" />
      <div className="min-w-0 flex-1">
        <p className="text-sm break-words text-slate-900 dark:text-slate-100">{task.body}</p>
        <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-700 dark:text-slate-300">
          {due ? (
            <time dateTime={task.dueAt ?? undefined} className={overdue ? 'font-semibold text-red-700 dark:text-red-300' : undefined}>
              {overdue ? 'Overdue: ' : 'Due '}
              {due}
            </time>
          ) : (
            <span>No due date</span>
          )}
          <span>Owner: {userName(task.ownerId)}</span>
        </p>
      </div>
    </li>
  );
}
