import type { Company, CompanyCreateInput, CompanyUpdateInput, Person, PersonCreateInput, PersonUpdateInput } from '../../../server/api/types';
import { personCreateInput, personUpdateInput } from '../../../server/api/schemas/person';
import { companyCreateInput, companyUpdateInput } from '../../../server/api/schemas/company';

/**
 * The person form's values, how they come from a Person, how they become a create payload or a
 * minimal PATCH (a diff against the loaded person), and how validation/server errors keyed by payload
 * paths land on form fields.
 */

export const LOCATIONS = {
  emailAddresses: ['Work', 'Home', 'Other'],
  phoneNumbers: ['Work', 'Mobile', 'Fax', 'Pager', 'Home', 'Skype', 'Other'],
  addresses: ['Work', 'Home', 'Other'],
  instantMessengers: ['Work', 'Personal', 'Other'],
  twitterAccounts: ['Personal', 'Business', 'Other'],
  webAddresses: ['Work', 'Personal', 'Other'],
} as const;

export const IM_PROTOCOLS = ['AIM', 'MSN', 'ICQ', 'Jabber', 'Yahoo', 'Skype', 'QQ', 'Sametime', 'Gadu-Gadu', 'Google Talk', 'other'] as const;

export type ContactKind = keyof typeof LOCATIONS;
export const CONTACT_KINDS: ContactKind[] = ['emailAddresses', 'phoneNumbers', 'addresses', 'webAddresses', 'instantMessengers', 'twitterAccounts'];

/** Editable text fields of each kind of row (location is common to all). */
export const ROW_FIELDS = {
  emailAddresses: ['address'],
  phoneNumbers: ['number'],
  addresses: ['street', 'city', 'state', 'zip', 'country'],
  instantMessengers: ['address', 'protocol'],
  twitterAccounts: ['username'],
  webAddresses: ['url'],
} as const satisfies Record<ContactKind, readonly string[]>;

export interface FormRow {
  /** Stable React key; never sent. */
  key: string;
  /** Present for rows that exist in Highrise. */
  id?: number;
  location: string;
  [field: string]: string | number | undefined;
}

/** A custom field's value on the form, keyed by its definition (`subjectFieldId`); `id` once it exists in Highrise. */
export interface CustomFieldValue {
  fieldId: number;
  id?: number;
  value: string;
}

export type FormSubject = 'person' | 'company';

export interface PersonFormValues {
  /** Which record the form edits; the person form and the company form share rows, custom fields and visibility. */
  subject?: FormSubject;
  /** Company name (companies only). */
  name?: string;
  /** Chosen group when visibleTo is NamedGroup ('' = none). */
  groupId?: string;
  /** An existing company picked for a person; null = use companyName (Highrise looks it up or creates it). */
  companyId?: number | null;
  customFields?: CustomFieldValue[];
  firstName: string;
  lastName: string;
  title: string;
  companyName: string;
  background: string;
  linkedinUrl: string;
  visibleTo: string;
  contactData: Record<ContactKind, FormRow[]>;
}

export const SCALAR_FIELDS = ['firstName', 'lastName', 'title', 'companyName', 'background', 'linkedinUrl'] as const;
type ScalarField = (typeof SCALAR_FIELDS)[number];

let keySeq = 0;
export function newRowKey(): string {
  keySeq += 1;
  return `row-${keySeq}`;
}

export function blankRow(kind: ContactKind): FormRow {
  const row: FormRow = { key: newRowKey(), location: LOCATIONS[kind][0] };
  for (const f of ROW_FIELDS[kind]) row[f] = f === 'protocol' ? 'other' : '';
  return row;
}

export function emptyValues(): PersonFormValues {
  return {
    firstName: '',
    lastName: '',
    title: '',
    companyName: '',
    background: '',
    linkedinUrl: '',
    visibleTo: 'Everyone',
    contactData: { emailAddresses: [], phoneNumbers: [], addresses: [], instantMessengers: [], twitterAccounts: [], webAddresses: [] },
  };
}

