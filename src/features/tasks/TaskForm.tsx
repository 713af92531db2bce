import { useMemo, useState, type FormEvent } from 'react';
import type { Task, TaskCreateInput } from '../../../server/api/types';
import { errorMessage, isApiError } from '../../api/client';
import { useCreateTask, useTaskCategories, useUpdateTask } from '../../api/tasks';
import { useUsers } from '../../api/users';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import { TextField } from '../../components/TextField';
import { useUnsavedChanges } from '../../components/useUnsavedChanges';
import { browserTimeZone, fromLocalInputs, generalFrame, startOfLocalDay, toLocalInputs } from './frames';
import { SubjectPicker } from './SubjectPicker';
import { SUBJECT_KIND_LABEL, type SubjectChoice } from './subject-match';

export const RECURRING_OPTIONS = [
  { value: '', label: 'Does not repeat' },
  { value: '0', label: 'Every day' },
  { value: '1', label: 'Every week' },
  { value: '2', label: 'Every two weeks' },
  { value: '3', label: 'Every month' },
  { value: '4', label: 'Every three months' },
  { value: '5', label: 'Every six months' },
  { value: '7', label: 'Every year' },
];
const WHEN_OPTIONS = [
  { value: 'today', label: 'Today' },
  { value: 'tomorrow', label: 'Tomorrow' },
  { value: 'this_week', label: 'This week' },
  { value: 'next_week', label: 'Next week' },
  { value: 'later', label: 'Later' },
  { value: 'specific', label: 'At a specific date and time' },
];

type Frame = TaskCreateInput['frame'];

export interface TaskPrefill {
  subjectType?: 'Party' | 'Deal' | 'Kase';
  subjectId?: number;
  subjectName?: string;
}

/** What the form starts with: the task's own subject, else the one passed in (from the URL or a record page). */
export function initialSubject(task: Task | undefined, prefill: TaskPrefill | undefined): SubjectChoice | null {
  if (task?.subjectId != null && task.subjectType) {
    const type = task.subjectType === 'Deal' || task.subjectType === 'Kase' ? task.subjectType : 'Party';
    return { type, id: task.subjectId, name: task.subjectName ?? `${SUBJECT_KIND_LABEL[type]} ${task.subjectId}`, detail: SUBJECT_KIND_LABEL[type] };
  }
  if (prefill?.subjectId != null && prefill.subjectType) {
    const type = prefill.subjectType;
    return { type, id: prefill.subjectId, name: prefill.subjectName || `${SUBJECT_KIND_LABEL[type]} ${prefill.subjectId}`, detail: SUBJECT_KIND_LABEL[type] };
  }
  return null;
}

/**
 * Create or edit a task. A specific time is entered and shown in the person's time zone and sent as
 * UTC. On failure everything typed stays in the form.
 */
