import { useSyncExternalStore } from 'react';
import type { Company, Person } from '../../../server/api/types';

/**
 * The last deleted contact, kept for a short undo window. Highrise cannot restore a deleted record:
 * undo re-creates it from its writable fields (a new id; notes, emails and history are gone).
 */
export type Deleted = { kind: 'person'; record: Person; name: string; at: number } | { kind: 'company'; record: Company; name: string; at: number };

export const UNDO_WINDOW_MS = 15_000;
let current: Deleted | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function emit() {
  for (const l of listeners) l();
}

export function rememberDeleted(d: Deleted) {
  current = d;
  clearTimeout(timer);
  timer = setTimeout(() => forgetDeleted(), UNDO_WINDOW_MS);
  emit();
}

export function forgetDeleted() {
  clearTimeout(timer);
  current = null;
  emit();
}

export function useDeleted(): Deleted | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
