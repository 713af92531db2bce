import type { Company, Person } from '../../../server/api/types';
import { useUserName } from '../../api/users';
import { Item, VISIBILITY_LABELS } from '../../components/RecordSection';
import { formatDateTime } from './format';

/** What a person and a company page both show about the record: custom fields, visibility, author, dates. */
export function PartyFacts({ party }: { party: Person | Company }) {
  const userName = useUserName();
  const created = formatDateTime(party.createdAt);
  const updated = formatDateTime(party.updatedAt);
  return (
    <>
      {party.customFields.map((f, i) => (
        <Item key={f.id ?? i} label={f.subjectFieldLabel ?? 'Custom field'}>
          <span className="whitespace-pre-line break-words">{f.value ?? '—'}</span>
        </Item>
      ))}
      <Item label="Visible to">{VISIBILITY_LABELS[party.visibleTo ?? ''] ?? party.visibleTo ?? 'Everyone'}</Item>
      <Item label="Added by">{userName(party.authorId)}</Item>
      {created && (
        <Item label="Added">
          <time dateTime={party.createdAt ?? undefined}>{created}</time>
        </Item>
      )}
      {updated && (
        <Item label="Last updated">
          <time dateTime={party.updatedAt ?? undefined}>{updated}</time>
        </Item>
      )}
    </>
  );
}
