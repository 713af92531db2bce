import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonLink } from '../../components/Button';
import { Select, TextField, Textarea } from '../../components/fields';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useUnsavedChanges } from '../../components/useUnsavedChanges';
import { ApiError, errorMessage } from '../../api/client';
import type { GroupsList, PersonCreateInput, PersonUpdateInput, SubjectField } from '../../../server/api/types';
import { useCompanySearch } from '../../api/search';
import { Combobox, searchStatus, useSearchTerm } from '../../components/Combobox';
import {
  blankRow,
  IM_PROTOCOLS,
  isEmptyUpdate,
  LOCATIONS,
  mapErrorsToForm,
  rowFieldName,
  ROW_FIELDS,
  validateCreate,
  validateUpdate,
  type ContactKind,
  type FieldErrors,
  type FormRow,
  type PersonFormValues,
  type RowMap,
} from './form-model';

export type PersonFormSubmit =
  | { mode: 'create'; payload: PersonCreateInput }
  | { mode: 'edit'; payload: PersonUpdateInput; unchanged: boolean };

interface PersonFormProps {
  mode: 'create' | 'edit';
  initial: PersonFormValues;
  /** Resolve on success; throw (an ApiError ideally) on failure — the form keeps what was typed. */
  onSubmit: (submit: PersonFormSubmit) => Promise<void>;
  cancelTo: string;
  /** Custom field definitions (`/subject_fields.xml`): one input each. */
  customFieldDefs?: SubjectField[];
  /** Groups for "visible to a group"; unavailable (403 for non-admins) → only Everyone and Only me. */
  groups?: GroupsList;
  /** Loading the custom field definitions failed (and none are cached): say so, with Try again. */
  customFieldsError?: unknown;
  onRetryCustomFields?: () => void;
}

export const fieldId = (name: string) => `pf-${name.replace(/[^\w-]/g, '-')}`;

/** Singular noun per kind, for labels "Email 1", "Location for email 1", "Remove email 1", "Add email". */
const NOUN: Record<ContactKind, { label: string; lower: string; legend: string }> = {
  emailAddresses: { label: 'Email', lower: 'email', legend: 'Email addresses' },
  phoneNumbers: { label: 'Phone', lower: 'phone', legend: 'Phone numbers' },
  addresses: { label: 'Address', lower: 'address', legend: 'Addresses' },
  webAddresses: { label: 'Website', lower: 'website', legend: 'Websites' },
  instantMessengers: { label: 'Instant messenger', lower: 'instant messenger', legend: 'Instant messengers' },
  twitterAccounts: { label: 'Twitter', lower: 'Twitter', legend: 'Twitter accounts' },
};

const ADDRESS_PARTS: { field: string; label: string; autoComplete: string }[] = [
  { field: 'street', label: 'Street', autoComplete: 'street-address' },
  { field: 'city', label: 'City', autoComplete: 'address-level2' },
  { field: 'state', label: 'State', autoComplete: 'address-level1' },
  { field: 'zip', label: 'ZIP', autoComplete: 'postal-code' },
  { field: 'country', label: 'Country', autoComplete: 'country-name' },
];