export function emptyCompanyValues(): PersonFormValues {
  return { ...emptyValues(), subject: 'company', name: '', groupId: '', customFields: [] };
}

function customFieldValues(rec: Person | Company): CustomFieldValue[] {
  return rec.customFields
    .filter((f) => typeof f.subjectFieldId === 'number')
    .map((f) => ({ fieldId: f.subjectFieldId as number, ...(typeof f.id === 'number' ? { id: f.id } : {}), value: f.value ?? '' }));
}

export function valuesFromCompany(c: Company): PersonFormValues {
  const v = valuesFromPerson({ ...(c as unknown as Person), firstName: null, lastName: null, title: null, linkedinUrl: null, companyId: null, companyName: null });
  return { ...v, subject: 'company', name: c.name ?? '' };
}

export function valuesFromPerson(p: Person): PersonFormValues {
  const v = emptyValues();
  for (const f of SCALAR_FIELDS) v[f] = (p[f] as string | null) ?? '';
  v.visibleTo = p.visibleTo ?? 'Everyone';
  v.groupId = p.groupId != null ? String(p.groupId) : '';
  v.companyId = p.companyId ?? null;
  v.customFields = customFieldValues(p);
  for (const kind of CONTACT_KINDS) {
    const rows = (p.contactData?.[kind] ?? []) as unknown as Record<string, unknown>[];
    v.contactData[kind] = rows.map((r) => {
      const row: FormRow = { key: newRowKey(), location: typeof r.location === 'string' && r.location ? r.location : LOCATIONS[kind][0] };
      if (typeof r.id === 'number') row.id = r.id;
      for (const f of ROW_FIELDS[kind]) row[f] = typeof r[f] === 'string' ? (r[f] as string) : f === 'protocol' ? 'other' : '';
      return row;
    });
  }
  return v;
}

/** Form-field name for a row field, e.g. `contactData.emailAddresses.0.address`. */
export function rowFieldName(kind: ContactKind, index: number, field: string) {
  return `contactData.${kind}.${index}.${field}`;
}

const nullIfEmpty = (s: string) => (s.trim() === '' ? null : s);

function rowPayload(kind: ContactKind, row: FormRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (row.id !== undefined) out.id = row.id;
  out.location = row.location;
  for (const f of ROW_FIELDS[kind]) {
    const value = String(row[f] ?? '');
    // Address parts are optional (null clears); the others are required text.
    out[f] = kind === 'addresses' ? nullIfEmpty(value) : value;
  }
  return out;
}

function rowIsBlank(kind: ContactKind, row: FormRow) {
  return ROW_FIELDS[kind].every((f) => f === 'protocol' || String(row[f] ?? '').trim() === '');
}

function rowChanged(kind: ContactKind, before: FormRow, after: FormRow) {
  if (before.location !== after.location) return true;
  return ROW_FIELDS[kind].some((f) => String(before[f] ?? '') !== String(after[f] ?? ''));
}

/**
 * Where each payload row came from: payload path prefix `contactData.<kind>.<i>` → form row index,
 * or null for a removal of a row no longer on the form.
 */
export type RowMap = Record<ContactKind, (number | null)[]>;

export interface BuiltPayload<T> {
  payload: T;
  rowMap: RowMap;
}

function emptyRowMap(): RowMap {
  return { emailAddresses: [], phoneNumbers: [], addresses: [], instantMessengers: [], twitterAccounts: [], webAddresses: [] };
}

