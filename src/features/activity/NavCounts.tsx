import { NavLink } from 'react-router';
import { useLatestRecordings } from '../../api/recordings';
import { useTasks } from '../../api/tasks';
import { browserTimeZone, countDueTodayOrOverdue } from '../tasks/frames';

const SEEN_KEY = 'skyline:activity-seen';

export function markActivitySeen(): void {
  try {
    localStorage.setItem(SEEN_KEY, new Date().toISOString());
  } catch {
    /* storage unavailable */
  }
}

function seenAt(): number | null {
  try {
    const v = localStorage.getItem(SEEN_KEY);
    return v ? Date.parse(v) : null;
  } catch {
    return null;
  }
}

function Count({ n, label }: { n: number; label: string }) {
  if (n <= 0) return null;
  // The space keeps the link's name "Tasks 5 due today or overdue", not "Tasks5 …" (margins are not spaces to a screen reader).
  return (
    <>
      {' '}
      <span className="ml-1 rounded-full bg-blue-700 px-1.5 py-0.5 text-xs font-semibold text-white dark:bg-blue-500 dark:text-slate-950">
        {n > 99 ? '99+' : n}
        <span className="sr-only"> {label}</span>
      </span>
    </>
  );
}

/**
 * The "Tasks" and "Activity" items of the main navigation, with counts: tasks due today or overdue,
 * and recordings newer than the last visit to the activity page (from the cached first page).
 */
export function ActivityNavItems({ className }: { className: (s: { isActive: boolean }) => string }) {
  const upcoming = useTasks('upcoming');
  const latest = useLatestRecordings();
  // The same rule as the Overdue and Today groups on /tasks (Highrise's frame for frame tasks).
  const due = countDueTodayOrOverdue(upcoming.data ?? [], Date.now(), browserTimeZone());
  const seen = seenAt();
  const fresh = seen == null ? 0 : (latest.data?.data ?? []).filter((r) => r.createdAt && Date.parse(r.createdAt) > seen).length;
  return (
    <>
      <li>
        <NavLink to="/tasks" className={className}>
          Tasks
          <Count n={due} label="due today or overdue" />
        </NavLink>
      </li>
      <li>
        <NavLink to="/activity" className={className}>
          Activity
          <Count n={fresh} label="new since your last look" />
        </NavLink>
      </li>
    </>
  );
}
