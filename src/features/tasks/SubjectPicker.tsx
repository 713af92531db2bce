import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Kase } from '../../../server/api/types';
import { caseKeys, type CaseList } from '../../api/cases';
import { apiFetch } from '../../api/client';
import { dealKeys, fetchAllDeals, usePartySearch } from '../../api/deals';
import { Combobox, searchStatus, useSearchTerm } from '../../components/Combobox';
import { matchSubjects, type SubjectChoice } from './subject-match';

function useCasesWhen(which: CaseList, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.list(which),
    queryFn: async ({ signal }) => (await apiFetch<{ data: Kase[] }>(`/api/cases?status=${which}`, { signal })).data,
    enabled,
    staleTime: 30_000,
  });
}

/**
 * "What is this task about?": one search over contacts (Highrise's party search), deals and cases
 * (loaded once, filtered here by name). Typing after a choice drops it, "Clear" (or Escape
 * once the list is closed) makes the task about nothing.
 */
export function SubjectPicker({
  value,
  onChange,
  onDraftChange,
  error,
}: {
  value: SubjectChoice | null;
  onChange: (s: SubjectChoice | null) => void;
  /** The text in the field, so the form can tell typed-but-not-chosen from empty. */
  onDraftChange?: (text: string) => void;
  error?: string;
}) {
  const [text, setText] = useState(value?.name ?? '');
  const [touched, setTouched] = useState(false);
  // Deals and cases are loaded the first time someone types here (shared with the pipeline and case lists).
  const deals = useQuery({ queryKey: dealKeys.everything(), queryFn: ({ signal }) => fetchAllDeals(signal), enabled: touched, staleTime: 30_000 });
  const openCases = useCasesWhen('open', touched);
  const closedCases = useCasesWhen('closed', touched);
  const term = useSearchTerm(text, value?.name);
  const parties = usePartySearch(term);
  const results = matchSubjects(term, { parties: parties.data, deals: deals.data, openCases: openCases.data, closedCases: closedCases.data });
  const loading = parties.isFetching || deals.isFetching || openCases.isFetching || closedCases.isFetching;

  function type(next: string) {
    setText(next);
    setTouched(true);
    onDraftChange?.(next);
    if (value && next !== value.name) onChange(null);
  }

  return (
    <Combobox
      label="About"
      text={text}
      onTextChange={type}
      options={results}
      optionKey={(s) => `${s.type}-${s.id}`}
      optionLabel={(s) => s.name}
      optionDetail={(s) => s.detail}
      onSelect={(s) => {
        onChange(s);
        setText(s.name);
        onDraftChange?.(s.name);
      }}
      listLabel="Contacts, deals and cases"
      status={searchStatus({
        term,
        count: results.length,
        loading,
        failed: parties.isError,
        failedText: 'The contact search failed. Keep typing to try again.',
        noneText: 'No contact, deal or case matches.',
        noun: ['match', 'matches'],
      })}
      hint={value ? `${value.detail}: ${value.name}` : 'Optional. Type part of a name to tie the task to a contact, deal or case.'}
      error={error}
      placeholder="A contact, deal or case"
      after={
        (value || text) && (
          <button
            type="button"
            onClick={() => {
              onChange(null);
              setText('');
              onDraftChange?.('');
            }}
            aria-label="Clear what this task is about"
            className="shrink-0 rounded-md px-2 text-sm text-blue-700 underline hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300"
          >
            Clear
          </button>
        )
      }
    />
  );
}
