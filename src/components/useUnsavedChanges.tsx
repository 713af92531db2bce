import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useBlocker, useLocation } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';
import { hasUnsavedChanges, registerForm, sameShape, takeDraft } from './form-drafts';
import { useToast } from './Toast';

interface Options<T> {
  /** What the form holds now. */
  values: T;
  /** What it started with (the record as loaded, or the blank form): differing means unsaved changes. */
  initial: T;
  /** Puts a draft kept when the session ended back into the form (once, when it mounts). */
  restore: (draft: T) => void;
  /** Tells forms on the same route apart (e.g. "task-new", "task-12"). */
  id?: string;
}

/**
 * The one hook every form uses for its unsaved changes:
 * - registers the form, so leaving the page asks first (UnsavedChangesPrompt, mounted once in the
 *   layout: `useBlocker` for in-app links, `beforeunload` for reloads and closing the tab);
 * - when the session ends (a 401 on a save or any request) its values are kept in sessionStorage by
 *   route (see auth-redirect), and restored here when the person comes back after signing in;
 * - `guard(handler)` wraps the submit handler with an in-flight ref, so a second submit while one is
 *   running (double click, Enter twice, repeated requestSubmit) does nothing, and navigation made by
 *   a save in flight (to the saved record) is not blocked.
 */
export function useUnsavedChanges<T>({ values, initial, restore, id }: Options<T>) {
  const { pathname } = useLocation();
  const key = id ? `${pathname}#${id}` : pathname;
  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(initial), [values, initial]);
  const inFlight = useRef(false);
  const latest = useRef({ key, dirty, values });
  useLayoutEffect(() => {
    latest.current = { key, dirty, values };
  });

  useEffect(
    () =>
      registerForm({
        key: () => latest.current.key,
        dirty: () => latest.current.dirty,
        saving: () => inFlight.current,
        value: () => latest.current.values,
      }),
    [],
  );

  const toast = useToast();
  const restoreRef = useRef(restore);
  restoreRef.current = restore;
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current) return;
    checked.current = true;
    const draft = takeDraft(key);
    if (draft === undefined || !sameShape(draft, initial)) return;
    restoreRef.current(draft);
    toast.info('Restored your unsaved changes');
    // Once, on mount: the key and baseline at that moment are the ones the draft was kept under.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const guard = useCallback(
    <E extends { preventDefault(): void }>(handler: (e: E) => unknown) =>
      (e: E) => {
        e.preventDefault();
        if (inFlight.current) return;
        inFlight.current = true;
        let result: unknown;
        try {
          result = handler(e);
        } catch (err) {
          inFlight.current = false;
          throw err;
        }
        void Promise.resolve(result).finally(() => {
          inFlight.current = false;
        });
      },
    [],
  );

  return { dirty, guard };
}

/** Mounted once in the signed-in layout: asks before leaving a page whose form has unsaved changes. */
export function UnsavedChangesPrompt() {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname &&
      // A session failure sends the person to sign in with their changes kept as a draft.
      !/^\/(signin|accounts)(\/|$)/.test(nextLocation.pathname) &&
      hasUnsavedChanges(),
  );

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title="Leave without saving?"
      confirmLabel="Leave"
      cancelLabel="Stay"
      destructive
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      Your changes on this page have not been saved.
    </ConfirmDialog>
  );
}
