import { useEffect, useState } from 'react';
import { busyRetryAfter } from '../api/client';

/** While a request waits out a 503, says so with a countdown: "Highrise is busy; retrying in N s". */
export function BusyNotice({ error }: { error: unknown }) {
  const retryAfter = busyRetryAfter(error);
  const [left, setLeft] = useState(retryAfter ?? 0);

  useEffect(() => {
    if (retryAfter === null) return;
    const until = Date.now() + retryAfter * 1000;
    setLeft(retryAfter);
    const t = setInterval(() => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000))), 500);
    return () => clearInterval(t);
  }, [error, retryAfter]);

  if (retryAfter === null) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      {left > 0 ? `Highrise is busy; retrying in ${left} s.` : 'Highrise is busy; retrying now…'}
    </p>
  );
}