/** A create payload: every filled field, every row (blank new address rows are dropped). */
export function buildCreatePayload(v: PersonFormValues): BuiltPayload<PersonCreateInput> {
  const payload: Record<string, unknown> = {};
  if (v.subject === 'company') {
    payload.name = v.name ?? '';
    if (v.background.trim() !== '') payload.background = v.background;
  } else {
    payload.firstName = v.firstName;
    for (const f of SCALAR_FIELDS) {
      if (f !== 'firstName' && v[f].trim() !== '') payload[f] = v[f];
    }
    // A company picked from the list goes by id; a typed name is looked up or created by Highrise.
    if (v.companyId != null && v.companyName.trim() !== '') {
      payload.companyId = v.companyId;
      delete payload.companyName;
    }
  }
  payload.visibleTo = v.visibleTo;
  if (v.visibleTo === 'NamedGroup' && v.groupId) payload.groupId = Number(v.groupId);
  const custom = (v.customFields ?? []).filter((f) => f.value.trim() !== '').map((f) => ({ subjectFieldId: f.fieldId, value: f.value }));
  if (custom.length) payload.customFields = custom;
  const rowMap = emptyRowMap();
  const contactData: Record<string, unknown[]> = {};
  for (const kind of CONTACT_KINDS) {
    const rows: unknown[] = [];
    v.contactData[kind].forEach((row, i) => {
      if (kind === 'addresses' && rowIsBlank(kind, row)) return;
      rows.push(rowPayload(kind, row));
      rowMap[kind].push(i);
    });
    if (rows.length) contactData[kind] = rows;
  }
  if (Object.keys(contactData).length) payload.contactData = contactData;
  return { payload: payload as PersonCreateInput, rowMap };
}

/**
 * A PATCH payload with only what changed against `initial`: changed scalars (empty → null), new rows
 * without id, changed rows with their id, removed rows as `{id, remove: true}` (plus their loaded values,
 * which today's BFF schema still requires).
 */
export function buildUpdatePayload(initial: PersonFormValues, v: PersonFormValues): BuiltPayload<PersonUpdateInput> {
  const payload: Record<string, unknown> = {};
  if (v.subject === 'company') {
    if ((v.name ?? '') !== (initial.name ?? '')) payload.name = v.name ?? '';
    if (v.background !== initial.background) payload.background = nullIfEmpty(v.background);
  } else {
    for (const f of SCALAR_FIELDS) {
      if (v[f] !== initial[f]) payload[f] = f === 'firstName' ? v[f] : nullIfEmpty(v[f]);
    }
    if (v.companyId != null && v.companyId !== initial.companyId && v.companyName.trim() !== '') {
      payload.companyId = v.companyId;
      delete payload.companyName;
    }
  }
  if (v.visibleTo !== initial.visibleTo) payload.visibleTo = v.visibleTo;
  if (v.visibleTo === 'NamedGroup' && (v.groupId ?? '') !== (initial.groupId ?? '') && v.groupId) {
    payload.visibleTo = v.visibleTo;
    payload.groupId = Number(v.groupId);
  }
  const custom: Record<string, unknown>[] = [];
  for (const f of v.customFields ?? []) {
    const before = (initial.customFields ?? []).find((b) => b.fieldId === f.fieldId);
    if (before?.id !== undefined) {
      if (before.value === f.value) continue;
      // Cleared: remove the value (its id negated); changed: update it by its id (REAL-WORLD #15).
      custom.push(f.value.trim() === '' ? { id: before.id, remove: true } : { id: before.id, value: f.value });
    } else if (f.value.trim() !== '' && f.value !== (before?.value ?? '')) custom.push({ subjectFieldId: f.fieldId, value: f.value });
  }
  if (custom.length) payload.customFields = custom;
  const rowMap = emptyRowMap();
  const contactData: Record<string, unknown[]> = {};
  for (const kind of CONTACT_KINDS) {
    const rows: unknown[] = [];
    const before = new Map(initial.contactData[kind].filter((r) => r.id !== undefined).map((r) => [r.id as number, r]));
    const kept = new Set<number>();
    v.contactData[kind].forEach((row, i) => {
      if (row.id === undefined) {
        if (kind === 'addresses' && rowIsBlank(kind, row)) return;
        rows.push(rowPayload(kind, row));
        rowMap[kind].push(i);
        return;
      }
      kept.add(row.id);
      const old = before.get(row.id);
      if (!old || rowChanged(kind, old, row)) {
        rows.push(rowPayload(kind, row));
        rowMap[kind].push(i);
      }
    });
    for (const [id, old] of before) {
      if (!kept.has(id)) {
        // The contract is {id, remove: true}. The BFF's row schema (server/api/schemas/contact-data.ts)
        // still requires the row's text on every row, so the row travels as it was loaded, marked removed.
        rows.push({ ...rowPayload(kind, old), id, remove: true });
        rowMap[kind].push(null);
      }
    }
    if (rows.length) contactData[kind] = rows;
  }
  if (Object.keys(contactData).length) payload.contactData = contactData;
  return { payload: payload as PersonUpdateInput, rowMap };
}

