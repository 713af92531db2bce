import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Person } from '../../../server/api/types';
import { errorMessage } from '../../api/client';
import { useDeletePerson, usePerson } from '../../api/people';
import { Button, ButtonLink } from '../../components/Button';
import { BusyNotice } from '../../components/BusyNotice';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/Toast';
import { formatAddress, fullName, initials, safeHttpUrl, telHref, twitterUrl } from './format';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Timeline } from '../activity/Timeline';
import { Item, Section } from '../../components/RecordSection';
import { RecordLoader, useIdParam } from '../../components/RecordLoader';
import { PartyFacts } from './PartyFacts';
import { SubjectTasks } from '../tasks/SubjectTasks';
import { buttonClass } from '../../components/Button';
import { TagEditor } from '../tags/TagEditor';
import { rememberDeleted } from '../contacts/undo';
import { listToReturnTo } from '../contacts/return-to';
import { textLinkClass } from '../../components/link-class';
import { MultilineText } from '../../components/MultilineText';


export function PersonPage() {
  const id = useIdParam();
  const query = usePerson(id);

  return (
    <RecordLoader id={id} query={query} what="person" heading="Person" skeleton={<PersonSkeleton />} busyNotice>
      {(person) => <PersonDetail id={id} person={person} />}
    </RecordLoader>
  );
}

function PersonSkeleton() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading person…</span>
      <div className="mb-6 flex items-center gap-4">
        <Skeleton className="h-16 w-16 rounded-full" />
        <div className="space-y-2">
          <Skeleton className="h-6 w-56" />
          <Skeleton className="h-4 w-40" />
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </div>
    </div>
  );
}

function Avatar({ person }: { person: Person }) {
  const [broken, setBroken] = useState(false);
  const src = safeHttpUrl(person.avatarUrl);
  if (src && !broken) {
    return <img src={src} alt="" onError={() => setBroken(true)} className="h-16 w-16 shrink-0 rounded-full object-cover ring-1 ring-slate-200 dark:ring-slate-700" />;
  }
  return (
    <span aria-hidden="true" className="flex h-16 w-16 shrink-0 items-center justify-center rounded-full bg-blue-100 text-xl font-semibold text-blue-900 dark:bg-blue-900 dark:text-blue-100">
      {initials(person)}
    </span>
  );
}


const linkClass = `${textLinkClass} break-all`;

function LabeledList({ items }: { items: { key: string | number; location: string | null; content: ReactNode }[] }) {
  return (
    <ul className="space-y-2">
      {items.map((item) => (
        <li key={item.key} className="flex flex-col sm:flex-row sm:gap-3">
          <span className="w-20 shrink-0 text-sm text-slate-600 dark:text-slate-400">{item.location ?? 'Other'}</span>
          <span className="min-w-0 text-sm">{item.content}</span>
        </li>
      ))}
    </ul>
  );
}


