import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

export const inputClass =
  'block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:outline-2 focus:outline-offset-0 focus:outline-blue-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400';
const okBorder = 'border-slate-300 dark:border-slate-600';
const badBorder = 'border-red-600 dark:border-red-400';

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | string[];
  required?: boolean;
  className?: string;
  children: ReactNode;
  labelClassName?: string;
}

export function errorText(error?: string | string[]): string | undefined {
  if (!error) return undefined;
  const list = Array.isArray(error) ? error : [error];
  return list.length ? list.join(' ') : undefined;
}

/** Label + control + hint + error, wired with ids for aria-describedby. */
export function FieldShell({ id, label, hint, error, required, className = '', children, labelClassName = '' }: FieldShellProps) {
  const msg = errorText(error);
  return (
    <div className={className}>
      <label htmlFor={id} className={`mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200 ${labelClassName}`}>
        {label}
        {required && ' '}
        {required && (
          <span className="font-normal text-slate-600 dark:text-slate-400">(required)</span>
        )}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs wrap-anywhere text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {msg && (
        <p id={`${id}-error`} className="mt-1 text-sm wrap-anywhere text-red-700 dark:text-red-400">
          {msg}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, hint?: ReactNode, error?: string | string[]) {
  const ids = [hint ? `${id}-hint` : null, errorText(error) ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type Common = { label: ReactNode; hint?: ReactNode; error?: string | string[]; className?: string; labelClassName?: string };

export type TextFieldProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>;

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, hint, error, className, labelClassName, id, required, ...rest },
  ref,
) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <FieldShell id={fid} label={label} hint={hint} error={error} required={required} className={className} labelClassName={labelClassName}>
      <input
        ref={ref}
        id={fid}
        aria-invalid={errorText(error) ? true : undefined}
        aria-describedby={describedBy(fid, hint, error)}
        aria-required={required || undefined}
        className={`${inputClass} ${errorText(error) ? badBorder : okBorder}`}
        {...rest}
      />
    </FieldShell>
  );
});

export type TextareaProps = Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>;

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { label, hint, error, className, labelClassName, id, required, rows = 4, ...rest },
  ref,
) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <FieldShell id={fid} label={label} hint={hint} error={error} required={required} className={className} labelClassName={labelClassName}>
      <textarea
        ref={ref}
        id={fid}
        rows={rows}
        aria-invalid={errorText(error) ? true : undefined}
        aria-describedby={describedBy(fid, hint, error)}
        aria-required={required || undefined}
        className={`${inputClass} ${errorText(error) ? badBorder : okBorder}`}
        {...rest}
      />
    </FieldShell>
  );
});

export type SelectProps = Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & {
    options: readonly (string | { value: string; label: string; disabled?: boolean })[];
  };

export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { label, hint, error, className, labelClassName, id, options, required, ...rest },
  ref,
) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <FieldShell id={fid} label={label} hint={hint} error={error} required={required} className={className} labelClassName={labelClassName}>
      <select
        ref={ref}
        id={fid}
        aria-invalid={errorText(error) ? true : undefined}
        aria-describedby={describedBy(fid, hint, error)}
        className={`${inputClass} ${errorText(error) ? badBorder : okBorder}`}
        {...rest}
      >
        {options.map((o) => {
          const opt = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={opt.value} value={opt.value} disabled={opt.disabled}>
              {opt.label}
            </option>
          );
        })}
      </select>
    </FieldShell>
  );
});