export type FieldErrors = Record<string, string[]>;

/**
 * Maps errors keyed by payload path onto form-field names. Unknown paths (and errors about removed
 * rows) go to `_form` so they still reach the summary.
 */
export function mapErrorsToForm(errors: FieldErrors, rowMap: RowMap): FieldErrors {
  const out: FieldErrors = {};
  const add = (k: string, msgs: string[]) => {
    out[k] = [...(out[k] ?? []), ...msgs];
  };
  for (const [path, msgs] of Object.entries(errors)) {
    const m = /^contactData\.(\w+)\.(\d+)(?:\.(\w+))?/.exec(path);
    if (m && m[1] in rowMap) {
      const kind = m[1] as ContactKind;
      const formIndex = rowMap[kind][Number(m[2])];
      if (formIndex === null || formIndex === undefined) {
        add('_form', msgs);
        continue;
      }
      const field = m[3] ?? ROW_FIELDS[kind][0];
      add(rowFieldName(kind, formIndex, field === 'id' || field === 'remove' ? ROW_FIELDS[kind][0] : field), msgs);
      continue;
    }
    const top = path.split('.')[0];
    if ((SCALAR_FIELDS as readonly string[]).includes(top) || top === 'visibleTo' || top === 'name' || top === 'groupId') add(top, msgs);
    else if (top === 'companyId') add('companyName', msgs);
    else add('_form', msgs);
  }
  return out;
}

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
}

function issuesToErrors(issues: ZodLikeIssue[], rowMap: RowMap): FieldErrors {
  const byPath: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    // Removal rows carry only {id, remove}; the schema's per-row rules don't apply to them.
    const m = /^contactData\.(\w+)\.(\d+)/.exec(path);
    if (m && m[1] in rowMap && rowMap[m[1] as ContactKind][Number(m[2])] === null) continue;
    (byPath[path] ??= []).push(issue.message);
  }
  return mapErrorsToForm(byPath, rowMap);
}

export type Validated<T> = { ok: true; payload: T; rowMap: RowMap } | { ok: false; errors: FieldErrors; rowMap: RowMap };

/** Validates with exactly the BFF's schemas; returns the payload to send (as typed, not coerced). */
export function validateCreate(v: PersonFormValues): Validated<PersonCreateInput> {
  const { payload, rowMap } = buildCreatePayload(v);
  const r = (v.subject === 'company' ? companyCreateInput : personCreateInput).safeParse(payload);
  if (r.success) return { ok: true, payload, rowMap };
  return { ok: false, errors: issuesToErrors(r.error.issues, rowMap), rowMap };
}

export function validateUpdate(initial: PersonFormValues, v: PersonFormValues): Validated<PersonUpdateInput> {
  const { payload, rowMap } = buildUpdatePayload(initial, v);
  const r = (v.subject === 'company' ? companyUpdateInput : personUpdateInput).safeParse(payload);
  if (r.success) return { ok: true, payload, rowMap };
  const errors = issuesToErrors(r.error.issues, rowMap);
  if (Object.keys(errors).length === 0) return { ok: true, payload, rowMap };
  return { ok: false, errors, rowMap };
}

export function isEmptyUpdate(p: PersonUpdateInput): boolean {
  return Object.keys(p).length === 0;
}

export type { ScalarField };

/** The company form sends the same shapes as the person form, checked against the company schemas. */
export type CompanyPayloads = { create: CompanyCreateInput; update: CompanyUpdateInput };
