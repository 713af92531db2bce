import type { ReactNode } from 'react';

/**
 * A titled card on a record page (person, company, deal, case). Long unbroken text inside (a pasted
 * URL in a background, a name with no spaces) wraps rather than widening the page: `min-w-0` lets the
 * card shrink in the page's grid (a grid item is otherwise as wide as its longest word) and
 * `wrap-anywhere` lets that word break.
 */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 wrap-anywhere dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-3 text-base font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
      {children}
    </section>
  );
}

/** One label and value inside a record page's `<dl>`; a long unbroken value wraps. */
export function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 wrap-anywhere">
      <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

/** How Highrise's visible-to values read to a person. */
export const VISIBILITY_LABELS: Record<string, string> = { Everyone: 'Everyone', Owner: 'Only the owner', NamedGroup: 'A group' };
