import type { Deal, DealCategory, DealStatus } from '../../../server/api/types';
import { STATUSES, STATUS_LABEL } from '../deals/deal-view';
import { currencyOf, dealValue, totalsByCurrency } from '../deals/money';

/** The currency most of the pipeline is in (largest total), so charts compare like with like. */
export function mainCurrency(deals: readonly Deal[]): string {
  return totalsByCurrency(deals)[0]?.currency ?? 'USD';
}

export function currenciesOf(deals: readonly Deal[]): string[] {
  return totalsByCurrency(deals).map((t) => t.currency);
}

export function valueByStatus(deals: readonly Deal[], currency: string): { status: DealStatus; label: string; value: number; count: number }[] {
  return STATUSES.map((status) => {
    const these = deals.filter((d) => (d.status ?? 'pending') === status && currencyOf(d) === currency);
    return { status, label: STATUS_LABEL[status], value: these.reduce((s, d) => s + dealValue(d), 0), count: these.length };
  });
}

export type CategoryRow = { category: string; pending: number; won: number; lost: number };

export function valueByCategory(deals: readonly Deal[], categories: readonly DealCategory[], currency: string): CategoryRow[] {
  const rows = new Map<string, CategoryRow>();
  const nameOf = (id: number | null) => (id == null ? 'No category' : (categories.find((c) => c.id === id)?.name ?? 'No category'));
  for (const c of categories) rows.set(c.name ?? 'Unnamed', { category: c.name ?? 'Unnamed', pending: 0, won: 0, lost: 0 });
  for (const d of deals) {
    if (currencyOf(d) !== currency) continue;
    const name = nameOf(d.categoryId);
    const row = rows.get(name) ?? { category: name, pending: 0, won: 0, lost: 0 };
    row[d.status ?? 'pending'] += dealValue(d);
    rows.set(name, row);
  }
  return [...rows.values()].filter((r) => r.pending + r.won + r.lost > 0);
}

export type MonthRow = { month: string; label: string; won: number; lost: number };

/** Deals won and lost per month (by status-changed-on), the last `months` months up to `now`. */
export function wonLostByMonth(deals: readonly Deal[], now: Date, months = 12, locale?: string): MonthRow[] {
  const rows: MonthRow[] = [];
  const fmt = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getFullYear(), now.getMonth() - i, 1));
    const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    rows.push({ month, label: fmt.format(d), won: 0, lost: 0 });
  }
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  for (const d of deals) {
    if ((d.status !== 'won' && d.status !== 'lost') || !d.statusChangedOn) continue;
    const row = byMonth.get(d.statusChangedOn.slice(0, 7));
    if (row) row[d.status]++;
  }
  return rows;
}
