import type { ReactNode } from 'react';

/** A titled card on a record page (person, company, deal, case). */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-3 text-base font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
      {children}
    </section>
  );
}

/** One label and value inside a record page's `<dl>`. */
export function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

/** How Highrise's visible-to values read to a person. */
export const VISIBILITY_LABELS: Record<string, string> = { Everyone: 'Everyone', Owner: 'Only the owner', NamedGroup: 'A group' };
