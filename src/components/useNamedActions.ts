import { useState } from 'react';
import { errorMessage, fieldErrorMessage, isApiError } from '../api/client';
import type { RenameOutcome } from './InlineRename';
import { useToast } from './Toast';

const isGone = (e: unknown) => isApiError(e) && e.status === 404;

/**
 * Adding a named settings row (a custom field, a group) from an AddNameForm: a toast naming what was
 * added, or the server's reason for the name to show beside the field (the typed text stays).
 */
export function useAddNamed({ noun, nameField, create }: { noun: string; nameField: string; create: (name: string) => Promise<string | null> }) {
  const toast = useToast();
  return async (name: string): Promise<{ error: string } | undefined> => {
    try {
      const saved = await create(name);
      toast.success(`Added the ${noun} “${saved ?? name}”`);
      return undefined;
    } catch (err) {
      return { error: fieldErrorMessage(err, nameField) };
    }
  };
}

interface Options {
  /** The name as shown, e.g. "Birthday". */
  name: string;
  /** What it is, for the toasts: "field", "group". */
  noun: string;
  /** The request field the server's message about the name is under ("label", "name"). */
  nameField: string;
  /** Saves the new name; resolves to the name as the server now has it. */
  rename: (next: string) => Promise<string | null>;
  remove: { run: () => Promise<unknown>; pending: boolean; error: unknown; reset: () => void };
}

/**
 * The toasts and outcomes of renaming a named settings row inline and deleting it after a
 * confirmation, shared by custom fields and groups. A 404 means someone removed it elsewhere: the
 * list refreshes without it, so that is said in a toast rather than beside a field about to go.
 */
export function useRenameAndDelete({ name, noun, nameField, rename, remove }: Options) {
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);

  async function save(next: string): Promise<RenameOutcome> {
    try {
      const saved = await rename(next);
      toast.success(`Renamed “${name}” to “${saved ?? next}”`);
      return 'saved';
    } catch (err) {
      if (isGone(err)) {
        toast.error(errorMessage(err));
        return 'gone';
      }
      return { error: fieldErrorMessage(err, nameField) };
    }
  }

  async function confirmDelete() {
    try {
      await remove.run();
      toast.success(`Deleted the ${noun} “${name}”`);
    } catch (err) {
      if (!isGone(err)) return; // the dialog shows why
      toast.info(`The ${noun} “${name}” had already been deleted.`);
    }
    setConfirming(false);
  }

  return {
    save,
    askToDelete: () => setConfirming(true),
    /** Spread into the ConfirmDialog beside title, label and text. */
    dialog: {
      open: confirming,
      busy: remove.pending,
      error: remove.error && !isGone(remove.error) ? errorMessage(remove.error) : null,
      onConfirm: confirmDelete,
      onCancel: () => {
        remove.reset();
        setConfirming(false);
      },
    },
  };
}
