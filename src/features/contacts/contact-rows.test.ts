import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makePerson } from '../people/test-fixtures';
import { contactsToCsv, matchesFilter, personRow, sortRows } from './contact-rows';

describe('contact rows', () => {
  it('sorts by name (last name first) and by last updated, newest first', () => {
    const a = personRow(makePerson({ id: 1, firstName: 'Zoe', lastName: 'Adams', updatedAt: '2025-01-01T00:00:00Z' }));
    const b = personRow(makePerson({ id: 2, firstName: 'Amy', lastName: 'Baker', updatedAt: '2025-03-01T00:00:00Z' }));
    expect(sortRows([b, a], 'name').map((r) => r.id)).toEqual([1, 2]);
    expect(sortRows([a, b], 'updated').map((r) => r.id)).toEqual([2, 1]);
  });

  it('filters by tag and title', () => {
    const r = personRow(makePerson({ title: 'CEO', tags: [{ id: 4, name: 'VIP' }] }));
    expect(matchesFilter(r, { tag: 4, title: 'ceo' })).toBe(true);
    expect(matchesFilter(r, { tag: 5 })).toBe(false);
  });

  it('writes CSV with a BOM, every loaded field, custom fields as columns, formulas neutralised', () => {
    const p = makePerson({ firstName: 'Renée', lastName: '=SUM(A1)', customFields: [{ id: 1, subjectFieldId: 7, subjectFieldLabel: 'Sales region', value: 'Nord, "Ost"' }] });
    const csv = contactsToCsv([personRow(p)]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1)).data;
    const [head, row] = parsed;
    expect(head).toContain('Sales region');
    expect(row[head.indexOf('First name')]).toBe('Renée');
    expect(row[head.indexOf('Last name')]).toBe("'=SUM(A1)");
    expect(row[head.indexOf('Sales region')]).toBe('Nord, "Ost"');
    expect(row[head.indexOf('Emails')]).toContain('ada@work.example (Work)');
  });
});
