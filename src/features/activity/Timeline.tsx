import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SubjectSegment } from '../../../server/api/types';
import { errorMessage, isApiError } from '../../api/client';
import { useCreateEmail, useDeleteEmail, useUpdateEmail } from '../../api/emails';
import { mergeTimeline, useCreateNote, useDeleteNote, useTimeline, useUpdateNote, type TimelineEntry } from '../../api/notes';
import { useUserName } from '../../api/users';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Select } from '../../components/Select';
import { Skeleton } from '../../components/Skeleton';
import { Textarea } from '../../components/Textarea';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toast';
import { Comments } from './Comments';
import { useDraft } from './drafts';
import { formatSize, formatWhen } from './format';
import { LinkedText } from './LinkedText';

const VISIBILITY_OPTIONS = [
  { value: 'Everyone', label: 'Everyone' },
  { value: 'Owner', label: 'Only me' },
];

type Visibility = 'Everyone' | 'Owner';

/**
 * Notes and emails of a person, company, deal or case, newest first, with their comments; a composer
 * to add a note or log an email. Pages of 25 load as the end of the list scrolls into view, with a
 * "Load more" button for keyboards and browsers without IntersectionObserver.
 */
export function Timeline({ subjectType, subjectId }: { subjectType: SubjectSegment; subjectId: number }) {
  const query = useTimeline(subjectType, subjectId);
  const { entries, held } = mergeTimeline(query.data);
  const headingId = useId();

  return (
    <section data-timeline={subjectType} aria-labelledby={headingId} className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={headingId} className="mb-3 text-base font-semibold text-slate-900 dark:text-slate-100">
        Notes and emails
      </h2>
      <Composer subject={subjectType} id={subjectId} />
      <div className="mt-4">
        {query.isPending ? (
          <div role="status" className="space-y-3">
            <span className="sr-only">Loading notes and emails…</span>
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
          </div>
        ) : query.isError && !query.data ? (
          <ErrorPanel error={query.error} title="Could not load notes and emails" onRetry={() => query.refetch()} />
        ) : entries.length === 0 && !query.hasNextPage ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">No notes or emails yet. Write the first note above: what was said, what was agreed, what comes next.</p>
        ) : (
          <ol className="space-y-3" aria-label="Notes and emails, newest first">
            {entries.map((e) => (
              <li key={`${e.kind}-${e.id}`}>
                <Entry entry={e} subject={subjectType} subjectId={subjectId} />
              </li>
            ))}
          </ol>
        )}
        {query.hasNextPage && (
          <LoadMore onLoad={() => query.fetchNextPage()} loading={query.isFetchingNextPage} held={held} error={query.isFetchNextPageError ? query.error : null} />
        )}
      </div>
    </section>
  );
}

