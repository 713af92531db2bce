import { ButtonLink } from './Button';
import { PageHeader } from './PageHeader';

export function NotFoundPage({ what }: { what?: string }) {
  return (
    <>
      <PageHeader title={what ? `This ${what} was not found` : 'Page not found'} />
      <p className="mb-6 text-slate-700 dark:text-slate-300">
        {what ? `It may have been deleted, or the link is wrong.` : 'The address may be mistyped, or the page has moved.'}
      </p>
      <ButtonLink to="/people" variant="primary">
        Go to People
      </ButtonLink>
    </>
  );
}
