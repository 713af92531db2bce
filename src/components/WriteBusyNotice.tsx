import { useMutationState } from '@tanstack/react-query';
import { busyRetryAfter } from '../api/client';
import { BusyNotice } from './BusyNotice';

/**
 * A save, move, tag or delete that the BFF answered "busy, come back in N s" is retried by React Query
 * after that wait (shouldRetryMutation). Whatever form or button sent it, the person is told why it is
 * taking longer: one notice in the app shell, watching every pending write.
 */
export function WriteBusyNotice() {
  const failures = useMutationState({ filters: { status: 'pending' }, select: (m) => m.state.failureReason });
  const busy = failures.find((e) => busyRetryAfter(e) !== null) ?? null;
  return <BusyNotice error={busy} />;
}
