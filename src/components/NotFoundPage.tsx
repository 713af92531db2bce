import { ButtonLink } from './Button';
import { PageHeader } from './PageHeader';

/** The list each kind of record belongs to: a missing record offers the way back to its own list. */
const LIST_OF: Record<string, { to: string; label: string }> = {
  person: { to: '/people', label: 'Go to People' },
  company: { to: '/companies', label: 'Go to Companies' },
  deal: { to: '/deals', label: 'Go to Deals' },
  case: { to: '/cases', label: 'Go to Cases' },
};
const DEFAULT_LIST = LIST_OF.person;

export function NotFoundPage({ what }: { what?: string }) {
  const list = (what && LIST_OF[what]) || DEFAULT_LIST;
  return (
    <>
      <PageHeader title={what ? `This ${what} was not found` : 'Page not found'} />
      <p className="mb-6 text-slate-700 dark:text-slate-300">
        {what ? `It may have been deleted, or the link is wrong.` : 'The address may be mistyped, or the page has moved.'}
      </p>
      <ButtonLink to={list.to} variant="primary">
        {list.label}
      </ButtonLink>
    </>
  );
}