export function PersonForm({ mode, initial, onSubmit, cancelTo, customFieldDefs = [], groups, customFieldsError, onRetryCustomFields }: PersonFormProps) {
  const isCompany = initial.subject === 'company';
  const noun = isCompany ? 'company' : 'person';
  const [values, setValues] = useState<PersonFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  // Asks before leaving with changes, keeps them if the session ends mid-save, one submit at a time.
  const { guard } = useUnsavedChanges({ values, initial, restore: setValues });

  useEffect(() => {
    if (focusTick === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else summaryRef.current?.focus();
  }, [focusTick]);

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const err = (name: string) => errors[name];

  function setCompany(name: string, id: number | null) {
    setValues((v) => ({ ...v, companyName: name, companyId: id }));
    clearError('companyName');
  }

  function setCustom(fieldId: number, value: string) {
    setValues((v) => {
      const list = v.customFields ?? [];
      const has = list.some((f) => f.fieldId === fieldId);
      return { ...v, customFields: has ? list.map((f) => (f.fieldId === fieldId ? { ...f, value } : f)) : [...list, { fieldId, value }] };
    });
  }

  function clearError(name: string) {
    if (!errors[name]) return;
    setErrors(({ [name]: _drop, ...rest }) => rest);
  }

  function setScalar<K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    clearError(key);
  }

  function setRow(kind: ContactKind, index: number, field: string, value: string) {
    setValues((v) => ({
      ...v,
      contactData: { ...v.contactData, [kind]: v.contactData[kind].map((r, i) => (i === index ? { ...r, [field]: value } : r)) },
    }));
    clearError(rowFieldName(kind, index, field));
  }

  function addRow(kind: ContactKind) {
    const index = values.contactData[kind].length;
    setValues((v) => ({ ...v, contactData: { ...v.contactData, [kind]: [...v.contactData[kind], blankRow(kind)] } }));
    const first = ROW_FIELDS[kind][0];
    pendingFocus.current = fieldId(rowFieldName(kind, index, first));
  }

  function removeRow(kind: ContactKind, index: number) {
    setValues((v) => ({ ...v, contactData: { ...v.contactData, [kind]: v.contactData[kind].filter((_, i) => i !== index) } }));
    // Row errors are keyed by index; after a removal they no longer line up.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`contactData.${kind}.`))));
    pendingFocus.current = `pf-add-${kind}`;
  }

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (submitting) return;
    setFormError(null);
    const result = mode === 'create' ? validateCreate(values) : validateUpdate(initial, values);
    if (!result.ok) {
      setErrors(result.errors);
      setFocusTick((t) => t + 1);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      if (mode === 'create') await onSubmit({ mode, payload: result.payload as PersonCreateInput });
      else await onSubmit({ mode, payload: result.payload as PersonUpdateInput, unchanged: isEmptyUpdate(result.payload as PersonUpdateInput) });
    } catch (failure) {
      applyServerError(failure, result.rowMap);
    } finally {
      setSubmitting(false);
    }
  }

  function applyServerError(failure: unknown, rowMap: RowMap) {
    if (failure instanceof ApiError && failure.status === 401) {
      setFormError('Your session ended — sign in again and your changes will be here.');
      return;
    }
    setFormError(errorMessage(failure));
    if (failure instanceof ApiError && failure.fields) {
      const mapped = mapErrorsToForm(failure.fields, rowMap);
      const { _form, ...fieldErrs } = mapped;
      setErrors(fieldErrs);
      if (_form?.length) setFormError(`${errorMessage(failure)} ${_form.join(' ')}`);
    }
    setFocusTick((t) => t + 1);
  }

  const fieldErrorEntries = Object.entries(errors).filter(([k]) => k !== '_form');
  const summaryItems = [...fieldErrorEntries.map(([k, msgs]) => ({ id: fieldId(k), text: `${describeField(k)}: ${msgs.join(' ')}` })), ...(errors._form ?? []).map((m) => ({ id: '', text: m }))];
  const hasProblems = summaryItems.length > 0 || !!formError;

  function textField(name: 'firstName' | 'lastName' | 'title' | 'companyName' | 'linkedinUrl', label: string, props: Record<string, unknown> = {}) {
    return (
      <TextField
        id={fieldId(name)}
        name={name}
        label={label}
        value={values[name]}
        onChange={(e) => setScalar(name, e.target.value)}
        error={err(name)}
        {...props}
      />
    );
  }

  const groupsAvailable = !!groups?.available && groups.data.length > 0;
  const visibilityOptions = [
    { value: 'Everyone', label: 'Everyone' },
    { value: 'Owner', label: 'Only me (Owner)' },
    ...(groupsAvailable ? [{ value: 'NamedGroup', label: 'A group' }] : initial.visibleTo === 'NamedGroup' ? [{ value: 'NamedGroup', label: 'A group (as set in Highrise)' }] : []),
  ];
  const groupOptions = [{ value: '', label: 'Choose a group…' }, ...(groups?.data ?? []).map((g) => ({ value: String(g.id), label: g.name ?? `Group ${g.id}` }))];

  return (
    <form ref={formRef} onSubmit={guard(handleSubmit)} noValidate className="space-y-8" aria-label={`${mode === 'create' ? 'New' : 'Edit'} ${noun}`}>
      {hasProblems && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 focus:outline-2 focus:outline-red-600 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <h2 className="font-semibold">
            {formError && summaryItems.length === 0
              ? `The ${noun} was not saved`
              : `Please fix ${summaryItems.length === 1 ? 'this problem' : `these ${summaryItems.length} problems`}`}
          </h2>
          {formError && <p className="mt-1 text-sm">{formError}</p>}
          {summaryItems.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {summaryItems.map((item, i) => (
                <li key={i}>
                  {item.id ? (
                    <a
                      href={`#${item.id}`}
                      className="underline"
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(item.id)?.focus();
                      }}
                    >
                      {item.text}
                    </a>
                  ) : (
                    item.text
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <section aria-labelledby="pf-basics" className="space-y-4">
        <h2 id="pf-basics" className="text-lg font-semibold">
          Basics
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {isCompany ? (
            <TextField
              id={fieldId('name')}
              name="name"
              label="Company name"
              required
              autoComplete="organization"
              value={values.name ?? ''}
              onChange={(e) => setScalar('name', e.target.value)}
              error={err('name')}
              className="sm:col-span-2"
            />
          ) : (
            <>
              {textField('firstName', 'First name', { required: true, autoComplete: 'given-name' })}
              {textField('lastName', 'Last name', { autoComplete: 'family-name' })}
              {textField('title', 'Title', { autoComplete: 'organization-title' })}
              <CompanyField id={fieldId('companyName')} name={values.companyName} companyId={values.companyId} onChange={setCompany} error={err('companyName')} />
              {textField('linkedinUrl', 'LinkedIn URL', { type: 'url', inputMode: 'url', placeholder: 'https://www.linkedin.com/in/…', className: 'sm:col-span-2' })}
            </>
          )}
          <Select
            id={fieldId('visibleTo')}
            name="visibleTo"
            label="Visible to"
            value={values.visibleTo}
            onChange={(e) => setScalar('visibleTo', e.target.value)}
            options={visibilityOptions}
            error={err('visibleTo')}
            hint={groups && !groups.available ? 'Only admins can choose a group.' : undefined}
          />
          {values.visibleTo === 'NamedGroup' && groupsAvailable && (
            <Select
              id={fieldId('groupId')}
              name="groupId"
              label="Group"
              required
              value={values.groupId ?? ''}
              onChange={(e) => setScalar('groupId', e.target.value)}
              options={groupOptions}
              error={err('groupId')}
            />
          )}
        </div>
        <Textarea
          id={fieldId('background')}
          name="background"
          label="Background"
          rows={5}
          value={values.background}
          onChange={(e) => setScalar('background', e.target.value)}
          error={err('background')}
        />
      </section>

      {customFieldsError != null && customFieldDefs.length === 0 && (
        <section aria-label="Custom fields">
          <ErrorPanel error={customFieldsError} title="Custom fields could not be loaded" onRetry={onRetryCustomFields} />
        </section>
      )}

      {customFieldDefs.length > 0 && (
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">Custom fields</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {customFieldDefs
              .filter((d) => d.id !== null)
              .map((d) => (
                <TextField
                  key={d.id}
                  id={fieldId(`custom-${d.id}`)}
                  label={d.label ?? `Field ${d.id}`}
                  value={(values.customFields ?? []).find((f) => f.fieldId === d.id)?.value ?? ''}
                  onChange={(e) => setCustom(d.id as number, e.target.value)}
                />
              ))}
          </div>
        </fieldset>
      )}

      {(['emailAddresses', 'phoneNumbers', 'addresses', 'webAddresses', 'instantMessengers', 'twitterAccounts'] as ContactKind[]).map((kind) => (
        <fieldset key={kind} className="space-y-3">
          <legend className="text-lg font-semibold">{NOUN[kind].legend}</legend>
          {values.contactData[kind].length > 0 && (
            <ul className="space-y-3">
              {values.contactData[kind].map((row, i) => (
                <li key={row.key} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
                  <RowFields kind={kind} row={row} index={i} errors={errors} onChange={setRow} onRemove={removeRow} />
                </li>
              ))}
            </ul>
          )}
          <Button id={`pf-add-${kind}`} size="sm" onClick={() => addRow(kind)}>
            Add {NOUN[kind].lower}
          </Button>
        </fieldset>
      ))}

      <div className="flex flex-col-reverse gap-2 border-t border-slate-200 pt-6 sm:flex-row sm:justify-end dark:border-slate-800">
        <ButtonLink to={cancelTo} variant="ghost">
          Cancel
        </ButtonLink>
        <Button type="submit" variant="primary" busy={submitting}>
          {submitting ? 'Saving…' : `Save ${noun}`}
        </Button>
      </div>
    </form>
  );
}

function describeField(name: string): string {
  const scalar: Record<string, string> = {
    firstName: 'First name',
    lastName: 'Last name',
    title: 'Title',
    companyName: 'Company',
    background: 'Background',
    linkedinUrl: 'LinkedIn URL',
    visibleTo: 'Visible to',
    name: 'Company name',
    groupId: 'Group',
  };
  if (scalar[name]) return scalar[name];
  const m = /^contactData\.(\w+)\.(\d+)\.(\w+)$/.exec(name);
  if (m && m[1] in NOUN) {
    const noun = NOUN[m[1] as ContactKind];
    const n = Number(m[2]) + 1;
    if (m[3] === 'location') return `Location for ${noun.lower} ${n}`;
    if (m[1] === 'addresses') return `${ADDRESS_PARTS.find((p) => p.field === m[3])?.label ?? m[3]} for address ${n}`;
    if (m[3] === 'protocol') return `Service for ${noun.lower} ${n}`;
    return `${noun.label} ${n}`;
  }
  return name;
}

interface RowFieldsProps {
  kind: ContactKind;
  row: FormRow;
  index: number;
  errors: FieldErrors;
  onChange: (kind: ContactKind, index: number, field: string, value: string) => void;
  onRemove: (kind: ContactKind, index: number) => void;
}

function RowFields({ kind, row, index, errors, onChange, onRemove }: RowFieldsProps) {
  const n = index + 1;
  const noun = NOUN[kind];
  const name = (field: string) => rowFieldName(kind, index, field);
  const value = (field: string) => String(row[field] ?? '');
  const location = (
    <Select
      id={fieldId(name('location'))}
      label="Location"
      aria-label={`Location for ${noun.lower} ${n}`}
      value={row.location}
      onChange={(e) => onChange(kind, index, 'location', e.target.value)}
      options={LOCATIONS[kind]}
      error={errors[name('location')]}
      className="sm:w-40"
    />
  );
  const remove = (
    <Button size="sm" variant="ghost" onClick={() => onRemove(kind, index)} className="self-end sm:mb-0.5" aria-label={`Remove ${noun.lower} ${n}`}>
      Remove
    </Button>
  );

  if (kind === 'addresses') {
    return (
      <div className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          {ADDRESS_PARTS.map((p) => (
            <TextField
              key={p.field}
              id={fieldId(name(p.field))}
              label={p.label}
              aria-label={`${p.label} for address ${n}`}
              value={value(p.field)}
              autoComplete={p.autoComplete}
              onChange={(e) => onChange(kind, index, p.field, e.target.value)}
              error={errors[name(p.field)]}
              className={p.field === 'street' ? 'sm:col-span-2' : ''}
            />
          ))}
        </div>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          {location}
          {remove}
        </div>
      </div>
    );
  }

  const main = {
    emailAddresses: { field: 'address', type: 'email', autoComplete: 'email' },
    phoneNumbers: { field: 'number', type: 'tel', autoComplete: 'tel' },
    webAddresses: { field: 'url', type: 'url', autoComplete: 'url' },
    instantMessengers: { field: 'address', type: 'text', autoComplete: 'off' },
    twitterAccounts: { field: 'username', type: 'text', autoComplete: 'off' },
  }[kind];

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <TextField
        id={fieldId(name(main.field))}
        label={`${noun.label} ${n}`}
        type={main.type}
        autoComplete={main.autoComplete}
        value={value(main.field)}
        onChange={(e) => onChange(kind, index, main.field, e.target.value)}
        error={errors[name(main.field)]}
        className="min-w-0 flex-1"
      />
      {kind === 'instantMessengers' && (
        <Select
          id={fieldId(name('protocol'))}
          label="Service"
          aria-label={`Service for ${noun.lower} ${n}`}
          value={value('protocol')}
          onChange={(e) => onChange(kind, index, 'protocol', e.target.value)}
          options={IM_PROTOCOLS}
          error={errors[name('protocol')]}
          className="sm:w-40"
        />
      )}
      {location}
      <div className="flex sm:pt-6">{remove}</div>
    </div>
  );
}

/**
 * A person's company: existing companies are suggested as the person types; the name stays free
 * text, and Highrise links a company of that name or creates one from it. Its own component so only
 * person forms search companies.
 */
function CompanyField(p: { id: string; name: string; companyId: number | null | undefined; onChange: (name: string, id: number | null) => void; error?: string | string[] }) {
  const term = useSearchTerm(p.name, p.companyId != null ? p.name : null);
  const search = useCompanySearch(term);
  const options = term ? (search.data ?? []) : [];
  const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const typed = p.name.trim();
  const known = p.companyId != null || options.some((o) => sameName(o.name, typed));
  const checked = term === typed && !search.isFetching;
  return (
    <Combobox
      id={p.id}
      label="Company"
      text={p.name}
      onTextChange={(name) => p.onChange(name, options.find((o) => sameName(o.name, name))?.id ?? null)}
      options={options}
      optionKey={(o) => String(o.id)}
      optionLabel={(o) => o.name}
      onSelect={(o) => p.onChange(o.name, o.id)}
      listLabel="Existing companies"
      status={searchStatus({
        term,
        count: options.length,
        loading: search.isFetching,
        failed: search.isError,
        failedText: `Could not look up your companies. Saving uses “${typed}” as typed.`,
        noneText: `No company matches. New company: ${typed}.`,
        noun: ['matching company', 'matching companies'],
      })}
      error={p.error}
      hint={
        !typed
          ? 'Pick an existing company or type a new name to create it.'
          : known
            ? 'An existing company in Highrise.'
            : !checked
              ? 'Looking through your companies…'
              : search.isError
                ? 'Could not look up your companies: saving links the company of this name or creates it.'
                : `New company: ${typed}. Saving creates it.`
      }
    />
  );
}
