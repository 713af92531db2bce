import { useRef, useState, type FormEvent } from 'react';
import { Button } from './Button';
import type { NameCheck } from './InlineRename';
import { TextField } from './TextField';

interface AddNameFormProps {
  /** The form's accessible name, e.g. "Add a custom field". */
  formLabel: string;
  /** The input's visible label, e.g. "New field label". */
  inputLabel: string;
  submitLabel: string;
  check: (text: string) => NameCheck;
  /** Resolves with nothing once added (the input is cleared), or with the reason to show beside it (the text stays). */
  onAdd: (value: string) => Promise<{ error: string } | void>;
  busy: boolean;
  maxLength?: number;
}

/**
 * One labelled name field and its button, at the foot of a settings list: Enter adds. A submit while
 * one is in flight (double click, Enter twice) is ignored: an in-flight ref, since two clicks can land
 * before `busy` re-renders the button disabled.
 */
export function AddNameForm({ formLabel, inputLabel, submitLabel, check, onAdd, busy, maxLength = 255 }: AddNameFormProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inFlight = useRef(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || inFlight.current) return;
    const checked = check(text);
    if (!checked.ok) {
      setError(checked.error);
      input.current?.focus();
      return;
    }
    setError(null);
    inFlight.current = true;
    let refused: { error: string } | void;
    try {
      refused = await onAdd(checked.value);
    } finally {
      inFlight.current = false;
    }
    if (refused) {
      setError(refused.error);
      input.current?.focus();
      return;
    }
    setText('');
  }

  return (
    <form onSubmit={submit} aria-label={formLabel} className="mt-4 flex flex-wrap items-start gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      <TextField
        ref={input}
        label={inputLabel}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={error ?? undefined}
        maxLength={maxLength}
        autoComplete="off"
        className="min-w-0 flex-1 basis-56"
      />
      <Button type="submit" variant="primary" busy={busy} className="sm:mt-6">
        {submitLabel}
      </Button>
    </form>
  );
}
