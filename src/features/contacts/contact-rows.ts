import Papa from 'papaparse';
import type { Company, Person } from '../../../server/api/types';
import { formatAddress, fullName } from '../people/format';

/** One row of the contacts list: a person or a company, with what the list shows and sorts by. */
export type ContactRow =
  | { kind: 'person'; id: number; name: string; sortName: string; updatedAt: string | null; record: Person }
  | { kind: 'company'; id: number; name: string; sortName: string; updatedAt: string | null; record: Company };

export function personRow(p: Person): ContactRow {
  const name = fullName(p);
  return { kind: 'person', id: p.id ?? 0, name, sortName: [p.lastName, p.firstName].filter(Boolean).join(' ') || name, updatedAt: p.updatedAt, record: p };
}

export function companyRow(c: Company): ContactRow {
  const name = c.name?.trim() || 'Unnamed company';
  return { kind: 'company', id: c.id ?? 0, name, sortName: name, updatedAt: c.updatedAt, record: c };
}

export const rowKey = (r: Pick<ContactRow, 'kind' | 'id'>) => `${r.kind}:${r.id}`;

export type SortKey = 'name' | 'updated';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function sortRows(rows: ContactRow[], sort: SortKey): ContactRow[] {
  const out = [...rows];
  if (sort === 'updated') out.sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') || collator.compare(a.sortName, b.sortName));
  else out.sort((a, b) => collator.compare(a.sortName, b.sortName) || a.id - b.id);
  return out;
}

export interface RowFilter {
  tag?: number;
  title?: string;
}

/** Filters applied in the browser where Highrise cannot combine them (e.g. tag within a company's people). */
export function matchesFilter(r: ContactRow, f: RowFilter): boolean {
  if (f.tag && !r.record.tags.some((t) => t.id === f.tag)) return false;
  if (f.title) {
    if (r.kind !== 'person') return false;
    if ((r.record.title ?? '').trim().toLowerCase() !== f.title.trim().toLowerCase()) return false;
  }
  return true;
}

const join = (items: (string | null | undefined)[]) => items.filter((s): s is string => !!s && s.trim() !== '').join('; ');
const labelled = (value: string | null | undefined, location: string | null) => (value ? (location ? `${value} (${location})` : value) : null);

/**
 * The rows as CSV: every loaded field, one column per custom field label, UTF-8 with a byte-order mark so
 * spreadsheet programs read accents right. Values are written as stored (REAL-WORLD #10).
 */
export function contactsToCsv(rows: ContactRow[]): string {
  const customLabels: string[] = [];
  for (const r of rows) for (const f of r.record.customFields) if (f.subjectFieldLabel && !customLabels.includes(f.subjectFieldLabel)) customLabels.push(f.subjectFieldLabel);
  const fields = ['Type', 'Id', 'Name', 'First name', 'Last name', 'Title', 'Company', 'Emails', 'Phones', 'Addresses', 'Websites', 'Instant messengers', 'Twitter', 'LinkedIn', 'Tags', 'Background', 'Visible to', 'Created', 'Updated', ...customLabels];
  const data = rows.map((r) => {
    const rec = r.record;
    const cd = rec.contactData;
    const person = r.kind === 'person' ? r.record : null;
    const values: Record<string, string | number> = {
      Type: r.kind === 'person' ? 'Person' : 'Company',
      Id: r.id,
      Name: r.name,
      'First name': person?.firstName ?? '',
      'Last name': person?.lastName ?? '',
      Title: person?.title ?? '',
      Company: person?.companyName ?? '',
      Emails: join(cd.emailAddresses.map((e) => labelled(e.address, e.location))),
      Phones: join(cd.phoneNumbers.map((p) => labelled(p.number, p.location))),
      Addresses: join(cd.addresses.map((a) => labelled(formatAddress(a).replace(/\n/g, ', '), a.location))),
      Websites: join(cd.webAddresses.map((w) => labelled(w.url, w.location))),
      'Instant messengers': join(cd.instantMessengers.map((m) => labelled(m.address && m.protocol ? `${m.address} [${m.protocol}]` : m.address, m.location))),
      Twitter: join(cd.twitterAccounts.map((t) => labelled(t.username, t.location))),
      LinkedIn: person?.linkedinUrl ?? '',
      Tags: join(rec.tags.map((t) => t.name)),
      Background: rec.background ?? '',
      'Visible to': rec.visibleTo ?? '',
      Created: rec.createdAt ?? '',
      Updated: rec.updatedAt ?? '',
    };
    for (const label of customLabels) values[label] = rec.customFields.find((f) => f.subjectFieldLabel === label)?.value ?? '';
    return values;
  });
  return '\uFEFF' + Papa.unparse({ fields, data: data.map((d) => fields.map((f) => d[f])) }, { newline: '\r\n', escapeFormulae: true });
}

/** Hands a text file to the browser as a download. */
export function downloadText(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
