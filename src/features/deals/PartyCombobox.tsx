import { useEffect, useId, useState } from 'react';
import type { PartySummary } from '../../../server/api/types';
import { usePartySearch } from '../../api/deals';
import { errorText, inputClass } from '../../components/fields';

/** Search people and companies (GET /api/deals/party-search) and pick one. ARIA 1.2 combobox with aria-activedescendant. */
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
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value?.name ?? '');
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = usePartySearch(term);
  const results = term ? (search.data ?? []) : [];

  // Wait for a pause in typing before asking Highrise (searches are rate limited).
  useEffect(() => {
    const t = setTimeout(() => setTerm(text.trim() && text !== value?.name ? text.trim() : ''), 250);
    return () => clearTimeout(t);
  }, [text, value?.name]);

  useEffect(() => setActive(-1), [term]);

  function choose(p: PartySummary) {
    onChange(p);
    setText(p.name);
    setOpen(false);
  }

  const msg = errorText(error);
  const status = !term ? '' : search.isFetching ? 'Searching…' : search.isError ? 'Search failed. Keep typing to try again.' : results.length === 0 ? 'No people or companies match.' : `${results.length} result${results.length === 1 ? '' : 's'}. Use the arrow keys to choose.`;
  const describedBy = [hint ? `${id}-hint` : null, msg ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(' ');

  return (
    <div className="relative">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 && results[active] ? `${listId}-${results[active].id}` : undefined}
        aria-invalid={msg ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        value={text}
        placeholder="Type a name to search"
        className={`${inputClass} ${msg ? 'border-red-600 dark:border-red-400' : 'border-slate-300 dark:border-slate-600'}`}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (value && e.target.value !== value.name) onChange(null);
        }}
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
            if (open && active >= 0 && results[active]) {
              e.preventDefault();
              choose(results[active]);
            }
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
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
        aria-label={`${label} results`}
        hidden={!(open && results.length > 0)}
        className="absolute z-30 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {results.map((p, i) => (
          <li
            key={`${p.type}-${p.id}`}
            id={`${listId}-${p.id}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(p);
            }}
            onMouseEnter={() => setActive(i)}
            className={`cursor-pointer px-3 py-2 text-sm ${i === active ? 'bg-blue-100 text-slate-900 dark:bg-blue-900 dark:text-white' : 'text-slate-900 dark:text-slate-100'}`}
          >
            <span className="font-medium">{p.name}</span>
            <span className="ml-2 text-xs text-slate-600 dark:text-slate-300">{p.type === 'Company' ? 'Company' : p.detail || 'Person'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
