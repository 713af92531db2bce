import { describe, expect, it } from 'vitest';
import type { Deal, Kase, PartySummary } from '../../../server/api/types';
import { matchSubjects } from './subject-match';

const deal = (id: number, name: string) => ({ id, name }) as Deal;
const kase = (id: number, name: string) => ({ id, name }) as Kase;
const parties: PartySummary[] = [
  { id: 1, type: 'Company', name: 'Harbor & Finch Ltd', detail: null },
  { id: 2, type: 'Person', name: 'Renée Harbor', detail: 'Buyer at Harbor & Finch Ltd' },
];

describe('matchSubjects', () => {
  it('nothing for a blank term', () => {
    expect(matchSubjects('  ', { parties, deals: [deal(5, 'Harbor')] })).toEqual([]);
  });

  it('contacts as found, then deals and cases whose name contains the term, accent- and case-insensitively, prefix matches first', () => {
    const out = matchSubjects('RENEE', { parties: [], deals: [deal(5, 'Big order for Renée'), deal(6, 'Renee spring'), deal(7, 'Other')], openCases: [kase(9, 'Complaint from renée')], closedCases: [kase(10, 'Renée old case')] });
    expect(out.map((s) => [s.type, s.id, s.detail])).toEqual([
      ['Deal', 6, 'Deal'],
      ['Deal', 5, 'Deal'],
      ['Kase', 9, 'Case'],
      ['Kase', 10, 'Case (closed)'],
    ]);
    const withContacts = matchSubjects('harb', { parties, deals: [deal(5, 'Harbor – wholesale')] });
    expect(withContacts.map((s) => `${s.type}:${s.name}:${s.detail}`)).toEqual([
      'Party:Harbor & Finch Ltd:Company',
      'Party:Renée Harbor:Person · Buyer at Harbor & Finch Ltd',
      'Deal:Harbor – wholesale:Deal',
    ]);
  });

  it('skips records without an id or a name and keeps at most `limit` of each kind', () => {
    const many = Array.from({ length: 20 }, (_, i) => deal(i + 1, `Deal ${i}`));
    const out = matchSubjects('deal', { deals: [...many, { id: null, name: 'Deal x' } as unknown as Deal, { id: 99, name: null } as unknown as Deal] }, 3);
    expect(out).toHaveLength(3);
    expect(out.every((s) => s.id !== null && s.id !== 99)).toBe(true);
  });
});
