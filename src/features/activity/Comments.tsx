import { useState, type FormEvent } from 'react';
import type { Comment } from '../../../server/api/types';
import { errorMessage } from '../../api/client';
import { useCommentMutations, useComments, type ParentKind } from '../../api/comments';
import { useUserName } from '../../api/users';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Textarea } from '../../components/Textarea';
import { useToast } from '../../components/Toast';
import { useDraft } from './drafts';
import { formatWhen } from './format';
import { LinkedText } from './LinkedText';

/** Comments under a note or email: read, add, edit, delete. Loaded once `visible` (the entry scrolled into view). */
export function Comments({ kind, parentId, visible }: { kind: ParentKind; parentId: number; visible: boolean }) {
  const query = useComments(kind, parentId, visible);
  const m = useCommentMutations(kind, parentId);
  const toast = useToast();
  const [draft, setDraft, clearDraft] = useDraft(`comment:${kind}:${parentId}`, { body: '' });
  const [error, setError] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!draft.body.trim()) {
      setError('Write a comment first.');
      return;
    }
    setError(null);
    try {
      await m.create.mutateAsync(draft.body);
      clearDraft();
      toast.success('Comment added');
    } catch (err) {
      setError(`Could not add the comment: ${errorMessage(err)} What you wrote is kept.`);
    }
  }

  const comments = query.data ?? [];
  return (
    <div className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-800">
      <h4 className="sr-only">Comments</h4>
      {query.isError && <p className="text-sm text-red-700 dark:text-red-400">Could not load comments: {errorMessage(query.error)}</p>}
      {comments.length > 0 && (
        <ul className="mb-3 space-y-3" aria-label="Comments">
          {comments.map((c) => (
            <CommentItem key={c.id} comment={c} kind={kind} parentId={parentId} />
          ))}
        </ul>
      )}
      <form onSubmit={add} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Textarea
          label="Add a comment"
          labelClassName="sr-only"
          placeholder="Add a comment…"
          rows={1}
          className="flex-1"
          value={draft.body}
          onChange={(e) => setDraft({ body: e.target.value })}
          error={error ?? undefined}
        />
        <Button type="submit" size="sm" busy={m.create.isPending}>
          Comment
        </Button>
      </form>
    </div>
  );
}

function CommentItem({ comment, kind, parentId }: { comment: Comment; kind: ParentKind; parentId: number }) {
  const m = useCommentMutations(kind, parentId);
  const userName = useUserName();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return setError('Write something first.');
    try {
      await m.update.mutateAsync({ id: comment.id!, body: text });
      setEditing(false);
      setError(null);
      toast.success('Comment saved');
    } catch (err) {
      setError(`Could not save: ${errorMessage(err)}`);
    }
  }

  async function remove() {
    try {
      await m.remove.mutateAsync(comment.id!);
      setConfirming(false);
      toast.success('Comment deleted');
    } catch {
      /* shown in the dialog */
    }
  }

  return (
    <li className="rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/60">
      <div className="mb-1 flex flex-wrap items-baseline gap-x-2 text-xs text-slate-700 dark:text-slate-300">
        <span className="font-medium text-slate-900 dark:text-slate-100">{userName(comment.authorId)}</span>
        <time dateTime={comment.createdAt ?? undefined}>{formatWhen(comment.createdAt)}</time>
      </div>
      {editing ? (
        <form onSubmit={save} className="space-y-2">
          <Textarea label="Edit comment" labelClassName="sr-only" rows={2} value={text} onChange={(e) => setText(e.target.value)} error={error ?? undefined} />
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="primary" busy={m.update.isPending}>
              Save comment
            </Button>
            <Button size="sm" variant="ghost" onClick={() => { setEditing(false); setText(comment.body ?? ''); setError(null); }}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <>
          <LinkedText text={comment.body ?? ''} />
          <div className="mt-1 flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label="Edit comment">
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={() => { m.remove.reset(); setConfirming(true); }} aria-label="Delete comment">
              Delete
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title="Delete this comment?"
        confirmLabel="Delete comment"
        destructive
        busy={m.remove.isPending}
        error={m.remove.isError ? errorMessage(m.remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={remove}
      >
        The comment is removed from Highrise for everyone.
      </ConfirmDialog>
    </li>
  );
}