export function PersonDetail({ id, person }: { id: number; person: Person }) {
  const name = fullName(person);
  const navigate = useNavigate();
  const toast = useToast();
  const del = useDeletePerson();
  const [confirming, setConfirming] = useState(false);
  const cd = person.contactData;
  const role = [person.title, person.companyName].filter(Boolean);

  async function confirmDelete() {
    try {
      await del.mutateAsync(id);
      setConfirming(false);
      rememberDeleted({ kind: 'person', record: person, name, at: Date.now() });
      toast.success(`Deleted ${name}`);
      // Back to the list they came from (its filters kept); the undo bar is in the layout.
      navigate(listToReturnTo('person'), { replace: true });
    } catch {
      // the dialog shows del.error
    }
  }


  return (
    <article>
      <p className="mb-3 text-sm">
        <Link to="/people" className={linkClass}>
          ← All people
        </Link>
      </p>
      <PageHeader
        leading={<Avatar person={person} />}
        title={name}
        subtitle={
          role.length > 0 ? (
            <>
              {person.title}
              {person.title && person.companyName && ' at '}
              {person.companyId != null && person.companyName ? (
                <Link to={`/companies/${person.companyId}`} className={linkClass}>
                  {person.companyName}
                </Link>
              ) : (
                person.companyName
              )}
            </>
          ) : undefined
        }
        actions={
          <>
            <ButtonLink to={`/people/${id}/edit`} variant="primary">
              Edit
            </ButtonLink>
            <a href={`/api/export/people/${id}/vcard`} download className={buttonClass('secondary')}>
              Export vCard
            </a>
            <Button variant="danger" onClick={() => { del.reset(); setConfirming(true); }}>
              Delete
            </Button>
          </>
        }
      />

      <div className="grid gap-4 md:grid-cols-2">
        <Section title="Contact">
          <ContactDataList cd={cd} editTo={`/people/${id}/edit`} />
        </Section>

        <Section title="About">
          <dl className="space-y-3 text-sm">
            {person.background ? (
              <Item label="Background">
                <MultilineText text={person.background} />
              </Item>
            ) : null}
            {person.linkedinUrl && (
              <Item label="LinkedIn">
                {safeHttpUrl(person.linkedinUrl) ? (
                  <a href={safeHttpUrl(person.linkedinUrl)!} target="_blank" rel="noopener noreferrer" className={linkClass}>
                    {person.linkedinUrl}
                  </a>
                ) : (
                  person.linkedinUrl
                )}
              </Item>
            )}
            <PartyFacts party={person} />
          </dl>
          <div className="mt-4">
            <h3 className="mb-2 text-sm font-semibold">Tags</h3>
            <TagEditor subject="people" id={id} tags={person.tags} />
          </div>
        </Section>
        <SubjectTasks subjectType="people" subjectId={id} subjectName={name} />
      </div>

      <Timeline subjectType="people" subjectId={id} />

      <ConfirmDialog
        open={confirming}
        title={`Delete ${name}?`}
        confirmLabel={`Delete ${name}`}
        destructive
        busy={del.isPending}
        error={del.isError ? errorMessage(del.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={confirmDelete}
      >
        This removes {name}, their contact details, notes and emails from Highrise. For a few seconds you can undo: that re-creates the contact from its details and tags as a new record (notes and history are not restored).
      </ConfirmDialog>
    </article>
  );
}

/** Every kind of contact data, labelled by location; shared by the person and company pages. */
export function ContactDataList({ cd, editTo }: { cd: Person['contactData']; editTo: string }) {
  const hasContact = cd.emailAddresses.length + cd.phoneNumbers.length + cd.addresses.length + cd.webAddresses.length + cd.twitterAccounts.length + cd.instantMessengers.length > 0;
  return (
    <>
          {!hasContact ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              No contact details yet.{' '}
              <Link to={editTo} className={`${linkClass} underline`}>
                Add some
              </Link>
              .
            </p>
          ) : (
            <div className="space-y-4">
              {cd.emailAddresses.length > 0 && (
                <Group title="Email">
                  <LabeledList
                    items={cd.emailAddresses.map((e, i) => ({
                      key: e.id ?? i,
                      location: e.location,
                      content: e.address ? (
                        <a href={`mailto:${e.address}`} className={linkClass}>
                          {e.address}
                        </a>
                      ) : null,
                    }))}
                  />
                </Group>
              )}
              {cd.phoneNumbers.length > 0 && (
                <Group title="Phone">
                  <LabeledList
                    items={cd.phoneNumbers.map((ph, i) => {
                      // Shown as stored (trimmed); a link only when there is something to dial.
                      const number = ph.number?.trim();
                      const href = telHref(number);
                      return {
                        key: ph.id ?? i,
                        location: ph.location,
                        content: !number ? null : href ? (
                          <a href={href} className={linkClass}>
                            {number}
                          </a>
                        ) : (
                          number
                        ),
                      };
                    })}
                  />
                </Group>
              )}
              {cd.addresses.length > 0 && (
                <Group title="Address">
                  <LabeledList
                    items={cd.addresses.map((a, i) => ({
                      key: a.id ?? i,
                      location: a.location,
                      content: <address className="whitespace-pre-line not-italic">{formatAddress(a)}</address>,
                    }))}
                  />
                </Group>
              )}
              {cd.webAddresses.length > 0 && (
                <Group title="Web">
                  <LabeledList
                    items={cd.webAddresses.map((w, i) => {
                      const href = safeHttpUrl(w.url);
                      return {
                        key: w.id ?? i,
                        location: w.location,
                        content: href ? (
                          <a href={href} target="_blank" rel="noopener noreferrer" className={linkClass}>
                            {w.url}
                          </a>
                        ) : (
                          w.url
                        ),
                      };
                    })}
                  />
                </Group>
              )}
              {cd.twitterAccounts.length > 0 && (
                <Group title="Twitter">
                  <LabeledList
                    items={cd.twitterAccounts.map((t, i) => {
                      const href = safeHttpUrl(t.url) ?? twitterUrl(t.username);
                      return {
                        key: t.id ?? i,
                        location: t.location,
                        content: href ? (
                          <a href={href} target="_blank" rel="noopener noreferrer" className={linkClass}>
                            @{t.username?.replace(/^@/, '')}
                          </a>
                        ) : (
                          t.username
                        ),
                      };
                    })}
                  />
                </Group>
              )}
              {cd.instantMessengers.length > 0 && (
                <Group title="Instant messaging">
                  <LabeledList
                    items={cd.instantMessengers.map((im, i) => ({
                      key: im.id ?? i,
                      location: im.location,
                      content: (
                        <>
                          {im.address}
                          {im.protocol && <span className="text-slate-600 dark:text-slate-400"> ({im.protocol})</span>}
                        </>
                      ),
                    }))}
                  />
                </Group>
              )}
            </div>
          )}
    </>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h3 className="mb-1 text-sm font-semibold text-slate-900 dark:text-slate-100">{title}</h3>
      {children}
    </div>
  );
}