/** Loads the next page when it scrolls into view; the button is the fallback. */
export function LoadMore({ onLoad, loading, held = 0, error }: { onLoad: () => void; loading: boolean; held?: number; error?: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  const onLoadRef = useRef(onLoad);
  onLoadRef.current = onLoad;
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined' || error) return;
    const io = new IntersectionObserver((items) => {
      if (items.some((i) => i.isIntersecting)) onLoadRef.current();
    }, { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [error]);
  return (
    <div ref={ref} className="mt-4 flex flex-col items-center gap-2">
      {error ? <p className="text-sm text-red-700 dark:text-red-400">Could not load more: {errorMessage(error)}</p> : null}
      <Button onClick={onLoad} busy={loading}>
        {loading ? 'Loading…' : held > 0 ? `Load more (${held} waiting)` : 'Load more'}
      </Button>
    </div>
  );
}

function Composer({ subject, id }: { subject: SubjectSegment; id: number }) {
  const [mode, setMode] = useState<'note' | 'email'>('note');
  return (
    <div>
      <div role="group" aria-label="What to add" className="mb-3 inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600">
        {(['note', 'email'] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            className={`rounded px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
              mode === m ? 'bg-blue-700 text-white dark:bg-blue-600' : 'text-slate-800 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800'
            }`}
          >
            {m === 'note' ? 'Note' : 'Log an email'}
          </button>
        ))}
      </div>
      {mode === 'note' ? <NoteComposer subject={subject} id={id} /> : <EmailComposer subject={subject} id={id} />}
    </div>
  );
}

function fieldErrors(e: unknown): Record<string, string[]> {
  return isApiError(e) && e.fields ? e.fields : {};
}

function NoteComposer({ subject, id }: { subject: SubjectSegment; id: number }) {
  const create = useCreateNote(subject, id);
  const toast = useToast();
  const [draft, setDraft, clear] = useDraft(`note:${subject}:${id}`, { body: '', visibleTo: 'Everyone' as string });
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft.body.trim()) return setError('Write something first.');
    setError(null);
    try {
      await create.mutateAsync({ body: draft.body, visibleTo: draft.visibleTo as Visibility });
      clear();
      toast.success('Note added');
    } catch (err) {
      setError(fieldErrors(err).body?.join(' ') ?? `Could not save the note: ${errorMessage(err)} Your text is kept here.`);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Add a note">
      <Textarea label="Note" rows={3} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} error={error ?? undefined} hint="Links starting with http:// or https:// become clickable." />
      <div className="flex flex-wrap items-end gap-3">
        <Select label="Visible to" options={VISIBILITY_OPTIONS} value={draft.visibleTo} onChange={(e) => setDraft({ ...draft, visibleTo: e.target.value })} />
        <Button type="submit" variant="primary" busy={create.isPending}>
          Add note
        </Button>
      </div>
    </form>
  );
}

function EmailComposer({ subject, id }: { subject: SubjectSegment; id: number }) {
  const create = useCreateEmail(subject, id);
  const toast = useToast();
  const [draft, setDraft, clear] = useDraft(`email:${subject}:${id}`, { title: '', body: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!draft.title.trim()) local.title = 'Enter a subject line.';
    if (!draft.body.trim()) local.body = 'Paste or write the email.';
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      await create.mutateAsync({ title: draft.title, body: draft.body });
      clear();
      toast.success('Email logged');
    } catch (err) {
      const f = fieldErrors(err);
      setErrors({ title: f.title?.join(' ') ?? '', body: f.body?.join(' ') ?? `Could not log the email: ${errorMessage(err)} Your text is kept here.` });
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Log an email">
      <TextField label="Subject" required value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} error={errors.title || undefined} />
      <Textarea label="Email" required rows={4} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} error={errors.body || undefined} />
      <Button type="submit" variant="primary" busy={create.isPending}>
        Log email
      </Button>
    </form>
  );
}

