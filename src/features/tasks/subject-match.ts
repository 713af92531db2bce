import type { Deal, Kase, PartySummary } from '../../../server/api/types';

/** What a task can be about, as the picker shows it. */
export interface SubjectChoice {
  type: 'Party' | 'Deal' | 'Kase';
  id: number;
  name: string;
  /** "Person · Title at Company", "Company", "Deal", "Case (closed)". */
  detail: string;
}

/** Lower-cased, accents stripped: "rene" finds "Renée" (REAL-WORLD #21 says Highrise search does too). */
export function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Loaded deals and cases whose name contains the term (accent- and case-insensitive), names that start
 * with it first, at most `limit` of each; contacts as the party search returned them.
 */
export function matchSubjects(term: string, found: { parties?: PartySummary[]; deals?: Deal[]; openCases?: Kase[]; closedCases?: Kase[] }, limit = 8): SubjectChoice[] {
  const t = fold(term.trim());
  if (!t) return [];
  const rank = (name: string) => (fold(name).startsWith(t) ? 0 : 1);
  const pick = <T extends { id: number | null; name: string | null }>(rows: T[] | undefined) =>
    (rows ?? [])
      .filter((r): r is T & { id: number; name: string } => r.id !== null && !!r.name && fold(r.name).includes(t))
      .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  const contacts: SubjectChoice[] = (found.parties ?? []).slice(0, limit).map((p) => ({
    type: 'Party',
    id: p.id,
    name: p.name,
    detail: p.type === 'Company' ? 'Company' : p.detail ? `Person · ${p.detail}` : 'Person',
  }));
  const deals: SubjectChoice[] = pick(found.deals).slice(0, limit).map((d) => ({ type: 'Deal', id: d.id, name: d.name, detail: 'Deal' }));
  const cases: SubjectChoice[] = [
    ...pick(found.openCases).map((k) => ({ type: 'Kase' as const, id: k.id, name: k.name, detail: 'Case' })),
    ...pick(found.closedCases).map((k) => ({ type: 'Kase' as const, id: k.id, name: k.name, detail: 'Case (closed)' })),
  ].slice(0, limit);
  return [...contacts, ...deals, ...cases];
}

export const SUBJECT_KIND_LABEL: Record<SubjectChoice['type'], string> = { Party: 'Contact', Deal: 'Deal', Kase: 'Case' };
