import type { ReactNode } from 'react';

/** The page's one h1, an optional line under it, and its actions. */
export function PageHeader({ title, subtitle, actions, leading }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; leading?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 items-center gap-4">
        {leading}
        <div className="min-w-0">
          {/* tabIndex -1: the layout moves focus here after navigation, so screen readers announce the page. */}
          <h1 tabIndex={-1} className="text-2xl font-semibold break-words text-slate-900 focus:outline-none dark:text-slate-100">
            {title}
          </h1>
          {subtitle && <div className="mt-1 text-sm text-slate-700 dark:text-slate-300">{subtitle}</div>}
        </div>
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
