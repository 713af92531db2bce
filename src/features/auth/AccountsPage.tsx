import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { safeReturnTo, signInPath } from '../../api/auth-redirect';
import { useChooseAccount, useSession } from '../../api/session';
import { Button, ButtonLink } from '../../components/Button';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Logo } from '../../components/Logo';
import { SkeletonList } from '../../components/Skeleton';

/**
 * Where to land after switching to another account: ids belong to one account, so a record's page
 * (/people/1000045, /deals/7/edit) becomes its list there; a list keeps its view.
 */
function listOf(path: string): string {
  const record = /^\/(people|companies|deals|cases)\/\d+(?:[/?#]|$)|^\/activity\/party\//.exec(path);
  if (!record) return path;
  return record[1] ? `/${record[1]}` : '/activity';
}

export function AccountsPage() {
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const session = useSession();
  const choose = useChooseAccount();
  const navigate = useNavigate();

  if (session.data && !session.data.authenticated) return <Navigate to={signInPath(`/accounts?returnTo=${encodeURIComponent(returnTo)}`)} replace />;

  async function pick(accountId: number) {
    const switching = s?.account != null && s.account.id !== accountId;
    try {
      await choose.mutateAsync(accountId);
      navigate(switching ? listOf(returnTo) : returnTo, { replace: true });
    } catch {
      // shown below
    }
  }

  const s = session.data?.authenticated ? session.data : null;

  return (
    <main id="main" className="flex min-h-dvh items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="mb-6 flex items-center gap-3">
          <Logo className="h-10 w-10" />
          <span className="text-xl font-semibold">Skyline</span>
        </div>
        <h1 className="text-2xl font-semibold">Choose an account</h1>
        {s && (
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            Signed in as {s.identity.name}. Which Highrise account do you want to open?
          </p>
        )}

        {choose.isError && (
          <p role="alert" className="mt-4 text-sm text-red-700 dark:text-red-400">
            {errorMessage(choose.error)}
          </p>
        )}

        <div className="mt-6">
          {session.isPending ? (
            <SkeletonList rows={3} label="Loading accounts…" />
          ) : session.isError ? (
            <ErrorPanel error={session.error} title="Could not load your accounts" onRetry={() => session.refetch()} />
          ) : s && s.accounts.length === 0 ? (
            <p className="text-sm">
              Your 37signals ID has no Highrise accounts. Sign in with a different ID, or ask an account owner to invite you.
            </p>
          ) : s ? (
            <ul className="space-y-2">
              {s.accounts.map((a) => (
                <li key={a.id}>
                  <Button
                    className="w-full justify-between"
                    onClick={() => pick(a.id)}
                    busy={choose.isPending && choose.variables === a.id}
                    disabled={choose.isPending}
                    aria-current={s.account?.id === a.id ? 'true' : undefined}
                  >
                    <span>{a.name}</span>
                    {s.account?.id === a.id && <span className="text-xs text-slate-600 dark:text-slate-400">Current</span>}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {s?.account && (
          <ButtonLink to={returnTo} variant="ghost" className="mt-4">
            Cancel
          </ButtonLink>
        )}
      </div>
    </main>
  );
}
