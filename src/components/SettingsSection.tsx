import { forwardRef, useId, type ReactNode } from 'react';

interface SettingsSectionProps {
  title: string;
  /** A line under the heading saying what the section is for. */
  intro?: ReactNode;
  children: ReactNode;
}

/**
 * One panel of a settings page: a region named by its h2. The ref is the heading (tabIndex -1), so
 * a page can put focus there when the row that had it goes away.
 */
export const SettingsSection = forwardRef<HTMLHeadingElement, SettingsSectionProps>(function SettingsSection({ title, intro, children }, ref) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={headingId} ref={ref} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none dark:text-slate-100">
        {title}
      </h2>
      {intro && <p className="mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300">{intro}</p>}
      {children}
    </section>
  );
});
