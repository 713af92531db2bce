import { Navigate, useSearchParams } from 'react-router';
import { safeReturnTo } from '../../api/auth-redirect';
import { useSession } from '../../api/session';
import { Button } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Logo } from '../../components/Logo';
import { Skeleton } from '../../components/Skeleton';
import { signInErrorMessage } from './signin-errors';

export function SignInPage() {
  const [params] = useSearchParams();
  const session = useSession();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const error = signInErrorMessage(params.get('error'));

  if (session.data?.authenticated) {
    if (!session.data.account) return <Navigate to={`/accounts?returnTo=${encodeURIComponent(returnTo)}`} replace />;
    return <Navigate to={returnTo} replace />;
  }

  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="mb-6 flex items-center gap-3">
          <Logo className="h-10 w-10" />
          <span className="text-xl font-semibold">Skyline</span>
        </div>
        <h1 className="text-2xl font-semibold">Sign in</h1>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">Use your 37signals ID to open your Highrise account in Skyline.</p>

        {error && (
          <div role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
            <p className="font-semibold">Sign-in did not work</p>
            <p className="mt-1">{error}</p>
          </div>
        )}

        {session.isPending ? (
          <Skeleton className="mt-6 h-10 w-full" />
        ) : session.isError ? (
          <div className="mt-6">
            <ErrorPanel error={session.error} title="Could not reach Skyline" onRetry={() => session.refetch()} />
          </div>
        ) : null}

        {session.data?.sandbox && (
          <p className="mt-4 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            You're on the built-in sandbox: sample data, no Highrise account needed.
          </p>
        )}

        {/* A real form GET: a full-page navigation through Launchpad, working even before scripts finish. */}
        <form method="get" action="/auth/login" className="mt-6">
          <input type="hidden" name="returnTo" value={returnTo} />
          <Button type="submit" variant="primary" className="w-full" disabled={session.isPending}>
            Sign in with 37signals
          </Button>
        </form>
      </div>
    </main>
  );
}
