import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { Kase } from '../../../server/api/types';
import { caseKeys, type CaseList } from '../../api/cases';
import { apiFetch } from '../../api/client';
import { dealKeys, fetchAllDeals, usePartySearch } from '../../api/deals';
import { errorText, inputClass } from '../../components/fields';
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
 * (loaded once, filtered here by name). ARIA 1.2 combobox with aria-activedescendant; typing after a
 * choice drops it, "Clear" makes the task about nothing.
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
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value?.name ?? '');
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [touched, setTouched] = useState(false);
  // Deals and cases are loaded the first time someone types here (shared with the pipeline and case lists).
  const deals = useQuery({ queryKey: dealKeys.everything(), queryFn: ({ signal }) => fetchAllDeals(signal), enabled: touched, staleTime: 30_000 });
  const openCases = useCasesWhen('open', touched);
  const closedCases = useCasesWhen('closed', touched);
  const parties = usePartySearch(term);
  const results = matchSubjects(term, { parties: parties.data, deals: deals.data, openCases: openCases.data, closedCases: closedCases.data });

  useEffect(() => {
    // Wait for a pause in typing before asking Highrise (searches are rate limited).
    const t = setTimeout(() => setTerm(text.trim() && text !== value?.name ? text.trim() : ''), 250);
    return () => clearTimeout(t);
  }, [text, value?.name]);
  useEffect(() => setActive(-1), [term]);

  function type(next: string) {
    setText(next);
    setTouched(true);
    setOpen(true);
    onDraftChange?.(next);
    if (value && next !== value.name) onChange(null);
  }

  function choose(s: SubjectChoice) {
    onChange(s);
    setText(s.name);
    onDraftChange?.(s.name);
    setOpen(false);
  }

  const loading = parties.isFetching || deals.isFetching || openCases.isFetching || closedCases.isFetching;
  const optionId = (s: SubjectChoice) => `${listId}-${s.type}-${s.id}`;
  const status = !term
    ? ''
    : results.length > 0
      ? `${results.length} match${results.length === 1 ? '' : 'es'}${loading ? ', still searching' : ''}. Use the arrow keys to choose.`
      : loading
        ? 'Searching…'
        : parties.isError
          ? 'The contact search failed. Keep typing to try again.'
          : 'No contact, deal or case matches.';
  const msg = errorText(error);
  const hintId = `${id}-hint`;
  const expanded = open && results.length > 0;

  return (
    <div className="relative">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        About
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 && results[active] ? optionId(results[active]) : undefined}
          aria-invalid={msg ? true : undefined}
          aria-describedby={[hintId, msg ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(' ')}
          autoComplete="off"
          value={text}
          placeholder="A contact, deal or case"
          className={`${inputClass} ${msg ? 'border-red-600 dark:border-red-400' : 'border-slate-300 dark:border-slate-600'}`}
          onChange={(e) => type(e.target.value)}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(results.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter') {
              if (expanded && active >= 0 && results[active]) {
                e.preventDefault();
                choose(results[active]);
              }
            } else if (e.key === 'Escape') {
              setOpen(false);
            }
          }}
        />
        {(value || text) && (
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
        )}
      </div>
      <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {value ? `${value.detail}: ${value.name}` : 'Optional. Type part of a name to tie the task to a contact, deal or case.'}
      </p>
      <p id={`${id}-status`} role="status" className="sr-only">
        {status}
      </p>
      {msg && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {msg}
        </p>
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label="Contacts, deals and cases"
        hidden={!expanded}
        className="absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {results.map((s, i) => (
          <li
            key={`${s.type}-${s.id}`}
            id={optionId(s)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(s);
            }}
            onMouseEnter={() => setActive(i)}
            className={`cursor-pointer px-3 py-2 text-sm ${i === active ? 'bg-blue-100 text-slate-900 dark:bg-blue-900 dark:text-white' : 'text-slate-900 dark:text-slate-100'}`}
          >
            <span className="font-medium">{s.name}</span>
            <span className="ml-2 text-xs text-slate-600 dark:text-slate-300">{s.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
