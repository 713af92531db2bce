import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { accountsPath, signInPath } from '../../api/auth-redirect';
import { errorMessage } from '../../api/client';
import { useSession, useSignOut } from '../../api/session';
import { Button } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Logo } from '../../components/Logo';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { UnsavedChangesPrompt } from '../../components/useUnsavedChanges';
import { WriteBusyNotice } from '../../components/WriteBusyNotice';
import { UndoBar } from '../contacts/UndoBar';
import { noteListVisit } from '../contacts/return-to';
import { ActivityNavItems } from '../activity/NavCounts';

/** The signed-in shell: header with nav, account and user; redirects when signed out or no account is chosen. */
export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;

  if (session.isPending) {
    return (
      <div className="min-h-dvh">
        <div className="border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
          <Skeleton className="h-8 w-48" />
        </div>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8" aria-busy="true">
          <p role="status" className="sr-only">
            Loading…
          </p>
          <Skeleton className="h-64" />
        </main>
      </div>
    );
  }
  if (session.isError) {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-12">
        <h1 className="mb-4 text-2xl font-semibold">Skyline</h1>
        <ErrorPanel error={session.error} title="Could not reach Skyline" onRetry={() => session.refetch()} />
      </main>
    );
  }
  const s = session.data;
  if (!s.authenticated) return <Navigate to={signInPath(here)} replace />;
  if (!s.account) return <Navigate to={accountsPath(here)} replace />;

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 text-blue-800 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:outline-2 focus:outline-blue-600"
      >
        Skip to content
      </a>
      <Header name={s.identity.name} accountName={s.account.name} canSwitch={s.accounts.length > 1} sandbox={s.sandbox} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:py-8">
        {/* Global, so undo stays within reach on whichever list a delete returns to. */}
        <UndoBar />
        <WriteBusyNotice />
        <Outlet />
      </main>
      <UnsavedChangesPrompt />
      <FocusOnNavigate />
    </div>
  );
}

/**
 * After a route change inside the shell, focus moves to the new page's h1 so screen readers announce
 * it. Not on the first load (nor the index redirect), not when only the query string changes (list
 * filters), not while a dialog is open, and not when the page or the person already moved focus.
 * The h1 may appear only once the page's data loads, so it is looked for for a few seconds.
 */
function FocusOnNavigate() {
  const { pathname, search } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => noteListVisit(pathname, search), [pathname, search]);

  useEffect(() => {
    const from = previous.current;
    previous.current = pathname;
    if (from === pathname || from === '/') return;
    const started = document.activeElement;
    const deadline = Date.now() + 3000;
    let frame = 0;
    const again = () => {
      if (Date.now() < deadline) frame = requestAnimationFrame(tick);
    };
    const tick = () => {
      if (document.querySelector('[aria-modal="true"]')) return again();
      const main = document.getElementById('main');
      const active = document.activeElement;
      const untouched = !active || active === document.body || active === started || active === main || !!active.closest('header');
      if (!untouched) return;
      const h1 = main?.querySelector<HTMLElement>('h1');
      if (!h1) return again();
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
      h1.focus();
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  return null;
}

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
    isActive ? 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-white' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
  }`;

function Header({ name, accountName, canSwitch, sandbox }: { name: string; accountName: string; canSwitch: boolean; sandbox: boolean }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const toast = useToast();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const navId = useId();

  // Navigating (a link in the menu, or anywhere) closes the phone menu.
  useEffect(() => setMenuOpen(false), [location.key]);

  function onNavKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  }

  async function onSignOut() {
    try {
      await signOut.mutateAsync();
      navigate('/signin', { replace: true });
    } catch (e) {
      toast.error(`Could not sign out: ${errorMessage(e)}`);
    }
  }

  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link to="/people" className="flex items-center gap-2 rounded font-semibold focus-visible:outline-2 focus-visible:outline-blue-600">
          <Logo className="h-7 w-7" />
          <span>Skyline</span>
        </Link>
        {/* On a phone the nav is behind a Menu button and opens as a vertical list; from sm up it is a row. */}
        <button
          ref={menuButton}
          type="button"
          aria-expanded={menuOpen}
          aria-controls={navId}
          onClick={() => setMenuOpen((o) => !o)}
          onKeyDown={onNavKeyDown}
          className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 sm:hidden dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
            {menuOpen ? (
              <path d="M5.3 4.3a1 1 0 0 0-1.4 1.4L8.6 10l-4.7 4.3a1 1 0 1 0 1.4 1.4L10 11.4l4.3 4.3a1 1 0 0 0 1.4-1.4L11.4 10l4.3-4.3a1 1 0 0 0-1.4-1.4L10 8.6 5.3 4.3Z" />
            ) : (
              <path d="M3 5a1 1 0 0 1 1-1h12a1 1 0 1 1 0 2H4a1 1 0 0 1-1-1Zm0 5a1 1 0 0 1 1-1h12a1 1 0 1 1 0 2H4a1 1 0 0 1-1-1Zm1 4a1 1 0 1 0 0 2h12a1 1 0 1 0 0-2H4Z" />
            )}
          </svg>
          Menu
        </button>
        <nav
          id={navId}
          aria-label="Main"
          onKeyDown={onNavKeyDown}
          className={`${menuOpen ? 'block' : 'hidden'} order-last w-full sm:order-none sm:block sm:w-auto sm:overflow-x-auto`}
        >
          <ul className="flex flex-col gap-1 sm:flex-row sm:whitespace-nowrap">
            {(
              [
                ['/people', 'People'],
                ['/companies', 'Companies'],
                ['/contacts', 'All contacts'],
                ['/deals', 'Deals'],
                ['/cases', 'Cases'],
              ] as const
            ).map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} className={navClass}>
                  {label}
                </NavLink>
              </li>
            ))}
            <ActivityNavItems className={navClass} />
            {(
              [
                ['/dashboard', 'Dashboard'],
                ['/search', 'Search'],
              ] as const
            ).map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} className={navClass}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex w-full flex-wrap items-center gap-x-4 gap-y-1 text-sm sm:ml-auto sm:w-auto">
          {sandbox && (
            <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-100">Sandbox</span>
          )}
          <span className="text-slate-700 dark:text-slate-300">
            <span className="sr-only">Account: </span>
            {accountName}
          </span>
          {canSwitch && (
            <Link
              to={`/accounts?returnTo=${encodeURIComponent(location.pathname + location.search)}`}
              className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
            >
              Switch account
            </Link>
          )}
          {(
            [
              ['/settings/custom-fields', 'Custom fields'],
              ['/settings/groups', 'Groups'],
            ] as const
          ).map(([to, label]) => (
            <NavLink
              key={to}
              to={to}
              className={({ isActive }) => `text-blue-700 underline-offset-2 hover:underline dark:text-blue-300 ${isActive ? 'font-semibold underline' : ''}`}
            >
              {label}
            </NavLink>
          ))}
          <span className="text-slate-700 dark:text-slate-300">
            <span className="sr-only">Signed in as </span>
            {name}
          </span>
          <Button size="sm" variant="ghost" onClick={onSignOut} busy={signOut.isPending}>
            Sign out
          </Button>
        </div>
      </div>
    </header>
  );
}
