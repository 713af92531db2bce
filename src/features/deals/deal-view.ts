import type { Deal, DealCategory, DealStatus, Party } from '../../../server/api/types';
import { dealValue } from './money';

export const STATUSES: readonly DealStatus[] = ['pending', 'won', 'lost'];
export const STATUS_LABEL: Record<DealStatus, string> = { pending: 'Pending', won: 'Won', lost: 'Lost' };
export const PRICE_TYPE_LABEL: Record<string, string> = { fixed: 'Fixed price', hour: 'Per hour', month: 'Per month', year: 'Per year' };

export function partyName(p: Party | null | undefined): string | null {
  if (!p) return null;
  if (p.type === 'Company') return p.name?.trim() || 'Unnamed company';
  return [p.firstName, p.lastName].filter((s) => s && s.trim()).join(' ').trim() || 'Unnamed person';
}

export function partyPath(p: Pick<Party, 'type' | 'id'> | null | undefined): string | null {
  if (!p || p.id == null) return null;
  return p.type === 'Company' ? `/companies/${p.id}` : `/people/${p.id}`;
}

export type GroupBy = 'status' | 'category';
export type ViewMode = 'board' | 'table';
export type SortKey = 'name' | 'party' | 'status' | 'category' | 'value' | 'responsible' | 'updated';

/** The pipeline's state, all of it in the URL: `/deals?view=board&group=status&category=…`. */
export interface PipelineState {
  view: ViewMode;
  group: GroupBy;
  /** Category id, 'none' for deals without one, or null for all. */
  category: string | null;
  status: DealStatus | null;
  responsible: string | null;
  party: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  settings: boolean;
}

const SORTS: readonly SortKey[] = ['name', 'party', 'status', 'category', 'value', 'responsible', 'updated'];

export function readPipelineState(params: URLSearchParams): PipelineState {
  const status = params.get('status');
  const sort = params.get('sort');
  return {
    view: params.get('view') === 'table' ? 'table' : 'board',
    group: params.get('group') === 'category' ? 'category' : 'status',
    category: params.get('category') || null,
    status: status && (STATUSES as readonly string[]).includes(status) ? (status as DealStatus) : null,
    responsible: params.get('responsible') || null,
    party: params.get('party') ?? '',
    sort: sort && (SORTS as readonly string[]).includes(sort) ? (sort as SortKey) : 'updated',
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
    settings: params.get('settings') === 'categories',
  };
}

export function writePipelineState(s: PipelineState): URLSearchParams {
  const p = new URLSearchParams();
  p.set('view', s.view);
  p.set('group', s.group);
  if (s.category) p.set('category', s.category);
  if (s.status) p.set('status', s.status);
  if (s.responsible) p.set('responsible', s.responsible);
  if (s.party.trim()) p.set('party', s.party);
  if (s.view === 'table') {
    p.set('sort', s.sort);
    p.set('dir', s.dir);
  }
  if (s.settings) p.set('settings', 'categories');
  return p;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function filterDeals(deals: readonly Deal[], s: PipelineState): Deal[] {
  const party = fold(s.party.trim());
  return deals.filter((d) => {
    if (s.category === 'none' && d.categoryId != null) return false;
    if (s.category && s.category !== 'none' && String(d.categoryId) !== s.category) return false;
    if (s.status && d.status !== s.status) return false;
    if (s.responsible === 'none' && d.responsiblePartyId != null) return false;
    if (s.responsible && s.responsible !== 'none' && String(d.responsiblePartyId) !== s.responsible) return false;
    if (party && !fold(partyName(d.party) ?? '').includes(party)) return false;
    return true;
  });
}

export function sortDeals(deals: readonly Deal[], s: Pick<PipelineState, 'sort' | 'dir'>, names: { category: (id: number | null) => string; user: (id: number | null) => string }): Deal[] {
  const key = (d: Deal): string | number => {
    switch (s.sort) {
      case 'name':
        return fold(d.name ?? '');
      case 'party':
        return fold(partyName(d.party) ?? '');
      case 'status':
        return STATUSES.indexOf(d.status ?? 'pending');
      case 'category':
        return fold(names.category(d.categoryId));
      case 'value':
        return dealValue(d);
      case 'responsible':
        return fold(names.user(d.responsiblePartyId));
      case 'updated':
        return d.updatedAt ?? '';
    }
  };
  const sign = s.dir === 'asc' ? 1 : -1;
  return [...deals].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || (a.id ?? 0) - (b.id ?? 0);
  });
}

export interface Column {
  /** Droppable id: `status:won`, `category:55001`, `category:none`. */
  id: string;
  title: string;
  color: string | null;
  deals: Deal[];
}

export function columnsFor(deals: readonly Deal[], group: GroupBy, categories: readonly DealCategory[]): Column[] {
  if (group === 'status') {
    return STATUSES.map((st) => ({ id: `status:${st}`, title: STATUS_LABEL[st], color: null, deals: deals.filter((d) => (d.status ?? 'pending') === st) }));
  }
  const known = new Set(categories.map((c) => c.id));
  const cols: Column[] = categories.map((c) => ({ id: `category:${c.id}`, title: c.name ?? 'Unnamed category', color: c.color, deals: deals.filter((d) => d.categoryId === c.id) }));
  cols.push({ id: 'category:none', title: 'No category', color: null, deals: deals.filter((d) => d.categoryId == null || !known.has(d.categoryId)) });
  return cols;
}

/** Which column a deal is in under the given grouping. */
export function columnOf(d: Deal, group: GroupBy): string {
  return group === 'status' ? `status:${d.status ?? 'pending'}` : `category:${d.categoryId ?? 'none'}`;
}

/** `#rrggbb` for a Highrise color (`ffcc33`), or null when it is not one. */
export function cssColor(hex: string | null | undefined): string | null {
  return hex && /^[0-9a-f]{6}$/i.test(hex) ? `#${hex}` : null;
}
