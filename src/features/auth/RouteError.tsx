import { isRouteErrorResponse, useLocation, useNavigate, useRouteError } from 'react-router';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ButtonLink } from '../../components/Button';
import { NotFoundPage } from '../../components/NotFoundPage';

/** Error element for every route: the failure as a sentence, with Try again. */
export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  const { reset } = useQueryErrorResetBoundary();

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-12">
        <NotFoundPage />
      </main>
    );
  }
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="mb-4 text-2xl font-semibold">Something went wrong</h1>
      <ErrorPanel
        error={shown}
        title="This page could not be shown"
        onRetry={() => {
          reset();
          navigate(`${location.pathname}${location.search}`, { replace: true });
        }}
      >
        <ButtonLink to="/people" size="sm" variant="ghost">
          Go to People
        </ButtonLink>
      </ErrorPanel>
    </main>
  );
}