function Entry({ entry, subject, subjectId }: { entry: TimelineEntry; subject: SubjectSegment; subjectId: number }) {
  const userName = useUserName();
  const toast = useToast();
  const ref = useRef<HTMLElement>(null);
  const [seen, setSeen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const delNote = useDeleteNote(subject, subjectId);
  const delEmail = useDeleteEmail(subject, subjectId);
  const del = entry.kind === 'note' ? delNote : delEmail;
  const what = entry.kind === 'note' ? 'note' : 'email';

  // Comments load when the entry comes into view (one request each, paced by the BFF).
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    if (typeof IntersectionObserver === 'undefined') return setSeen(true);
    const io = new IntersectionObserver((items) => {
      if (items.some((i) => i.isIntersecting)) setSeen(true);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);

  async function remove() {
    try {
      await del.mutateAsync(entry.id!);
      setConfirming(false);
      toast.success(entry.kind === 'note' ? 'Note deleted' : 'Email deleted');
    } catch {
      /* shown in the dialog */
    }
  }

  return (
    <article ref={ref} aria-label={`${entry.kind === 'note' ? 'Note' : 'Email'} by ${userName(entry.authorId)}`} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <header className="mb-2 flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${entry.kind === 'note' ? 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200' : 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100'}`}>
          {entry.kind === 'note' ? 'Note' : 'Email'}
        </span>
        <span className="font-medium text-slate-900 dark:text-slate-100">{userName(entry.authorId)}</span>
        <time dateTime={entry.createdAt ?? undefined} className="text-slate-700 dark:text-slate-300">
          {formatWhen(entry.createdAt)}
        </time>
        {entry.visibleTo && entry.visibleTo !== 'Everyone' && <span className="text-xs text-slate-700 dark:text-slate-300">({entry.visibleTo === 'Owner' ? 'only the owner' : 'a group'})</span>}
      </header>
      {editing ? (
        <EditEntry entry={entry} subject={subject} subjectId={subjectId} onDone={() => setEditing(false)} />
      ) : (
        <>
          {entry.kind === 'email' && entry.title && <h3 className="mb-1 font-semibold text-slate-900 dark:text-slate-100">{entry.title}</h3>}
          <LinkedText text={entry.body ?? ''} className="text-sm text-slate-900 dark:text-slate-100" />
          {entry.attachments.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm" aria-label="Attachments">
              {entry.attachments.map((a) => (
                <li key={a.id}>
                  {a.url ? (
                    <a href={a.url} download={a.name ?? undefined} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
                      {a.name ?? 'Attachment'}
                    </a>
                  ) : (
                    a.name
                  )}{' '}
                  <span className="text-slate-700 dark:text-slate-300">{formatSize(a.size)}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-2 flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit ${what}`}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={() => { del.reset(); setConfirming(true); }} aria-label={`Delete ${what}`}>
              Delete
            </Button>
          </div>
        </>
      )}
      {entry.id != null && <Comments kind={entry.kind} parentId={entry.id} visible={seen} />}
      <ConfirmDialog
        open={confirming}
        title={`Delete this ${what}?`}
        confirmLabel={`Delete ${what}`}
        destructive
        busy={del.isPending}
        error={del.isError ? errorMessage(del.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={remove}
      >
        The {what} and its comments are removed from Highrise for everyone.
      </ConfirmDialog>
    </article>
  );
}

function EditEntry({ entry, subject, subjectId, onDone }: { entry: TimelineEntry; subject: SubjectSegment; subjectId: number; onDone: () => void }) {
  const updNote = useUpdateNote(subject, subjectId);
  const updEmail = useUpdateEmail(subject, subjectId);
  const toast = useToast();
  const [body, setBody] = useState(entry.body ?? '');
  const [title, setTitle] = useState(entry.kind === 'email' ? (entry.title ?? '') : '');
  const [visibleTo, setVisibleTo] = useState(entry.visibleTo === 'Owner' ? 'Owner' : 'Everyone');
  const [error, setError] = useState<string | null>(null);
  const busy = updNote.isPending || updEmail.isPending;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return setError('Write something first.');
    try {
      // Only what changed is sent (REAL-WORLD #12).
      if (entry.kind === 'note') {
        const input: { body?: string; visibleTo?: Visibility } = {};
        if (body !== entry.body) input.body = body;
        if (visibleTo !== (entry.visibleTo ?? 'Everyone')) input.visibleTo = visibleTo as Visibility;
        if (Object.keys(input).length) await updNote.mutateAsync({ id: entry.id!, input });
      } else {
        const input: { body?: string; title?: string } = {};
        if (body !== entry.body) input.body = body;
        if (title !== (entry.title ?? '')) input.title = title;
        if (Object.keys(input).length) await updEmail.mutateAsync({ id: entry.id!, input });
      }
      toast.success('Saved');
      onDone();
    } catch (err) {
      setError(`Could not save: ${errorMessage(err)}`);
    }
  }

  return (
    <form onSubmit={save} className="space-y-3">
      {entry.kind === 'email' && <TextField label="Subject" value={title} onChange={(e) => setTitle(e.target.value)} />}
      <Textarea label={entry.kind === 'note' ? 'Edit note' : 'Edit email'} rows={4} value={body} onChange={(e) => setBody(e.target.value)} error={error ?? undefined} />
      {entry.kind === 'note' && entry.visibleTo !== 'NamedGroup' && <Select label="Visible to" options={VISIBILITY_OPTIONS} value={visibleTo} onChange={(e) => setVisibleTo(e.target.value)} />}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" busy={busy}>
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
