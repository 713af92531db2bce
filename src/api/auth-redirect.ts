import { ApiError } from './client';
import { keepDrafts } from '../components/form-drafts';
import { showToast } from '../components/toast-store';

/**
 * Session failures from any request send the person to sign in (keeping where they were) or to the
 * account picker. The router registers how to navigate; the query client calls handleAuthError.
 */
type Navigate = (to: string) => void;

let navigate: Navigate = (to) => window.location.assign(to);
let current: () => string = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;

/** The router registers how to navigate and where the person is now. */
export function setAuthNavigator(fn: Navigate, where?: () => string) {
  navigate = fn;
  if (where) current = where;
}

export function currentPath(): string {
  return current();
}

/** Only same-site paths are acceptable as returnTo. */
export function safeReturnTo(value: string | null | undefined, fallback = '/people'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/signin') || value.startsWith('/auth/')) return fallback;
  return value;
}

export function signInPath(returnTo = currentPath()): string {
  return `/signin?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}

export function accountsPath(returnTo = currentPath()): string {
  return `/accounts?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}

/** Returns true when the error was a session problem and navigation happened. */
export function handleAuthError(error: unknown, onSignedOut?: () => void): boolean {
  if (!(error instanceof ApiError)) return false;
  // 401 carries code signed_out or session_expired; any 401 means the same thing to the person.
  if (error.status === 401) {
    onSignedOut?.();
    if (!currentPath().startsWith('/signin')) {
      // Any form with changes keeps them (sessionStorage, by route) and gets them back after sign-in.
      if (keepDrafts() > 0) showToast('Your session ended — sign in again and your changes will be here.', 'info', 15_000);
      navigate(signInPath());
    }
    return true;
  }
  if (error.status === 409 && error.code === 'choose_account') {
    if (!currentPath().startsWith('/accounts')) {
      if (keepDrafts() > 0) showToast('Choose your account again and your changes will be here.', 'info', 15_000);
      navigate(accountsPath());
    }
    return true;
  }
  return false;
}
