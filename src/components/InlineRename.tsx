import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { Button } from './Button';
import { TextField } from './TextField';

/** What a name check says: the cleaned value (trimmed), or the reason to show beside the field. */
export type NameCheck = { ok: true; value: string } | { ok: false; error: string };

/** Check typed text with a shared zod schema (the BFF's own), so the page refuses exactly what the server would. */
export function checkName(schema: z.ZodType<string>, text: string): NameCheck {
  const parsed = schema.safeParse(text);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'Check the name.' };
}

/**
 * How a save went: `saved` closes the editor (focus back on Rename); `gone` leaves it as it is (the
 * thing was removed elsewhere, the caller said so and its row is about to go); an error keeps the
 * typed text open with the reason beside it.
 */
export type RenameOutcome = 'saved' | 'gone' | { error: string };

interface InlineRenameProps {
  /** The current name, shown and used in the buttons' accessible names ("Rename Birthday"). */
  name: string;
  /** The input's label while editing, e.g. "New label for Birthday". */
  inputLabel: string;
  check: (text: string) => NameCheck;
  onSave: (value: string) => Promise<RenameOutcome>;
  busy: boolean;
  /** More buttons after Rename (Delete…). */
  actions?: ReactNode;
  /** The name when not editing; a plain line of text by default. */
  renderName?: (name: string) => ReactNode;
  maxLength?: number;
}

/**
 * A name renamed in place: Rename opens an input (focused, text selected), Enter saves, Escape
 * cancels, and focus returns to Rename; a refused save keeps what was typed with the reason beside it.
 */
export function InlineRename({ name, inputLabel, check, onSave, busy, actions, renderName, maxLength = 255 }: InlineRenameProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(name);
  const [error, setError] = useState<string | null>(null);
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
    setText(name);
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
    if (busy) return;
    const checked = check(text);
    if (!checked.ok) {
      setError(checked.error);
      input.current?.focus();
      return;
    }
    if (checked.value === name) return stopEditing();
    setError(null);
    const outcome = await onSave(checked.value);
    if (outcome === 'saved') return stopEditing();
    if (outcome === 'gone') return;
    // The typed name stays; the reason shows under it.
    setError(outcome.error);
    input.current?.focus();
  }

  function onInputKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Escape' || busy) return;
    e.preventDefault();
    // The shell's menu and dialogs also listen for Escape; this one is only about the edit.
    e.stopPropagation();
    stopEditing();
  }

  if (editing) {
    return (
      <form onSubmit={save} aria-label={`Rename ${name}`} className="flex flex-wrap items-start gap-2">
        <TextField
          ref={input}
          label={inputLabel}
          labelClassName="sr-only"
          hint="Enter saves, Escape cancels."
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onInputKeyDown}
          error={error ?? undefined}
          maxLength={maxLength}
          autoComplete="off"
          className="min-w-0 flex-1 basis-56"
        />
        <div className="flex gap-2">
          <Button type="submit" size="sm" variant="primary" busy={busy} className="mt-0.5" aria-label={`Save ${name}`}>
            Save
          </Button>
          <Button size="sm" variant="ghost" onClick={stopEditing} disabled={busy} className="mt-0.5" aria-label={`Cancel renaming ${name}`}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {renderName ? renderName(name) : <span className="min-w-0 flex-1 basis-40 break-words text-slate-900 dark:text-slate-100">{name}</span>}
      <div className="flex gap-2">
        <Button ref={renameButton} size="sm" onClick={startEditing} aria-label={`Rename ${name}`}>
          Rename
        </Button>
        {actions}
      </div>
    </div>
  );
}
