import { useState } from 'react';
import type { PartySummary } from '../../../server/api/types';
import { usePartySearch } from '../../api/deals';
import { Combobox, searchStatus, useSearchTerm } from '../../components/Combobox';

/** Search people and companies (GET /api/deals/party-search) and pick one; typing after a choice drops it. */
export function PartyCombobox({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: PartySummary | null;
  onChange: (p: PartySummary | null) => void;
  error?: string | string[];
  hint?: string;
}) {
  const [text, setText] = useState(value?.name ?? '');
  const term = useSearchTerm(text, value?.name);
  const search = usePartySearch(term);
  const results = term ? (search.data ?? []) : [];

  return (
    <Combobox
      label={label}
      text={text}
      onTextChange={(next) => {
        setText(next);
        if (value && next !== value.name) onChange(null);
      }}
      options={results}
      optionKey={(p) => `${p.type}-${p.id}`}
      optionLabel={(p) => p.name}
      optionDetail={(p) => (p.type === 'Company' ? 'Company' : p.detail || 'Person')}
      onSelect={(p) => {
        onChange(p);
        setText(p.name);
      }}
      listLabel={`${label} results`}
      status={searchStatus({
        term,
        count: results.length,
        loading: search.isFetching,
        failed: search.isError,
        failedText: 'Search failed. Keep typing to try again.',
        noneText: 'No people or companies match.',
        noun: ['result', 'results'],
      })}
      hint={hint}
      error={error}
      placeholder="Type a name to search"
    />
  );
}
