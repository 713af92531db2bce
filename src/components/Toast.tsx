import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { dismissToast, getToasts, subscribe, toast } from './toast-store';

const ToastContext = createContext(toast);

/** Use inside components: `const toast = useToast(); toast.success('Saved')`. */
export function useToast() {
  return useContext(ToastContext);
}

/** Provides the toast API and renders the live region once, at the root. */
export function ToastProvider({ children }: { children: ReactNode }) {
  return (
    <ToastContext.Provider value={toast}>
      {children}
      <ToastRegion />
    </ToastContext.Provider>
  );
}

const styles = {
  success: 'border-emerald-600 bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100',
  error: 'border-red-600 bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100',
  info: 'border-blue-600 bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100',
};

export function ToastRegion() {
  const items = useSyncExternalStore(subscribe, getToasts, getToasts);
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="Notifications"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
    >
      {items.map((t) => (
        <div
          key={t.id}
          className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border-l-4 px-4 py-3 shadow-lg ring-1 ring-slate-900/10 dark:ring-white/10 ${styles[t.kind]}`}
        >
          <p className="min-w-0 flex-1 text-sm wrap-anywhere">{t.message}</p>
          <button
            type="button"
            onClick={() => dismissToast(t.id)}
            className="rounded text-sm font-medium text-slate-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300"
            aria-label={`Dismiss: ${t.message}`}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