export function TaskForm({ task, prefill, onDone, onCancel }: { task?: Task; prefill?: TaskPrefill; onDone: (t: Task) => void; onCancel?: () => void }) {
  const tz = browserTimeZone();
  const users = useUsers();
  const cats = useTaskCategories();
  const create = useCreateTask();
  const update = useUpdateTask();
  const due = task?.dueAt ? toLocalInputs(tz, Date.parse(task.dueAt)) : toLocalInputs(tz, startOfLocalDay(tz, Date.now(), 1) + 9 * 3600_000);
  const [body, setBody] = useState(task?.body ?? '');
  // A task set for "Tomorrow" opens as Tomorrow, not as the end-of-day instant Highrise stored for it.
  const initialFrame: Frame = task ? (generalFrame(task) ?? (task.dueAt ? 'specific' : 'later')) : 'today';
  const [frame, setFrame] = useState<Frame>(initialFrame);
  const [date, setDate] = useState(due.date);
  const [time, setTime] = useState(due.time);
  const [categoryId, setCategoryId] = useState(task?.categoryId ? String(task.categoryId) : '');
  const [ownerId, setOwnerId] = useState(task?.ownerId ? String(task.ownerId) : '');
  const [isPublic, setPublic] = useState(task?.public ?? false);
  const [subject, setSubject] = useState<SubjectChoice | null>(() => initialSubject(task, prefill));
  const [subjectDraft, setSubjectDraft] = useState(subject?.name ?? '');
  const [recurring, setRecurring] = useState(task?.recurringPeriod != null ? String(task.recurringPeriod) : '');
  // anchor_type: 1 = from the original due date (the default), 0 = from when it is completed.
  const [anchor, setAnchor] = useState(task?.recurringPeriod != null && task.anchorType != null ? String(task.anchorType) : '1');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  // Everything typed, as one value: asks before leaving with changes, kept if the session ends mid-save.
  const snapshot = useMemo(
    () => ({ body, frame, date, time, categoryId, ownerId, isPublic, subject, subjectDraft, recurring, anchor }),
    [body, frame, date, time, categoryId, ownerId, isPublic, subject, subjectDraft, recurring, anchor],
  );
  const [initialSnapshot] = useState(snapshot);
  const { guard } = useUnsavedChanges({
    values: snapshot,
    initial: initialSnapshot,
    id: task?.id != null ? `task-${task.id}` : 'task-new',
    restore: (d) => {
      setBody(d.body);
      setFrame(d.frame);
      setDate(d.date);
      setTime(d.time);
      setCategoryId(d.categoryId);
      setOwnerId(d.ownerId);
      setPublic(d.isPublic);
      setSubject(d.subject);
      setSubjectDraft(d.subjectDraft);
      setRecurring(d.recurring);
      setAnchor(d.anchor);
    },
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!body.trim()) local.body = 'Say what needs doing.';
    let dueAt: string | null = null;
    if (frame === 'specific') {
      dueAt = fromLocalInputs(tz, date, time);
      if (!dueAt) local.dueAt = 'Enter a date and a time.';
    }
    if (!subject && subjectDraft.trim()) local.subjectId = 'Choose a contact, deal or case from the list, or clear the field.';
    setErrors(local);
    if (Object.keys(local).length) return;
    const input: TaskCreateInput = {
      body: body.trim(),
      frame,
      dueAt,
      categoryId: categoryId ? Number(categoryId) : null,
      ownerId: ownerId ? Number(ownerId) : null,
      public: isPublic,
      subjectType: subject?.type ?? null,
      subjectId: subject?.id ?? null,
      recurringPeriod: recurring === '' ? null : Number(recurring),
      anchorType: recurring === '' ? null : anchor === '1' ? 1 : 0,
    };
    if (!task && input.ownerId == null) delete input.ownerId;
    // An edit sends when it is due only if that was changed (REAL-WORLD #12): resending an overdue
    // task's day as "a specific time" would turn it into a timed task, a minute earlier.
    const timingKept = frame === initialFrame && (frame !== 'specific' || (date === due.date && time === due.time));
    setFormError(null);
    try {
      const saved =
        task?.id != null
          ? await update.mutateAsync({ id: task.id, input: timingKept ? { ...input, frame: undefined, dueAt: undefined } : input })
          : await create.mutateAsync(input);
      onDone(saved);
    } catch (err) {
      const f = isApiError(err) && err.fields ? err.fields : {};
      setErrors(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.join(' ')])));
      setFormError(`Could not save the task: ${errorMessage(err)} Nothing you entered was lost.`);
    }
  }

  const tzLabel = tz.replace(/_/g, ' ');
  return (
    <form
      onSubmit={guard(submit)}
      // Escape closes the form like Cancel (a changed form still asks before leaving); open listboxes handle their own Escape first.
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
      }}
      className="space-y-4"
      aria-label={task ? 'Edit task' : 'New task'}
      noValidate
    >
      {formError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {formError}
        </p>
      )}
      {/* The form opens because the person asked for it: start typing at once, and Escape reaches the form. */}
      <Textarea label="Task" required rows={2} autoFocus value={body} onChange={(e) => setBody(e.target.value)} error={errors.body} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Select label="When" options={WHEN_OPTIONS} value={frame} onChange={(e) => setFrame(e.target.value as Frame)} />
        {frame === 'specific' && (
          <>
            <TextField label="Date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} error={errors.dueAt} hint={`In your time zone (${tzLabel})`} />
            <TextField label="Time" type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
          </>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Select
          label="Category"
          options={[{ value: '', label: 'No category' }, ...(cats.data ?? []).map((c) => ({ value: String(c.id), label: c.name ?? `Category ${c.id}` }))]}
          value={categoryId}
          onChange={(e) => setCategoryId(e.target.value)}
          error={errors.categoryId}
        />
        <Select
          label="Owner"
          options={[{ value: '', label: 'Me' }, ...(users.data ?? []).map((u) => ({ value: String(u.id), label: u.name ?? u.emailAddress ?? `User ${u.id}` }))]}
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
          error={errors.ownerId}
        />
        <div className="flex items-end pb-2">
          <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
            <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} className="h-4 w-4" />
            Others can see this task
          </label>
        </div>
      </div>
      <div className="sm:max-w-xl">
        <SubjectPicker value={subject} onChange={setSubject} onDraftChange={setSubjectDraft} error={errors.subjectId ?? errors.subjectType} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Select label="Repeats" options={RECURRING_OPTIONS} value={recurring} onChange={(e) => setRecurring(e.target.value)} error={errors.recurringPeriod} />
        {recurring !== '' && (
          <Select
            label="Repeat from"
            options={[
              { value: '1', label: 'Due date' },
              { value: '0', label: 'Completion' },
            ]}
            value={anchor}
            onChange={(e) => setAnchor(e.target.value)}
          />
        )}
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" busy={create.isPending || update.isPending}>
          {task ? 'Save task' : 'Add task'}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
