import { useEffect, useId, useState, type ReactNode } from 'react';
import { errorText, inputClass } from './fields';

/**
 * The text to search for once typing pauses (Highrise searches are rate limited), trimmed; '' while
 * the field is empty or still shows the name of what was chosen, so a choice does not search itself.
 */
export function useSearchTerm(text: string, chosenName?: string | null, delay = 250): string {
  const [term, setTerm] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setTerm(text.trim() && text !== chosenName ? text.trim() : ''), delay);
    return () => clearTimeout(t);
  }, [text, chosenName, delay]);
  return term;
}

/** What the polite status line says about a search: nothing before one, then searching, failed, none, or how many. */
export function searchStatus(s: { term: string; count: number; loading: boolean; failed: boolean; failedText: string; noneText: string; noun: readonly [one: string, many: string] }): string {
  if (!s.term) return '';
  if (s.count > 0) return `${s.count} ${s.noun[s.count === 1 ? 0 : 1]}${s.loading ? ', still searching' : ''}. Use the arrow keys to choose.`;
  if (s.loading) return 'Searching…';
  return s.failed ? s.failedText : s.noneText;
}

export interface ComboboxProps<T> {
  /** The input's id (defaults to a generated one); an error summary can link to it. */
  id?: string;
  label: string;
  /** What is typed; the owner keeps it, so it survives a failed save and can be cleared from outside. */
  text: string;
  /** Typing, and Escape on a closed list (with ''). */
  onTextChange: (text: string) => void;
  options: readonly T[];
  /** Unique among the options and stable across renders; part of the option's element id. */
  optionKey: (o: T) => string;
  optionLabel: (o: T) => string;
  optionDetail?: (o: T) => ReactNode;
  onSelect: (o: T) => void;
  /** The listbox's accessible name. */
  listLabel: string;
  /** Announced politely (role=status): searching, no matches, how many. */
  status: string;
  hint?: ReactNode;
  error?: string | string[];
  placeholder?: string;
  /** Beside the input, e.g. a Clear button. */
  after?: ReactNode;
  className?: string;
}

/**
 * An editable combobox with a listbox popup (WAI-ARIA 1.2 pattern, aria-activedescendant): focus stays
 * in the input while ArrowUp/Down, Home/End move through the options; Enter or a click chooses; Escape
 * closes the list, and on a closed list clears the text; Tab leaves. The owner does the searching.
 */
export function Combobox<T>({
  id: givenId,
  label,
  text,
  onTextChange,
  options,
  optionKey,
  optionLabel,
  optionDetail,
  onSelect,
  listLabel,
  status,
  hint,
  error,
  placeholder,
  after,
  className = '',
}: ComboboxProps<T>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  // The active option is tracked by key, so results arriving late (or in another order) never move it
  // onto something else.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const active = activeKey === null ? -1 : options.findIndex((o) => optionKey(o) === activeKey);
  const expanded = open && options.length > 0;
  const optionId = (o: T) => `${listId}-${optionKey(o)}`;
  const activeId = expanded && active >= 0 ? optionId(options[active]) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  function moveTo(index: number) {
    setActiveKey(options[index] ? optionKey(options[index]) : null);
  }

  function choose(o: T) {
    onSelect(o);
    setOpen(false);
    setActiveKey(null);
  }

  const msg = errorText(error);
  const describedBy = [hint ? `${id}-hint` : null, msg ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(' ');
  const input = (
    <input
      id={id}
      role="combobox"
      aria-expanded={expanded}
      aria-controls={listId}
      aria-autocomplete="list"
      aria-activedescendant={activeId}
      aria-invalid={msg ? true : undefined}
      aria-describedby={describedBy}
      autoComplete="off"
      value={text}
      placeholder={placeholder}
      className={`${inputClass} ${msg ? 'border-red-600 dark:border-red-400' : 'border-slate-300 dark:border-slate-600'}`}
      onChange={(e) => {
        setOpen(true);
        setActiveKey(null);
        onTextChange(e.target.value);
      }}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(e) => {
        const last = options.length - 1;
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          if (last < 0) return;
          const down = e.key === 'ArrowDown';
          if (!expanded) {
            setOpen(true);
            moveTo(down ? 0 : last);
          } else if (active < 0) moveTo(down ? 0 : last);
          else moveTo(down ? Math.min(last, active + 1) : Math.max(0, active - 1));
        } else if ((e.key === 'Home' || e.key === 'End') && expanded && active >= 0) {
          // Only once someone is moving through the list; before that Home/End move the caret as usual.
          e.preventDefault();
          moveTo(e.key === 'Home' ? 0 : last);
        } else if (e.key === 'Enter') {
          if (expanded && active >= 0) {
            e.preventDefault();
            choose(options[active]);
          }
        } else if (e.key === 'Escape') {
          if (expanded) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
            setActiveKey(null);
          } else if (text) {
            e.preventDefault();
            e.stopPropagation();
            onTextChange('');
          }
        } else if (e.key === 'Tab') {
          setOpen(false);
        }
      }}
    />
  );

  return (
    <div className={`relative ${className}`}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {/* Always this wrapper: swapping it when `after` comes and goes would remount the input and lose focus. */}
      <div className="flex gap-2">
        {input}
        {after}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs wrap-anywhere text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      <p id={`${id}-status`} role="status" className="sr-only">
        {status}
      </p>
      {msg && (
        <p id={`${id}-error`} className="mt-1 text-sm wrap-anywhere text-red-700 dark:text-red-400">
          {msg}
        </p>
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label={listLabel}
        hidden={!expanded}
        // Keeps focus in the input when the list's scrollbar is pressed.
        onMouseDown={(e) => e.preventDefault()}
        className="absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((o, i) => (
          <li
            key={optionKey(o)}
            id={optionId(o)}
            role="option"
            aria-selected={i === active}
            onClick={() => choose(o)}
            onMouseEnter={() => moveTo(i)}
            className={`cursor-pointer px-3 py-2 text-sm wrap-anywhere ${i === active ? 'bg-blue-100 text-slate-900 dark:bg-blue-900 dark:text-white' : 'text-slate-900 dark:text-slate-100'}`}
          >
            <span className="font-medium">{optionLabel(o)}</span>
            {optionDetail && <span className="ml-2 text-xs text-slate-600 dark:text-slate-300">{optionDetail(o)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
